// Tests.cpp - `exitbar collect tests`: JUnit files to tests evidence
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Collect.h"
#include "exitbar/Files.h"
#include "formats/junit/Read.h"
#include <algorithm>
#include <map>
#include <set>

namespace exitbar {

TestsEvidence collectTests(const std::vector<std::string> &JUnitFiles) {
  // Outcomes by test name: a test that both passed and failed in one run
  // (a retry, `ctest --repeat until-pass`) is flaky.
  std::map<std::string, std::set<TestOutcome>> Outcomes;
  TestsEvidence E;
  for (const std::string &File : JUnitFiles)
    for (const formats::JUnitCase &C : formats::readJUnit(readFile(File), File)) {
      Outcomes[C.Name].insert(C.Outcome);
      E.Seconds += C.Seconds;
    }
  for (const auto &[Name, Seen] : Outcomes) {
    bool Passed = Seen.count(TestOutcome::Passed);
    bool Failed = Seen.count(TestOutcome::Failed) ||
                  Seen.count(TestOutcome::Errored);
    if (Passed && Failed) {
      // It passed on a retry: it counts as passed and is reported as flaky.
      E.FlakyTests.push_back(Name);
      ++E.Passed;
    } else if (Seen.count(TestOutcome::Errored)) {
      ++E.Errored;
      E.FailingTests.push_back(Name);
    } else if (Seen.count(TestOutcome::Failed)) {
      ++E.Failed;
      E.FailingTests.push_back(Name);
    } else if (Passed) {
      ++E.Passed;
    } else {
      ++E.Skipped;
    }
  }
  return E;
}

} // namespace exitbar

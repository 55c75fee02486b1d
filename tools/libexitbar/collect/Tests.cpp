// Tests.cpp - `exitbar collect tests`: JUnit files to tests evidence
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Collect.h"
#include "exitbar/Files.h"
#include "formats/junit/Read.h"
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace exitbar {

TestsEvidence collectTests(const std::vector<std::string> &JUnitFiles) {
  // A test is its JUnit file, its <testsuite> and its classname.name. Only
  // a test that ran more than once under that identity — a retry recorded
  // in the same suite of the same file — and both failed and passed is
  // flaky. Test cases that merely share a name (two files, two suites, two
  // binaries with the same GoogleTest name) are different tests: a passing
  // one never hides a failing one.
  using Identity = std::tuple<std::string, std::string, std::string>;
  std::map<Identity, std::set<TestOutcome>> Outcomes;
  TestsEvidence E;
  for (const std::string &File : JUnitFiles)
    for (const formats::JUnitCase &C : formats::readJUnit(readFile(File), File)) {
      Outcomes[{File, C.Suite, C.Name}].insert(C.Outcome);
      E.Seconds += C.Seconds;
    }
  for (const auto &[Id, Seen] : Outcomes) {
    const std::string &Name = std::get<2>(Id);
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
  std::sort(E.FailingTests.begin(), E.FailingTests.end());
  std::sort(E.FlakyTests.begin(), E.FlakyTests.end());
  return E;
}

} // namespace exitbar

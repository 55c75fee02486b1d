// Tests.cpp - `exitbar collect tests`: JUnit files to tests evidence
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Files.h"
#include "exitbar/Tests.h"
#include "formats/junit/Read.h"
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
  // one never hides a failing one. The evidence names the file by its
  // position among the files holding that suite and name (the occurrence),
  // not by its path: a shard's JUnit file has a path of its own, and the
  // same test in two shards is one test to `exitbar merge`.
  using Identity = std::tuple<std::string, std::string, std::string>;
  std::map<Identity, std::set<TestOutcome>> Outcomes;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>>
      FilesOf;
  double Seconds = 0;
  for (const std::string &File : JUnitFiles)
    for (const formats::JUnitCase &C :
         formats::readJUnit(readFile(File), File)) {
      auto [It, New] = Outcomes.try_emplace({File, C.Suite, C.Name});
      It->second.insert(C.Outcome);
      if (New)
        FilesOf[{C.Suite, C.Name}].push_back(File);
      Seconds += C.Seconds;
    }
  std::vector<TestCaseResult> Cases;
  for (const auto &[Id, Files] : FilesOf)
    for (size_t I = 0; I < Files.size(); ++I) {
      const std::set<TestOutcome> &Seen =
          Outcomes[{Files[I], Id.first, Id.second}];
      Cases.push_back({Id.first,
                       Id.second,
                       static_cast<int>(I),
                       {Seen.begin(), Seen.end()}});
    }
  return testsFromCases(std::move(Cases), Seconds);
}

} // namespace exitbar

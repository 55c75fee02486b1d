// Kind.cpp - the tests evidence kind: `exitbar collect tests`, its metrics,
// how shards add up, and its registry record
// SPDX-License-Identifier: Apache-2.0
//
// Schema: docs/evidence-schema/tests.md.

#include "exitbar/Coverage.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/EvidenceKinds.h"
#include "exitbar/Tests.h"
#include "exitbar/Verdict.h"
#include <cstdio>
#include <iterator>
#include <nlohmann/json.hpp>

namespace exitbar::tests {
namespace {

const char *const File = "tests.json";

/// A tests.* metric: \p Of(tests, executed); the failing and flaky tests
/// are the items. With \p NeedsExecuted, nothing executed is no data:
/// nothing failed because nothing ran is not a pass (fail closed).
Measurement tests(const MetricInput &In, bool NeedsExecuted,
                  double (*Of)(const TestsEvidence &, long long)) {
  const TestsEvidence *T = In.Evidence.kind<TestsEvidence>("tests");
  if (!T)
    return {std::nullopt, File, {}};
  Measurement M{std::nullopt, File, {}};
  for (const std::string &Name : T->FailingTests)
    if (M.Items.size() < MaxItems)
      M.Items.push_back("failed: " + Name);
  for (const std::string &Name : T->FlakyTests)
    if (M.Items.size() < MaxItems)
      M.Items.push_back("flaky: " + Name);
  // 64-bit sums: INT_MAX failed plus one errored must not wrap to < 0.
  const long long Executed =
      static_cast<long long>(T->Passed) + T->Failed + T->Errored;
  if (NeedsExecuted && Executed == 0) {
    M.NoData =
        "no test was executed (" + std::to_string(T->Skipped) + " skipped)";
    return M;
  }
  M.Value = Of(*T, Executed);
  return M;
}

std::vector<MetricDef> metrics() {
  using In = const MetricInput &;
  using T = const TestsEvidence &;
  return {
      {"tests.total", File, "tests, skipped included",
       [](In I) {
         return tests(I, false, [](T E, long long) {
           return static_cast<double>(E.total());
         });
       }},
      {"tests.executed", File, "tests that ran",
       [](In I) {
         return tests(I, false,
                      [](T, long long X) { return static_cast<double>(X); });
       }},
      {"tests.passed", File, "tests that passed",
       [](In I) {
         return tests(I, false, [](T E, long long) {
           return static_cast<double>(E.Passed);
         });
       }},
      {"tests.failed", File,
       "tests that failed or errored; none run is no data",
       [](In I) {
         return tests(I, true, [](T E, long long) {
           return static_cast<double>(static_cast<long long>(E.Failed) +
                                      E.Errored);
         });
       }},
      {"tests.skipped", File, "tests skipped",
       [](In I) {
         return tests(I, false, [](T E, long long) {
           return static_cast<double>(E.Skipped);
         });
       }},
      {"tests.flaky", File, "tests that passed only on a rerun",
       [](In I) {
         return tests(I, false, [](T E, long long) {
           return static_cast<double>(E.FlakyTests.size());
         });
       }},
      {"tests.pass_rate", File,
       "percent of executed tests that passed; none run is no data",
       [](In I) {
         return tests(I, true,
                      [](T E, long long X) { return percent(E.Passed, X); });
       }},
  };
}

CollectResult collect(const CollectRequest &Request) {
  TestsEvidence E = collectTests(Request.Options.at("--junit"));
  char Line[200];
  std::snprintf(Line, sizeof Line,
                "tests: %lld (passed %d, failed %d, errored %d, skipped %d, "
                "flaky %zu)",
                E.total(), E.Passed, E.Failed, E.Errored, E.Skipped,
                E.FlakyTests.size());
  return {dumpCanonical(nlohmann::json(E)), Line, 0, {}};
}

/// Shards' tests united, as mergeTests unites two, in one pass over all
/// their cases; each shard's counts must follow from its own per-test
/// list, so a hand-edited count cannot hide a failure.
nlohmann::json addUp(std::vector<ShardEvidence> &Shards) {
  std::vector<TestCaseResult> Cases;
  double Seconds = 0;
  for (ShardEvidence &S : Shards) {
    auto &E = std::any_cast<TestsEvidence &>(S.Evidence);
    if (!E.Cases)
      throw Error("input.merge.tests-unlisted", S.File, "/tests",
                  "has no per-test list, so a test failing here could not "
                  "be told from one passing in another shard; collect it "
                  "again with this exitbar");
    TestsEvidence Again = testsFromCases(*E.Cases, 0);
    if (Again.Passed != E.Passed || Again.Failed != E.Failed ||
        Again.Errored != E.Errored || Again.Skipped != E.Skipped ||
        Again.FailingTests != E.FailingTests ||
        Again.FlakyTests != E.FlakyTests)
      throw Error("input.merge.inconsistent", S.File, "/tests",
                  "its counts and failing tests do not match its per-test "
                  "list");
    Cases.insert(Cases.end(), std::make_move_iterator(E.Cases->begin()),
                 std::make_move_iterator(E.Cases->end()));
    Seconds += E.Seconds;
  }
  return nlohmann::json(testsFromCases(std::move(Cases), Seconds));
}

std::any read(const std::string &Text, const std::string &File) {
  return testsFromJson(parseJsonText(Text, File), File);
}

} // namespace

const EvidenceKind &kind() {
  static const EvidenceKind K{
      "tests",
      File,
      "Read JUnit XML results (ctest --output-junit, GoogleTest, Catch2, "
      "...) into evidence/tests.json.\n"
      "Example: exitbar collect tests --junit build/ctest-junit.xml -o "
      "build/exitbar/evidence/tests.json",
      read,
      metrics(),
      {
          {"--junit", "JUnit XML files", /*Multiple=*/true,
           /*Required=*/true},
          {"-o,--output",
           "Evidence file (default exitbar/evidence/tests.json)"},
      },
      /*TakesCommand=*/false,
      collect,
      /*Report=*/nullptr,
      // Each shard ran a part of the tests.
      ShardMerge::AddUp,
      addUp,
  };
  return K;
}

} // namespace exitbar::tests

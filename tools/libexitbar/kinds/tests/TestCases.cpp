// TestCases.cpp - tests evidence from per-test outcomes, and the union of
// two shards' tests
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Error.h"
#include "exitbar/Tests.h"
#include <algorithm>
#include <tuple>

namespace exitbar {

std::string_view toString(TestOutcome O) {
  switch (O) {
  case TestOutcome::Passed:
    return "passed";
  case TestOutcome::Failed:
    return "failed";
  case TestOutcome::Skipped:
    return "skipped";
  case TestOutcome::Errored:
    return "errored";
  }
  return "errored";
}

std::optional<TestOutcome> parseTestOutcome(std::string_view Name) {
  for (TestOutcome O : {TestOutcome::Passed, TestOutcome::Failed,
                        TestOutcome::Skipped, TestOutcome::Errored})
    if (toString(O) == Name)
      return O;
  return std::nullopt;
}

TestsEvidence testsFromCases(std::vector<TestCaseResult> Cases,
                             double Seconds) {
  auto Key = [](const TestCaseResult &C) {
    return std::tie(C.Suite, C.Name, C.Occurrence);
  };
  std::sort(Cases.begin(), Cases.end(),
            [&](const TestCaseResult &A, const TestCaseResult &B) {
              return Key(A) < Key(B);
            });
  // One entry per identity, its outcomes united.
  std::vector<TestCaseResult> Unique;
  for (TestCaseResult &C : Cases) {
    if (!Unique.empty() && Key(Unique.back()) == Key(C))
      Unique.back().Outcomes.insert(Unique.back().Outcomes.end(),
                                    C.Outcomes.begin(), C.Outcomes.end());
    else
      Unique.push_back(std::move(C));
    std::vector<TestOutcome> &O = Unique.back().Outcomes;
    std::sort(O.begin(), O.end());
    O.erase(std::unique(O.begin(), O.end()), O.end());
  }

  TestsEvidence E;
  E.Seconds = Seconds;
  for (const TestCaseResult &C : Unique) {
    auto Had = [&](TestOutcome O) {
      return std::find(C.Outcomes.begin(), C.Outcomes.end(), O) !=
             C.Outcomes.end();
    };
    bool Passed = Had(TestOutcome::Passed);
    bool Failed = Had(TestOutcome::Failed) || Had(TestOutcome::Errored);
    if (Passed && Failed) {
      // It passed once and failed once: counted as passed, reported as
      // flaky (tests.flaky), never silently clean.
      E.FlakyTests.push_back(C.Name);
      ++E.Passed;
    } else if (Had(TestOutcome::Errored)) {
      ++E.Errored;
      E.FailingTests.push_back(C.Name);
    } else if (Had(TestOutcome::Failed)) {
      ++E.Failed;
      E.FailingTests.push_back(C.Name);
    } else if (Passed) {
      ++E.Passed;
    } else {
      ++E.Skipped;
    }
  }
  std::sort(E.FailingTests.begin(), E.FailingTests.end());
  std::sort(E.FlakyTests.begin(), E.FlakyTests.end());
  E.Cases = std::move(Unique);
  return E;
}

TestsEvidence mergeTests(const TestsEvidence &A, const TestsEvidence &B) {
  if (!A.Cases || !B.Cases)
    throw Error("input.merge.tests-unlisted", "tests.json", "/tests",
                "tests evidence without its per-test list cannot be merged "
                "(a failing test of one shard could not be told from a "
                "passing one of another); collect it again with this "
                "version of exitbar");
  std::vector<TestCaseResult> Cases = *A.Cases;
  Cases.insert(Cases.end(), B.Cases->begin(), B.Cases->end());
  return testsFromCases(std::move(Cases), A.Seconds + B.Seconds);
}

} // namespace exitbar

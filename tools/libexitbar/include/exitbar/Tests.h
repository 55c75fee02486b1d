// Tests.h - the tests evidence kind: test results from JUnit XML
// SPDX-License-Identifier: Apache-2.0
//
// Schema: docs/evidence-schema/tests.md. The kind lives in
// tools/libexitbar/kinds/tests/.

#ifndef EXITBAR_TESTS_H
#define EXITBAR_TESTS_H

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exitbar {

/// One test case's outcome.
enum class TestOutcome { Passed, Failed, Skipped, Errored };

/// One test and every outcome it had, as `exitbar merge` needs them to
/// tell a test that failed in one shard and passed in another (flaky) from
/// two different tests.
struct TestCaseResult {
  std::string Suite; ///< the enclosing <testsuite name>
  std::string Name;  ///< classname.name, as failing_tests lists it
  /// Tests sharing suite and name in different JUnit files of one
  /// collection are different tests: 0 for the first file, 1 for the next.
  int Occurrence = 0;
  std::vector<TestOutcome> Outcomes; ///< sorted, without duplicates
};

/// evidence/tests.json: the results of the test run.
struct TestsEvidence {
  int Passed = 0, Failed = 0, Skipped = 0, Errored = 0;
  double Seconds = 0;
  std::vector<std::string> FailingTests; ///< "suite.name", sorted
  std::vector<std::string> FlakyTests;   ///< passed and failed in one run
  /// Every test, sorted by suite, name and occurrence; absent in evidence
  /// written before `exitbar merge` existed (such evidence cannot merge).
  std::optional<std::vector<TestCaseResult>> Cases;
  /// In 64 bits: four counts near INT_MAX must not wrap to a negative sum.
  long long total() const {
    return static_cast<long long>(Passed) + Failed + Skipped + Errored;
  }
};

/// "passed", "failed", "skipped" or "errored".
std::string_view toString(TestOutcome O);
/// Parses an outcome name; nothing for an unknown name.
/// Example: parseTestOutcome("failed") == TestOutcome::Failed
std::optional<TestOutcome> parseTestOutcome(std::string_view Name);

/// Tests evidence of \p Cases: a test that both passed and failed (or
/// errored) counts as passed and is listed as flaky, as a retry in one run
/// does; counts and lists follow from the cases alone, so merged shards are
/// classified exactly as one run over the same JUnit files.
/// Example: TestsEvidence E = testsFromCases({{"s", "t", 0, {Passed}}}, 0.1);
TestsEvidence testsFromCases(std::vector<TestCaseResult> Cases, double Seconds);

/// Reads JUnit XML files into tests evidence; a test that passed and failed
/// in the same run (a retry) counts as passed and is listed as flaky.
/// Example: auto E = collectTests({"build/ctest-junit.xml"});
TestsEvidence collectTests(const std::vector<std::string> &JUnitFiles);

/// Tests united by suite, name and occurrence, their outcomes united: a
/// test that failed in one shard and passed in another is flaky. Both need
/// their per-test list (Error input.merge.tests-unlisted otherwise).
/// Example: TestsEvidence T = mergeTests(Shard1, Shard2);
TestsEvidence mergeTests(const TestsEvidence &A, const TestsEvidence &B);

/// evidence/tests.json, written and read (schema and members checked;
/// throws Error naming \p File and the JSON pointer).
void to_json(nlohmann::json &J, const TestsEvidence &E);
TestsEvidence testsFromJson(const nlohmann::json &J, const std::string &File);

} // namespace exitbar

#endif // EXITBAR_TESTS_H

// EvidenceJsonTest.cpp - unit tests of reading evidence JSON that is malformed
// or hostile
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/EvidenceJson.h"
#include "exitbar/Benchmarks.h"
#include "exitbar/Error.h"
#include "exitbar/Tests.h"
#include "exitbar/Verdict.h"
#include "exitbar/Vulnerabilities.h"
#include "kinds/readiness/Readiness.h"
#include "kinds/sbom/Sbom.h"
#include "kinds/signatures/Signatures.h"
#include <gtest/gtest.h>

using namespace exitbar;
using nlohmann::json;

namespace {

CoverageEvidence coverage(const std::string &Text) {
  return coverageFromJson(parseJsonText(Text, "coverage.json"),
                          "coverage.json");
}

TEST(EvidenceJsonTest, IntegersAreCheckedNotConverted) {
  EXPECT_EQ(asInteger<int>(json(42)), 42);
  EXPECT_EQ(asInteger<int>(json(-3)), -3);
  EXPECT_EQ(asInteger<long long>(json(5000000000LL)), 5000000000LL);
  EXPECT_THROW(asInteger<int>(json(1e300)), json::type_error);
  EXPECT_THROW(asInteger<int>(json(2.5)), json::type_error);
  EXPECT_THROW(asInteger<int>(json(5000000000LL)), json::type_error);
  EXPECT_THROW(asInteger<unsigned>(json(-1)), json::type_error);
  EXPECT_THROW(asInteger<int>(json("7")), json::type_error);
  // A reader turns it into an input error naming the file.
  json Tests = {{"schema", "exitbar.tests"},
                {"schema_version", 1},
                {"passed", 1e300},
                {"failed", 0},
                {"skipped", 0},
                {"errored", 0},
                {"seconds", 0},
                {"failing_tests", json::array()},
                {"flaky_tests", json::array()}};
  try {
    testsFromJson(Tests, "tests.json");
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_NE(std::string(E.what()).find("tests.json"), std::string::npos);
  }
}

} // namespace

// Found by fuzz/evidence_fuzzer: a coverage document without "files", or
// with a schema of another type, escaped as json's exceptions, not Error.
TEST(EvidenceJsonTest, CoverageWithoutFilesOrWithWrongTypesIsAnError) {
  for (
      const char *Text :
      {R"({"schema": "exitbar.coverage", "schema_version": 1})",
       R"({"schema": "exitbar.coverage", "schema_version": 1, "files": {}})",
       R"({"schema": "exitbar.coverage", "schema_version": 1, "files": [], "tool": 1})",
       R"({"schema": 1, "schema_version": 1, "files": []})",
       R"({"schema": "exitbar.coverage", "schema_version": "1", "files": []})"}) {
    EXPECT_THROW(coverage(Text), Error) << Text;
  }
  EXPECT_EQ(
      coverage(
          R"({"schema": "exitbar.coverage", "schema_version": 1, "files": []})")
          .Files.size(),
      0U);
}

TEST(EvidenceJsonTest, RepeatedHugeCountsSaturate) {
  CoverageEvidence E = coverage(
      R"({"schema": "exitbar.coverage", "schema_version": 1, "files": [
         {"path": "a.c", "lines": [[1, 9223372036854775807], [1, 9223372036854775807]],
          "branches": [], "functions": []}]})");
  EXPECT_EQ(E.Files.at("a.c").Lines.at(1), 9223372036854775807LL);
  FileCoverage Twice = E.Files.at("a.c");
  Twice.merge(E.Files.at("a.c"));
  EXPECT_EQ(Twice.Lines.at(1), 9223372036854775807LL);
}

// Found by fuzz/google_benchmark_fuzzer: a number beyond a double is json's
// out_of_range, which parseJsonText let through.
TEST(EvidenceJsonTest, NumbersBeyondADoubleAreSyntaxErrors) {
  try {
    parseJsonText(R"({"a": 1e999})", "x.json");
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.json.syntax");
  }
  EXPECT_THROW(
      parseBenchmarkBaseline(
          R"({"rea|_nr":77700000E0000000000000486408777777776)", "b.json"),
      Error);
}

// `J.value("schema", "")` threw json's type_error for a schema that is not a
// string; every reader of ExitBar's own files now answers with Error.
TEST(EvidenceJsonTest, SchemaOfAnotherTypeIsAnError) {
  const std::string Text = R"({"schema": [1], "schema_version": "1"})";
  json J = parseJsonText(Text, "x.json");
  EXPECT_THROW(sbomFromJson(J, "x.json"), Error);
  EXPECT_THROW(signaturesFromJson(J, "x.json"), Error);
  EXPECT_THROW(testsFromJson(J, "x.json"), Error);
  EXPECT_THROW(readinessFromJson(J, "x.json"), Error);
  EXPECT_THROW(benchmarksFromJson(Text, "x.json"), Error);
  EXPECT_THROW(parseBenchmarkBaseline(Text, "x.json"), Error);
  EXPECT_THROW(vulnerabilitiesFromJson(Text, "x.json"), Error);
  EXPECT_THROW(parseBaseline(Text, "x.json"), Error);
  EXPECT_THROW(parseWaivers(Text, "x.json"), Error);
  const std::string Sbom =
      R"({"schema": "exitbar.sbom", "schema_version": "1"})";
  EXPECT_THROW(sbomFromJson(parseJsonText(Sbom, "x.json"), "x.json"), Error);
  EXPECT_TRUE(memberIs(parseJsonText(R"({"v": 1.0})", "x.json"), "v", 1));
  EXPECT_FALSE(memberIs(parseJsonText(R"({"v": "1"})", "x.json"), "v", 1));
}

TEST(EvidenceJsonTest, GoogleBenchmarkMembersOfAnotherTypeAreErrors) {
  EXPECT_THROW(
      readGoogleBenchmark(
          R"({"benchmarks": [{"name": "a", "error_occurred": "yes"}]})",
          "b.json"),
      Error);
  EXPECT_THROW(
      readGoogleBenchmark(
          R"({"benchmarks": [{"name": "a", "real_time": 1, "cpu_time": 1, "time_unit": 5}]})",
          "b.json"),
      Error);
}

// A 200 000-deep array parsed fine but overflowed the stack when the
// document was copied (member<json>); every JSON reader now refuses nesting
// deeper than MaxJsonDepth before parsing, naming the bracket's place.
TEST(EvidenceJsonTest, NestingDeeperThanTheLimitIsRefusedWithItsPlace) {
  std::string Deep = "{\"findings\":\n " + std::string(200000, '[') +
                     std::string(200000, ']') + "}";
  try {
    parseJsonText(Deep, "findings.json");
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.json.too-deep");
    EXPECT_EQ(E.place(), "2:" + std::to_string(MaxJsonDepth + 1));
  }
  EXPECT_THROW(parseFindingsEvidence(Deep, "findings.json"), Error);
  // Brackets in strings and comments neither count nor hide real depth.
  std::string InString = "[\"" + std::string(1000, '[') + "\"]";
  EXPECT_NO_THROW(parseJsonText(InString, "s.json"));
  std::string Hidden = "/* " + std::string(1000, ']') + " */" +
                       std::string(600, '[') + std::string(600, ']');
  EXPECT_THROW(parseJsonText(Hidden, "c.json"), Error);
  std::string AtLimit =
      std::string(MaxJsonDepth, '[') + std::string(MaxJsonDepth, ']');
  EXPECT_NO_THROW(parseJsonText(AtLimit, "ok.json"));
  // Readers that parse on their own check the depth too.
  std::string DeepSbom = "{\"bomFormat\": \"CycloneDX\", \"components\": " +
                         std::string(100000, '[') + std::string(100000, ']') +
                         "}";
  try {
    readCycloneDxComponents(DeepSbom, "sbom.cdx.json");
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.json.too-deep");
  }
}

namespace {

json testsEvidence(json Failed, json Errored) {
  return {{"schema", "exitbar.tests"},
          {"schema_version", 1},
          {"passed", 1},
          {"failed", std::move(Failed)},
          {"skipped", 0},
          {"errored", std::move(Errored)},
          {"seconds", 0},
          {"failing_tests", json::array()},
          {"flaky_tests", json::array()}};
}

// "failed": -1 made tests.failed <= 0 pass; negative counts are bad input.
TEST(EvidenceJsonTest, NegativeCountsAreRejectedWithTheirPointer) {
  try {
    testsFromJson(testsEvidence(-1, 0), "tests.json");
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.evidence.invalid");
    EXPECT_EQ(E.file(), "tests.json");
    EXPECT_EQ(E.place(), "/failed");
  }
  std::string Findings = R"({"schema": "exitbar.findings", "schema_version": 1,
    "translation_units": -5, "findings": [], "analysis_errors": []})";
  try {
    parseFindingsEvidence(Findings, "findings.json");
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.evidence.invalid");
    EXPECT_EQ(E.file(), "findings.json");
    EXPECT_EQ(E.place(), "/translation_units");
  }
}

// INT_MAX failed plus one errored wrapped to a negative int when summed.
TEST(EvidenceJsonTest, CountsNearTheLimitSumWithoutWrapping) {
  TestsEvidence T = testsFromJson(testsEvidence(2147483647, 1), "tests.json");
  EXPECT_EQ(T.total(), 2147483649LL); // 1 passed + INT_MAX failed + 1
}

} // namespace

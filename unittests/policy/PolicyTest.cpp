// PolicyTest.cpp - unit tests of policy parsing and validation
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Policy.h"
#include "exitbar/Error.h"
#include "exitbar/Signatures.h"
#include <gtest/gtest.h>

using namespace exitbar;

namespace {

std::string placeOf(const std::string &Text) {
  try {
    parsePolicy(Text, "p.json");
  } catch (const Error &E) {
    EXPECT_EQ(E.file(), "p.json");
    return E.place() + " " + E.message();
  }
  return "no error";
}

TEST(PolicyTest, DefaultPolicyRoundTripsThroughJson) {
  Policy P = parsePolicy(policyToJson(defaultPolicy()), "default.json");
  Policy D = defaultPolicy();
  ASSERT_EQ(P.Criteria.size(), D.Criteria.size());
  for (size_t I = 0; I < D.Criteria.size(); ++I) {
    EXPECT_EQ(P.Criteria[I].Id, D.Criteria[I].Id);
    EXPECT_EQ(P.Criteria[I].Metric, D.Criteria[I].Metric);
    EXPECT_EQ(P.Criteria[I].Required, D.Criteria[I].Required);
  }
  EXPECT_EQ(P.Categories.size(), 5U);
}

TEST(PolicyTest, AcceptsCommentsAndDefaultsCategories) {
  Policy P = parsePolicy(R"({
    // the one rule we care about
    "criteria": [{"id": "x", "category": "security", "level": "should",
                  "metric": "findings.cwe.CWE-78", "comparison": "==",
                  "threshold": 0},
                 {"id": "floor", "category": "quality", "level": "must",
                  "metric": "tests.failed", "comparison": "<=",
                  "threshold": 0}]
  })",
                         "p.json");
  ASSERT_EQ(P.Criteria.size(), 2U);
  EXPECT_EQ(P.Criteria[0].Required, Level::Should);
  EXPECT_EQ(P.Criteria[0].Op, Comparison::Equal);
  EXPECT_EQ(P.Criteria[0].Weight, 1);
}

TEST(PolicyTest, ReportsTheJsonPointerOfEachProblem) {
  const char *Criterion = R"({"criteria": [{"id": "a", "category": "security",
      "level": "must", "metric": "%s", "comparison": "<=", "threshold": 0}]})";
  char Buf[512];
  std::snprintf(Buf, sizeof Buf, Criterion, "findings.nonsense");
  EXPECT_EQ(placeOf(Buf),
            "/criteria/0/metric unknown metric 'findings.nonsense'");
  EXPECT_EQ(placeOf(R"({"criteria": [{"id": "a"}]})"),
            "/criteria/0 missing member 'category'");
  EXPECT_EQ(placeOf(R"({"criteria": 3})"), "/criteria must be an array");
  EXPECT_EQ(
      placeOf(
          R"({"criteria": [{"id": "t", "category": "quality", "level": "must", "metric": "tests.failed", "comparison": "<=", "threshold": 0}], "extra": 1})"),
      "/extra unknown member 'extra'");
  EXPECT_EQ(placeOf(R"({"criteria": [{"id": "a", "category": "nope",
      "level": "must", "metric": "findings.total", "comparison": "<=",
      "threshold": 0}]})"),
            "/criteria/0/category unknown category 'nope'");
}

TEST(PolicyTest, SyntaxErrorsGiveLineAndColumn) {
  EXPECT_EQ(placeOf("{\n  \"criteria\": [\n  ,]\n}"),
            "3:3 invalid JSON: syntax error while parsing value - unexpected "
            "','; expected '[', '{', or a literal");
}

TEST(PolicyTest, SbomSectionNamesSupplierAndAuthor) {
  Policy P = parsePolicy(R"({"sbom": {"supplier": "ACME", "author": "Ops"},
                             "criteria": [{"id": "t", "category": "quality", "level": "must", "metric": "tests.failed", "comparison": "<=", "threshold": 0}]})",
                         "p.json");
  // The sbom kind owns the section (collect sbom reads it; the lit test
  // cli/collect/sbom-recording.test shows the supplier used).
  EXPECT_EQ(parsePolicy(policyToJson(P), "again.json").KindSections.at("sbom"),
            nlohmann::json::parse(R"({"supplier": "ACME", "author": "Ops"})"));
  auto Problems = checkPolicy(R"({"sbom": {"suplier": "x", "author": 3},
                                  "criteria": [{"id": "t", "category": "quality", "level": "must", "metric": "tests.failed", "comparison": "<=", "threshold": 0}]})",
                              "p.json");
  ASSERT_EQ(Problems.size(), 2U);
  EXPECT_EQ(Problems[0], "p.json:/sbom/author: must be a string");
  EXPECT_EQ(Problems[1], "p.json:/sbom/suplier: unknown member 'suplier'");
  EXPECT_TRUE(isKnownMetric("sbom.components_incomplete"));
  EXPECT_TRUE(isKnownMetric("sbom.generated"));
}

// The readiness kind owns its section (collect readiness reads it; the lit
// test cli/readiness/policy-section.test shows the lists replaced); the
// policy keeps it as written and `policy check` lists its problems.
TEST(PolicyTest, ReadinessSectionIsKeptAndChecked) {
  Policy P = parsePolicy(
      R"({"readiness": {"documents": ["README", "SUPPORT"],
                        "runbook_sections": []},
          "criteria": [{"id": "t", "category": "quality", "level": "must", "metric": "tests.failed", "comparison": "<=", "threshold": 0}]})",
      "p.json");
  Policy Again = parsePolicy(policyToJson(P), "again.json");
  EXPECT_EQ(
      Again.KindSections.at("readiness"),
      nlohmann::json::parse(
          R"({"documents": ["README", "SUPPORT"], "runbook_sections": []})"));
  auto Problems = checkPolicy(
      R"({"readiness": {"documentz": [], "monitoring_evidence": ["runbook", "vibes"],
                        "documents": "README"},
          "criteria": [{"id": "t", "category": "quality", "level": "must", "metric": "tests.failed", "comparison": "<=", "threshold": 0}]})",
      "p.json");
  ASSERT_EQ(Problems.size(), 3U);
  EXPECT_EQ(Problems[0],
            "p.json:/readiness/documents: must be an array of strings");
  EXPECT_EQ(Problems[1], "p.json:/readiness/documentz: unknown member "
                         "'documentz'");
  EXPECT_EQ(Problems[2],
            "p.json:/readiness/monitoring_evidence/1: unknown "
            "kind 'vibes' (expected runbook, endpoint or library)");
  EXPECT_TRUE(isKnownMetric("readiness.monitoring"));
}

TEST(PolicyTest, CheckPolicyListsEveryProblem) {
  auto Problems = checkPolicy(R"({"criteria": [
      {"id": "a", "category": "security", "level": "maybe",
       "metric": "findings.total", "comparison": "<=", "threshold": "0"},
      {"id": "a", "category": "security", "level": "must",
       "metric": "findings.total", "comparison": "<=", "threshold": 0},
      {"id": "a", "category": "security", "level": "must",
       "metric": "findings.total", "comparison": "<=", "threshold": 0}]})",
                              "p.json");
  ASSERT_EQ(Problems.size(), 3U);
  EXPECT_EQ(Problems[0],
            "p.json:/criteria/0/level: must be \"must\" or \"should\"");
  EXPECT_EQ(Problems[1], "p.json:/criteria/0/threshold: must be a number");
  EXPECT_EQ(Problems[2], "p.json:/criteria/2/id: duplicate criterion id 'a'");
}

TEST(PolicyTest, KnownMetrics) {
  EXPECT_TRUE(isKnownMetric("findings.severity.critical"));
  EXPECT_TRUE(isKnownMetric("findings.check.exitbar-unsafe-function"));
  EXPECT_FALSE(isKnownMetric("findings.severity.severe"));
  EXPECT_FALSE(isKnownMetric("findings.check."));
  EXPECT_FALSE(isKnownMetric("coverage.nonsense"));
}

TEST(PolicyTest, SigningMember) {
  Policy P = parsePolicy(
      R"({"criteria": [{"id": "t", "category": "quality", "level": "must", "metric": "tests.failed", "comparison": "<=", "threshold": 0}], "signing": {
      "trusted_keys": ["keys/release.pub"], "artifacts": ["dist/*.tar.gz"]}})",
      "p.json");
  // The signatures kind owns the section; the policy keeps it as written.
  SigningSettings S = signingSettings(P.KindSections.at("signing"), "p.json");
  EXPECT_EQ(S.TrustedKeys, std::vector<std::string>{"keys/release.pub"});
  EXPECT_EQ(S.Artifacts, std::vector<std::string>{"dist/*.tar.gz"});
  Policy Again = parsePolicy(policyToJson(P), "again.json");
  EXPECT_EQ(
      signingSettings(Again.KindSections.at("signing"), "again.json").Artifacts,
      S.Artifacts);
  auto Problems = checkPolicy(
      R"({"criteria": [{"id": "t", "category": "quality", "level": "must", "metric": "tests.failed", "comparison": "<=", "threshold": 0}], "signing": {"trusted_key": [], "artifacts": [1]}})",
      "p.json");
  ASSERT_EQ(Problems.size(), 2u);
  EXPECT_EQ(Problems[0],
            "p.json:/signing/artifacts/0: must be a non-empty string");
  EXPECT_EQ(Problems[1],
            "p.json:/signing/trusted_key: unknown member 'trusted_key'");
  EXPECT_TRUE(isKnownMetric("signatures.bad"));
  EXPECT_TRUE(isKnownMetric("signatures.untrusted_key"));
  EXPECT_FALSE(isKnownMetric("signatures.bogus"));
}

// A registered kind's section is checked by its kind and kept as written,
// so `policy check` reports its problems and a round trip keeps it.
TEST(PolicyTest, KindSectionsAreCheckedByTheirKindAndKept) {
  const std::string Criteria =
      R"("criteria": [{"id": "t", "category": "quality", "level": "must", "metric": "tests.failed", "comparison": "<=", "threshold": 0}])";
  Policy P =
      parsePolicy("{" + Criteria +
                      R"(, "energy": {"grid_gco2e_per_kwh": 380, "pue": 1.2}})",
                  "p.json");
  Policy Again = parsePolicy(policyToJson(P), "again.json");
  ASSERT_EQ(Again.KindSections.count("energy"), 1u);
  EXPECT_EQ(Again.KindSections.at("energy").at("pue"), 1.2);

  auto Problems = checkPolicy(
      "{" + Criteria +
          R"(, "energy": {"pue": "high", "grid": 1, "watts_per_core": -3}})",
      "p.json");
  ASSERT_EQ(Problems.size(), 3u);
  EXPECT_EQ(Problems[0], "p.json:/energy/grid: unknown member 'grid'");
  EXPECT_EQ(Problems[1], "p.json:/energy/pue: must be a number, got string");
  EXPECT_EQ(Problems[2],
            "p.json:/energy/watts_per_core: must be a non-negative number");
  EXPECT_EQ(checkPolicy("{" + Criteria + R"(, "signing": []})", "p.json"),
            std::vector<std::string>{
                "p.json:/signing: must be an object, got array"});
  // A kind's name is not a policy member unless the kind owns it.
  EXPECT_EQ(checkPolicy("{" + Criteria + R"(, "tests": {}})", "p.json"),
            std::vector<std::string>{"p.json:/tests: unknown member 'tests'"});
}

} // namespace

// Found by fuzz/policy_fuzzer: a number beyond a double (json's out_of_range,
// not a parse_error) escaped parsePolicy and checkPolicy as a non-Error.
TEST(PolicyTest, NumberBeyondADoubleIsASyntaxError) {
  const char *Text =
      R"({"criteria": [{"id": "c", "threshold": 9E999999999999}]})";
  try {
    parsePolicy(Text, "p.json");
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.json.syntax");
  }
  EXPECT_FALSE(checkPolicy(Text, "p.json").empty());
}

namespace {

// {"criteria": []} passed `policy check`, and the gate then said GO at
// 100 % on an empty evidence folder.
TEST(PolicyTest, APolicyNeedsAMustLevelCriterion) {
  auto Problems = checkPolicy(R"({"criteria": []})", "p.json");
  ASSERT_EQ(Problems.size(), 1U);
  EXPECT_EQ(Problems[0], "p.json:/criteria: needs at least one must-level "
                         "criterion; a policy without one passes anything");
  Problems = checkPolicy(R"({"criteria": [{"id": "a", "category": "security",
      "level": "should", "metric": "findings.total", "comparison": "<=",
      "threshold": 0}]})",
                         "p.json");
  ASSERT_EQ(Problems.size(), 1U);
  try {
    parsePolicy(R"({"criteria": []})", "p.json");
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.policy.invalid");
    EXPECT_EQ(E.place(), "/criteria");
  }
}

// findings.check.exitbar-unsafe-functions (a typo) and findings.cwe.cwe-120
// (lowercase) were accepted and always measured 0.
TEST(PolicyTest, CheckAndCweMetricsMustNameSomethingReal) {
  EXPECT_TRUE(isKnownMetric("findings.check.exitbar-unsafe-function"));
  EXPECT_FALSE(isKnownMetric("findings.check.exitbar-unsafe-functions"));
  EXPECT_FALSE(isKnownMetric("findings.check.exitbar-"));
  EXPECT_TRUE(isKnownMetric("findings.check.bugprone-use-after-move"));
  EXPECT_TRUE(
      isKnownMetric("findings.check.clang-analyzer-core.NullDereference"));
  EXPECT_FALSE(isKnownMetric("findings.check.Bugprone Use After Move"));
  EXPECT_FALSE(isKnownMetric("findings.check.nodash"));
  EXPECT_TRUE(isKnownMetric("findings.cwe.CWE-120"));
  EXPECT_FALSE(isKnownMetric("findings.cwe.cwe-120"));
  EXPECT_FALSE(isKnownMetric("findings.cwe.CWE-"));
  EXPECT_FALSE(isKnownMetric("findings.cwe.120"));
  auto Problems = checkPolicy(R"({"criteria": [{"id": "a",
      "category": "security", "level": "must",
      "metric": "findings.check.exitbar-unsafe-functions", "comparison": "<=",
      "threshold": 0}]})",
                              "p.json");
  ASSERT_FALSE(Problems.empty());
  EXPECT_EQ(Problems[0], "p.json:/criteria/0/metric: unknown metric "
                         "'findings.check.exitbar-unsafe-functions'");
  // Every metric of the default policy is still known.
  for (const Criterion &C : defaultPolicy().Criteria)
    EXPECT_TRUE(isKnownMetric(C.Metric)) << C.Metric;
}

} // namespace

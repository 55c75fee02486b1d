// GateTest.cpp - unit tests of the verdict: each path and the score arithmetic
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Approvals.h"
#include "exitbar/Benchmarks.h"
#include "exitbar/Coverage.h"
#include "exitbar/Error.h"
#include "exitbar/Readiness.h"
#include "exitbar/Sbom.h"
#include "exitbar/Signatures.h"
#include "exitbar/Tests.h"
#include "exitbar/Verdict.h"
#include "exitbar/Vulnerabilities.h"
#include <algorithm>
#include <gtest/gtest.h>

using namespace exitbar;

namespace {

/// The evidence of registered kind \p Name in \p E, created when missing.
template <typename T> T &kindIn(EvidenceSet &E, const std::string &Name) {
  std::any &A = E.Kinds[Name];
  if (!A.has_value())
    A = T{};
  return std::any_cast<T &>(A);
}

Finding high() {
  Finding F;
  F.Check = "exitbar-unsafe-function";
  F.Level = Severity::High;
  F.Cwe = {"CWE-120"};
  F.File = "a.c";
  F.Line = 3;
  F.Column = 1;
  F.Message = "'strcpy' does not check";
  F.Fingerprint = "f";
  return F;
}

/// Evidence that meets every default criterion but for \p Findings.
EvidenceSet withFindings(std::vector<Finding> Findings) {
  EvidenceSet E;
  kindIn<FindingsEvidence>(E, "findings") = FindingsEvidence{};
  kindIn<FindingsEvidence>(E, "findings").Findings = std::move(Findings);
  kindIn<FindingsEvidence>(E, "findings").TranslationUnits = 1;
  kindIn<CoverageEvidence>(E, "coverage") = CoverageEvidence{};
  kindIn<CoverageEvidence>(E, "coverage").Files["a.c"].Lines = {{1, 1}, {2, 3}};
  kindIn<TestsEvidence>(E, "tests") = TestsEvidence{};
  kindIn<TestsEvidence>(E, "tests").Passed = 3;
  ReadinessEvidence &Readiness = kindIn<ReadinessEvidence>(E, "readiness");
  Readiness.LicenseFile = "LICENSE";
  Readiness.LicenseId = "MIT";
  for (const char *Name :
       {"README", "SECURITY", "CONTRIBUTING", "ARCHITECTURE", "CHANGELOG"})
    Readiness.Documents.push_back({Name, Name, "present", ""});
  Readiness.CiFiles = {".ci/run"};
  Readiness.CiRunsTests = true;
  Readiness.MonitoringAccepted = {"runbook", "endpoint", "library"};
  Readiness.Monitoring = {{"endpoint", "src/server.cpp:10", "/healthz"}};
  Readiness.RateLimitAccepted = {"code", "library", "deployment"};
  Readiness.RateLimiting = {
      {"deployment", "deploy/nginx.conf:5", "limit_req_zone"}};
  ApprovalsEvidence &Approvals = kindIn<ApprovalsEvidence>(E, "approvals");
  Approvals.ReleaseVersion = "1.0";
  Approvals.RequiredRoles = {"release-manager"};
  ArtifactSignature App;
  App.Path = "app";
  App.Status = SignatureStatus::Good;
  kindIn<SignaturesEvidence>(E, "signatures").Artifacts.push_back(App);
  SbomEvidence &Sbom = kindIn<SbomEvidence>(E, "sbom");
  Sbom.HasAuthor = Sbom.HasTimestamp = true;
  Sbom.Checks = {{"project:p", "p", "project", {}}};
  BenchmarksEvidence B;
  B.Benchmarks.push_back({"BM_Add", 10, 10, 10, 0.0});
  B.BaselineFile = "benchmark-baseline.json";
  E.Kinds["benchmarks"] = B;
  return E;
}

TEST(GateTest, NoFindingsIsGo) {
  Verdict V =
      evaluate(defaultPolicy(), withFindings({}), {"1.0", 0, {}, {}, {}});
  EXPECT_EQ(V.Result, Status::Go);
  EXPECT_EQ(V.ReadinessScore, 100);
  EXPECT_EQ(V.MustPassed, V.MustTotal);
  EXPECT_EQ(V.ReleaseVersion, "1.0");
  EXPECT_EQ(V.GeneratedAt, "1970-01-01T00:00:00Z");
}

TEST(GateTest, AFailingMustCriterionIsNoGo) {
  Verdict V = evaluate(defaultPolicy(), withFindings({high()}), {});
  EXPECT_EQ(V.Result, Status::NoGo);
  EXPECT_EQ(V.MustPassed, V.MustTotal - 1);
  const CriterionResult *R = nullptr;
  for (const auto &C : V.Criteria)
    if (C.Rule.Id == "no-high-findings")
      R = &C;
  ASSERT_NE(R, nullptr);
  EXPECT_FALSE(R->Passed);
  EXPECT_EQ(R->Actual, 1);
  ASSERT_EQ(R->Items.size(), 1U);
  EXPECT_NE(R->Items[0].find("a.c:3:1"), std::string::npos);
}

TEST(GateTest, OnlyShouldFailuresIsConditional) {
  Finding F = high();
  F.Level = Severity::Medium;
  Verdict V = evaluate(defaultPolicy(), withFindings({F}), {});
  EXPECT_EQ(V.Result, Status::Conditional);
  EXPECT_EQ(V.ShouldPassed, V.ShouldTotal - 1);
}

TEST(GateTest, CoverageAndTestFailuresBlock) {
  EvidenceSet E = withFindings({});
  kindIn<CoverageEvidence>(E, "coverage").Files["b.c"].Lines = {
      {1, 0}, {2, 0}, {3, 0}};
  kindIn<TestsEvidence>(E, "tests").Failed = 1;
  kindIn<TestsEvidence>(E, "tests").FailingTests = {"suite.case"};
  Verdict V = evaluate(defaultPolicy(), E, {});
  EXPECT_EQ(V.Result, Status::NoGo);
  for (const auto &C : V.Criteria) {
    if (C.Rule.Id == "line-coverage") {
      EXPECT_FALSE(C.Passed);
      EXPECT_DOUBLE_EQ(*C.Actual, 40);
      ASSERT_FALSE(C.Items.empty());
      EXPECT_EQ(C.Items[0].rfind("b.c: 0.0 %", 0), 0U) << C.Items[0];
    }
    if (C.Rule.Id == "tests-pass") {
      EXPECT_FALSE(C.Passed);
      EXPECT_EQ(C.Items, std::vector<std::string>{"failed: suite.case"});
    }
  }
}

TEST(GateTest, NothingExecutedIsNotAPass) {
  // Every test skipped: nothing failed, but nothing ran either.
  EvidenceSet E = withFindings({});
  kindIn<TestsEvidence>(E, "tests").Passed = 0;
  kindIn<TestsEvidence>(E, "tests").Skipped = 4;
  Verdict V = evaluate(defaultPolicy(), E, {});
  EXPECT_EQ(V.Result, Status::NoGo);
  for (const char *Id : {"tests-pass", "tests-ran"}) {
    auto R =
        std::find_if(V.Criteria.begin(), V.Criteria.end(),
                     [&](const CriterionResult &C) { return C.Rule.Id == Id; });
    ASSERT_NE(R, V.Criteria.end()) << Id;
    EXPECT_FALSE(R->Passed) << Id << ": " << R->Detail;
  }
  Policy P = defaultPolicy();
  P.Criteria = {{"rate", "quality", Level::Must, "tests.pass_rate",
                 Comparison::GreaterEqual, 100, 1,
                 "every executed test passes"}};
  V = evaluate(P, E, {});
  EXPECT_FALSE(V.Criteria[0].Passed) << V.Criteria[0].Detail;
  EXPECT_FALSE(V.Criteria[0].Actual.has_value());
  EXPECT_NE(V.Criteria[0].Detail.find("no test was executed"),
            std::string::npos)
      << V.Criteria[0].Detail;
}

TEST(GateTest, NoMeasuredLineIsNotFullCoverage) {
  EvidenceSet E = withFindings({});
  kindIn<CoverageEvidence>(E, "coverage").Files.clear();
  kindIn<CoverageEvidence>(E, "coverage").Diff = DiffCoverage{"main", 0, 0, {}};
  Policy P = defaultPolicy();
  P.Criteria = {{"line", "quality", Level::Must, "coverage.line",
                 Comparison::GreaterEqual, 80, 1, "line coverage"},
                {"min", "quality", Level::Must, "coverage.file_min_line",
                 Comparison::GreaterEqual, 50, 1, "each file"},
                {"diff", "quality", Level::Must, "coverage.diff_line",
                 Comparison::GreaterEqual, 80, 1, "new code"}};
  Verdict V = evaluate(P, E, {});
  EXPECT_EQ(V.Result, Status::NoGo);
  for (const CriterionResult &R : V.Criteria) {
    EXPECT_FALSE(R.Passed) << R.Rule.Id;
    EXPECT_FALSE(R.Actual.has_value()) << R.Rule.Id;
    EXPECT_EQ(R.Detail.rfind("no data: coverage.json: ", 0), 0U) << R.Detail;
  }
}

TEST(GateTest, BranchCoverageItemsCountBranchesNotLines) {
  EvidenceSet E = withFindings({});
  // a.c: every line hit, one of two branches; c.c: no branches at all.
  kindIn<CoverageEvidence>(E, "coverage").Files["a.c"].Branches = {{{1, 0}, 1},
                                                                   {{1, 1}, 0}};
  kindIn<CoverageEvidence>(E, "coverage").Files["c.c"].Lines = {{1, 0}};
  Verdict V = evaluate(defaultPolicy(), E, {});
  for (const auto &C : V.Criteria)
    if (C.Rule.Id == "branch-coverage") {
      EXPECT_FALSE(C.Passed);
      EXPECT_EQ(C.Items,
                std::vector<std::string>{"a.c: 50.0 % branches (1/2)"});
    }
}

TEST(GateTest, MissingEvidenceFailsWithNoEvidence) {
  Verdict V = evaluate(defaultPolicy(), EvidenceSet{}, {});
  EXPECT_EQ(V.Result, Status::NoGo);
  for (const auto &C : V.Criteria) {
    // Vulnerability criteria apply only with a database (see below).
    if (C.Rule.Metric.rfind("vulnerabilities.", 0) == 0)
      continue;
    EXPECT_FALSE(C.Passed);
    EXPECT_FALSE(C.Actual.has_value());
    EXPECT_EQ(C.Detail.rfind("no evidence", 0), 0U) << C.Detail;
  }
  EXPECT_EQ(V.ReadinessScore, 0);
}

TEST(GateTest, VulnerabilityCriteriaDoNotApplyWithoutADatabase) {
  Policy P;
  P.Categories = {{"security", 1}};
  P.Criteria = {{"no-known-vulnerabilities", "security", Level::Must,
                 "vulnerabilities.high_or_critical", Comparison::LessEqual, 0,
                 1, ""},
                {"no-high", "security", Level::Must, "findings.severity.high",
                 Comparison::LessEqual, 0, 1, ""}};
  Verdict V = evaluate(P, withFindings({}), {});
  ASSERT_EQ(V.Criteria.size(), 2U);
  EXPECT_TRUE(V.Criteria[0].NotApplicable);
  EXPECT_TRUE(V.Criteria[0].Passed);
  EXPECT_EQ(V.Criteria[0].Detail.rfind("not applicable: ", 0), 0U);
  EXPECT_EQ(V.Result, Status::Go);
  EXPECT_EQ(V.MustTotal, 1);           // left out of the counts ...
  EXPECT_EQ(V.Categories[0].Total, 1); // ... and of the scores
  // A policy can still demand a database.
  P.Criteria = {{"osv", "security", Level::Must, "vulnerabilities.database",
                 Comparison::GreaterEqual, 1, 1, ""}};
  V = evaluate(P, withFindings({}), {});
  EXPECT_FALSE(V.Criteria[0].NotApplicable);
  EXPECT_EQ(V.Criteria[0].Actual, 0);
  EXPECT_EQ(V.Result, Status::NoGo);
}

TEST(GateTest, HighVulnerabilitiesBlock) {
  EvidenceSet E;
  auto &Vuln = kindIn<VulnerabilitiesEvidence>(E, "vulnerabilities");
  VulnerabilityFinding F;
  F.Id = "DSA-1";
  F.Aliases = {"CVE-2024-1"};
  F.ComponentName = "libssl3";
  F.ComponentVersion = "3.0.11-1";
  F.Package = "openssl";
  F.Severity = "high";
  F.CvssScore = 7.5;
  F.Fixed = "3.0.11-2";
  VulnerabilityFinding Low = F;
  Low.Id = "DSA-2";
  Low.Severity = "low";
  Vuln.Findings = {F, Low};
  Vuln.Records = 2;
  Vuln.ComponentsChecked = 1;
  Policy P = defaultPolicy();
  Verdict V = evaluate(P, E, {});
  auto It = std::find_if(V.Criteria.begin(), V.Criteria.end(), [](auto &C) {
    return C.Rule.Id == "no-known-vulnerabilities";
  });
  ASSERT_NE(It, V.Criteria.end());
  EXPECT_FALSE(It->NotApplicable);
  EXPECT_FALSE(It->Passed);
  EXPECT_EQ(It->Actual, 1);
  EXPECT_EQ(It->Rule.Required, Level::Must);
  ASSERT_EQ(It->Items.size(), 1U);
  EXPECT_EQ(It->Items[0], "DSA-1 CVE-2024-1 (high 7.5) in libssl3 3.0.11-1 "
                          "(package openssl): fixed in 3.0.11-2");
  EXPECT_EQ(V.Result, Status::NoGo);
}

// An empty OSV folder gave 0 records and 0 components checked, a baseline
// left out gave a 0 % regression, and findings of zero translation units
// gave zero findings: each passed its criterion though nothing was measured.
TEST(GateTest, VacuousEvidenceIsNoData) {
  Policy P;
  P.Categories = {{"security", 1}};
  P.Criteria = {
      {"vulns", "security", Level::Must, "vulnerabilities.high_or_critical",
       Comparison::LessEqual, 0, 1, ""},
      {"count", "security", Level::Must, "vulnerabilities.count",
       Comparison::LessEqual, 0, 1, ""},
      {"regression", "security", Level::Must,
       "benchmarks.max_regression_percent", Comparison::LessEqual, 10, 1, ""},
      {"high", "security", Level::Must, "findings.severity.high",
       Comparison::LessEqual, 0, 1, ""},
      {"errors", "security", Level::Must, "findings.analysis_errors",
       Comparison::LessEqual, 0, 1, ""}};
  auto Expect = [&](const EvidenceSet &E, const char *Why) {
    Verdict V = evaluate(P, E, {});
    EXPECT_EQ(V.Result, Status::NoGo) << Why;
    for (const CriterionResult &R : V.Criteria) {
      EXPECT_FALSE(R.Passed) << Why << ": " << R.Rule.Id;
      EXPECT_FALSE(R.Actual.has_value()) << Why << ": " << R.Rule.Id;
    }
  };
  EvidenceSet E = withFindings({});
  auto &Vuln = kindIn<VulnerabilitiesEvidence>(E, "vulnerabilities");
  Vuln.Database = "osv";
  Vuln.ComponentsChecked = 3;
  auto &Bench = kindIn<BenchmarksEvidence>(E, "benchmarks");
  Bench.BaselineFile.clear();
  Bench.Benchmarks[0].ChangePercent.reset();
  kindIn<FindingsEvidence>(E, "findings").TranslationUnits = 0;
  Expect(E, "no records, no baseline, no translation unit");
  Vuln.Records = 5;
  Vuln.ComponentsChecked = 0;
  Bench.BaselineFile = "benchmark-baseline.json"; // none of it ran
  Expect(E, "no component checked, nothing compared");
  Verdict V = evaluate(P, E, {});
  EXPECT_NE(V.Criteria[3].Detail.find("no translation unit was analysed"),
            std::string::npos)
      << V.Criteria[3].Detail;
}

// failed 2147483647 plus errored 1 wrapped to INT_MIN, so tests.failed <= 0
// passed with every test failing.
TEST(GateTest, HugeFailureCountsDoNotWrapToAPass) {
  EvidenceSet E = withFindings({});
  kindIn<TestsEvidence>(E, "tests").Failed = 2147483647;
  kindIn<TestsEvidence>(E, "tests").Errored = 1;
  Verdict V = evaluate(defaultPolicy(), E, {});
  EXPECT_EQ(V.Result, Status::NoGo);
  for (const CriterionResult &R : V.Criteria)
    if (R.Rule.Metric == "tests.failed") {
      EXPECT_FALSE(R.Passed);
      EXPECT_EQ(R.Actual, 2147483648.0);
    }
}

TEST(GateTest, ScoresAreWeightedWithinAndAcrossCategories) {
  Policy P;
  P.Categories = {{"security", 3}, {"quality", 1}, {"compliance", 5}};
  // security: weights 3 (fails) and 1 (passes) -> 25; quality: 100;
  // compliance has no criteria and does not count.
  P.Criteria = {{"s1", "security", Level::Should, "findings.severity.high",
                 Comparison::LessEqual, 0, 3, ""},
                {"s2", "security", Level::Should, "findings.severity.low",
                 Comparison::LessEqual, 0, 1, ""},
                {"q1", "quality", Level::Should, "findings.total",
                 Comparison::Less, 5, 1, ""}};
  Verdict V = evaluate(P, withFindings({high()}), {});
  ASSERT_EQ(V.Categories.size(), 3U);
  EXPECT_EQ(V.Categories[0].Score, 25);
  EXPECT_EQ(V.Categories[1].Score, 100);
  EXPECT_FALSE(V.Categories[2].Score.has_value());
  EXPECT_DOUBLE_EQ(V.ReadinessScore, (3 * 25 + 1 * 100) / 4.0);
  EXPECT_EQ(V.Result, Status::Conditional);
}

TEST(GateTest, ComparisonsAreStrictOrNotAsWritten) {
  EXPECT_TRUE(compare(1, Comparison::Less, 2));
  EXPECT_FALSE(compare(2, Comparison::Less, 2));
  EXPECT_TRUE(compare(2, Comparison::LessEqual, 2));
  EXPECT_TRUE(compare(2, Comparison::Equal, 2));
  EXPECT_TRUE(compare(80, Comparison::GreaterEqual, 80));
  EXPECT_FALSE(compare(80, Comparison::Greater, 80));
}

} // namespace

namespace {

TEST(GateBaselineTest, BaselinedFindingsDoNotCount) {
  GateOptions Options;
  Options.Accepted = Baseline{{"f"}};
  Verdict V = evaluate(defaultPolicy(), withFindings({high()}), Options);
  EXPECT_EQ(V.Result, Status::Go);
  ASSERT_EQ(V.Findings.size(), 1U);
  EXPECT_EQ(V.Findings[0].State, FindingState::Baselined);
  EXPECT_TRUE(V.HasBaseline);
}

TEST(GateBaselineTest, WaiversCountUntilTheEndOfTheirDay) {
  auto Waivers = parseWaivers(R"({"schema": "exitbar.waivers", "waivers": [
      {"finding": "f", "owner": "o", "reason": "r", "expires": "1970-01-02"}]})",
                              "w.json");
  GateOptions Options;
  Options.Waivers = Waivers;
  Options.Now = 2 * 86400 - 1; // the last second of 1970-01-02
  Verdict Before = evaluate(defaultPolicy(), withFindings({high()}), Options);
  EXPECT_EQ(Before.Result, Status::Go);
  EXPECT_EQ(Before.Findings[0].State, FindingState::Waived);
  EXPECT_TRUE(Before.ExpiredWaivers.empty());

  Options.Now = 2 * 86400; // 1970-01-03
  Verdict After = evaluate(defaultPolicy(), withFindings({high()}), Options);
  EXPECT_EQ(After.Result, Status::NoGo);
  ASSERT_EQ(After.ExpiredWaivers.size(), 1U);
  EXPECT_NE(After.ExpiredWaivers[0].find("expired on 1970-01-02"),
            std::string::npos);
}

TEST(GateBaselineTest, AWaivedMustCriterionPassesButGivesConditional) {
  GateOptions Options;
  Options.Waivers = parseWaivers(
      R"({"schema": "exitbar.waivers", "waivers": [{"criterion":
      "no-high-findings", "owner": "sec", "reason": "beta", "expires":
      "2100-01-01"}]})",
      "w.json");
  Verdict V = evaluate(defaultPolicy(), withFindings({high()}), Options);
  // A waiver accepts a must failure; it never makes the release GO.
  EXPECT_EQ(V.Result, Status::Conditional);
  EXPECT_EQ(V.MustPassed, V.MustTotal);
  for (const auto &C : V.Criteria)
    if (C.Rule.Id == "no-high-findings") {
      EXPECT_TRUE(C.Waived);
      EXPECT_NE(C.Detail.find("waived by sec until 2100-01-01: beta"),
                std::string::npos);
      EXPECT_NE(C.Detail.find("caps the verdict at CONDITIONAL"),
                std::string::npos);
    }
}

TEST(GateBaselineTest, AWaiverLongerThanTheLimitIsAnInputError) {
  auto Waivers = parseWaivers(
      R"({"schema": "exitbar.waivers", "waivers": [{"criterion": "a",
      "owner": "o", "reason": "r", "expires": "1970-01-11"}, {"criterion":
      "b", "owner": "o", "reason": "r", "expires": "1970-01-12"}]})",
      "w.json");
  // Now is 1970-01-01T12:00Z: ten days from today is 1970-01-11.
  EXPECT_NO_THROW(checkWaiverLifetimes({Waivers[0]}, 10, 43200, "w.json"));
  try {
    checkWaiverLifetimes(Waivers, 10, 43200, "w.json");
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.waivers.too-long");
    EXPECT_EQ(E.place(), "/waivers/1/expires");
  }
}

TEST(GateBaselineTest, BaselineFilesRoundTrip) {
  FindingsEvidence E;
  E.Findings = {high()};
  Baseline B = parseBaseline(baselineToJson(E), "b.json");
  EXPECT_TRUE(B.contains("f"));
  EXPECT_FALSE(B.contains("g"));
}

TEST(GateSignaturesTest, EveryArtifactMustBeSignedByATrustedKey) {
  EvidenceSet E = withFindings({});
  auto Add = [&](const char *Path, SignatureStatus S, const char *Detail) {
    ArtifactSignature A;
    A.Path = Path;
    A.Status = S;
    A.Detail = Detail;
    kindIn<SignaturesEvidence>(E, "signatures").Artifacts.push_back(A);
  };
  Add("libcore.a", SignatureStatus::Unsigned, "no libcore.a.sig");
  Add("tool", SignatureStatus::UntrustedKey, "signed by sha256:ab");
  Verdict V = evaluate(defaultPolicy(), E, {});
  EXPECT_EQ(V.Result, Status::NoGo);
  const CriterionResult *R = nullptr;
  for (const auto &C : V.Criteria)
    if (C.Rule.Id == "artifacts-signed")
      R = &C;
  ASSERT_NE(R, nullptr);
  EXPECT_EQ(R->Rule.Required, Level::Must);
  EXPECT_EQ(R->Actual, 2);
  EXPECT_EQ(R->Evidence, "signatures.json");
  ASSERT_EQ(R->Items.size(), 2u);
  EXPECT_EQ(R->Items[0], "libcore.a: unsigned: no libcore.a.sig");
  EXPECT_EQ(R->Items[1], "tool: untrusted-key: signed by sha256:ab");

  E.Kinds.erase("signatures");
  V = evaluate(defaultPolicy(), E, {});
  EXPECT_EQ(V.Result, Status::NoGo);
  for (const auto &C : V.Criteria) {
    if (C.Rule.Id == "artifacts-signed") {
      EXPECT_EQ(C.Detail, "no evidence: signatures.json was not collected");
    }
  }
}

TEST(GateSignaturesTest, NoArtifactsIsNotAllSigned) {
  // Signing required and nothing to check: fail closed, not "0 bad".
  EvidenceSet E = withFindings({});
  kindIn<SignaturesEvidence>(E, "signatures") = {};
  Verdict V = evaluate(defaultPolicy(), E, {});
  EXPECT_EQ(V.Result, Status::NoGo);
  auto It = std::find_if(
      V.Criteria.begin(), V.Criteria.end(),
      [](const CriterionResult &R) { return R.Rule.Id == "artifacts-signed"; });
  ASSERT_NE(It, V.Criteria.end());
  EXPECT_FALSE(It->Passed);
  EXPECT_FALSE(It->Actual.has_value());
  EXPECT_NE(It->Detail.find("lists none"), std::string::npos);
}

TEST(GateTest, WaiverExpiryFollowsNowNotTheOutputTime) {
  // Now is the real clock; OutputTime (SOURCE_DATE_EPOCH) only stamps.
  EvidenceSet E = withFindings({high()});
  GateOptions O;
  O.Now = 2 * 86400; // after the waiver expired
  O.OutputTime = 0;  // a reproducible stamp before it
  O.Waivers = parseWaivers(R"({"schema": "exitbar.waivers", "waivers": [
      {"criterion": "no-high-findings", "owner": "sec", "reason": "beta",
       "expires": "1970-01-02"}]})",
                           "w.json");
  Verdict V = evaluate(defaultPolicy(), E, O);
  EXPECT_EQ(V.GeneratedAt, "1970-01-01T00:00:00Z");
  EXPECT_EQ(V.ExpiredWaivers.size(), 1u);
  EXPECT_EQ(V.Result, Status::NoGo);
}

TEST(GateTest, IncompleteSbomIsNoGoAndListsTheComponents) {
  EvidenceSet E = withFindings({});
  kindIn<SbomEvidence>(E, "sbom").Checks.push_back(
      {"pkg:generic/x", "x", "find_package", {"supplier", "version"}});
  Verdict V = evaluate(defaultPolicy(), E, {"1.0", 0, {}, {}, {}});
  EXPECT_EQ(V.Result, Status::NoGo);
  auto It = std::find_if(
      V.Criteria.begin(), V.Criteria.end(),
      [](const CriterionResult &R) { return R.Rule.Id == "sbom-complete"; });
  ASSERT_NE(It, V.Criteria.end());
  EXPECT_FALSE(It->Passed);
  EXPECT_EQ(It->Items, std::vector<std::string>{
                           "pkg:generic/x: missing supplier, version"});
  E.Kinds.erase("sbom");
  V = evaluate(defaultPolicy(), E, {"1.0", 0, {}, {}, {}});
  EXPECT_EQ(V.Result, Status::NoGo); // no SBOM at all
}

const CriterionResult &criterion(const Verdict &V, const std::string &Id) {
  auto It =
      std::find_if(V.Criteria.begin(), V.Criteria.end(),
                   [&](const CriterionResult &R) { return R.Rule.Id == Id; });
  if (It == V.Criteria.end())
    throw std::runtime_error("no criterion " + Id);
  return *It;
}

TEST(GateTest, MonitoringCountsOnlyAcceptedKindsAndSbomLibraries) {
  EvidenceSet E = withFindings({});
  ReadinessEvidence &Readiness = kindIn<ReadinessEvidence>(E, "readiness");
  Readiness.Monitoring = {{"runbook", "docs/runbook.md", "monitoring section"}};
  Readiness.MonitoringAccepted = {"endpoint", "library"};
  Verdict V = evaluate(defaultPolicy(), E, {"1.0", 0, {}, {}, {}});
  EXPECT_FALSE(criterion(V, "monitoring").Passed);
  EXPECT_EQ(V.Result, Status::Conditional); // a should criterion
  ASSERT_EQ(criterion(V, "monitoring").Items.size(), 1u);
  EXPECT_NE(
      criterion(V, "monitoring").Items[0].find("accepted: endpoint, library"),
      std::string::npos);
  // A Prometheus client in the SBOM is a monitoring library.
  kindIn<SbomEvidence>(E, "sbom").Checks.push_back(
      {"pkg:conan/prometheus-cpp@1.2.4", "prometheus-cpp", "conan", {}});
  V = evaluate(defaultPolicy(), E, {"1.0", 0, {}, {}, {}});
  EXPECT_TRUE(criterion(V, "monitoring").Passed);
  EXPECT_EQ(criterion(V, "monitoring").Actual, 1);
  // ... unless the policy does not accept libraries.
  Readiness.MonitoringAccepted = {"endpoint"};
  V = evaluate(defaultPolicy(), E, {"1.0", 0, {}, {}, {}});
  EXPECT_FALSE(criterion(V, "monitoring").Passed);
}

TEST(GateTest, MissingApprovalsAreListedRoleByRole) {
  EvidenceSet E = withFindings({});
  ApprovalsEvidence &Approvals = kindIn<ApprovalsEvidence>(E, "approvals");
  Approvals.Commit = "0123456789abcdef";
  Approvals.MissingRoles = {"release-manager"};
  ApprovalCheck Old;
  Old.File = "0.9/release-manager.k.approval.json";
  Old.Statement.Role = "release-manager";
  Old.Status = "other-version";
  Old.Detail = "approves version 0.9, the release is 1.0";
  Approvals.Approvals.push_back(Old);
  Verdict V = evaluate(defaultPolicy(), E, {"1.0", 0, {}, {}, {}});
  EXPECT_EQ(V.Result, Status::Conditional); // should by default
  EXPECT_EQ(criterion(V, "approvals").Items,
            std::vector<std::string>{
                "release-manager: no good approval of version 1.0 at commit "
                "0123456789ab; 0.9/release-manager.k.approval.json: approves "
                "version 0.9, the release is 1.0"});
}

} // namespace

TEST(GateTest, RateLimitingCountsOnlyAcceptedKinds) {
  EvidenceSet E = withFindings({});
  auto Find = [](const Verdict &V) {
    for (const CriterionResult &C : V.Criteria)
      if (C.Rule.Id == "rate-limiting")
        return C;
    return CriterionResult{};
  };
  EXPECT_TRUE(Find(evaluate(defaultPolicy(), E, {})).Passed);
  kindIn<ReadinessEvidence>(E, "readiness").RateLimitAccepted = {"code"};
  CriterionResult Failed = Find(evaluate(defaultPolicy(), E, {}));
  EXPECT_FALSE(Failed.Passed);
  EXPECT_EQ(Failed.Rule.Required, Level::Should);
  ASSERT_FALSE(Failed.Items.empty());
  EXPECT_NE(Failed.Items[0].find("no rate limiting (accepted: code)"),
            std::string::npos);
}

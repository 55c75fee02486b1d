// MergeTest.cpp - unit tests of `exitbar merge`: associative, fails closed
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Merge.h"
#include "TestDir.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/Findings.h"
#include "exitbar/Tests.h"
#include "kinds/sbom/Sbom.h"
#include <algorithm>
#include <filesystem>
#include <functional>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace exitbar;
namespace fs = std::filesystem;

namespace {

/// Every order of \p Items merged left to right, and both groupings of
/// the first three, give the same JSON.
template <typename T, typename F>
void expectAssociativeAndCommutative(std::vector<T> Items, F Merge) {
  auto Text = [](const T &V) { return dumpCanonical(nlohmann::json(V)); };
  auto Fold = [&](const std::vector<T> &In) {
    T Acc = In.front();
    for (size_t I = 1; I < In.size(); ++I)
      Acc = Merge(Acc, In[I]);
    return Acc;
  };
  std::string Expected = Text(Fold(Items));
  std::vector<size_t> Order(Items.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  int Permutations = 0;
  do {
    std::vector<T> Permuted;
    for (size_t I : Order)
      Permuted.push_back(Items[I]);
    EXPECT_EQ(Text(Fold(Permuted)), Expected);
    ++Permutations;
  } while (std::next_permutation(Order.begin(), Order.end()));
  EXPECT_GE(Permutations, 6);
  ASSERT_GE(Items.size(), 3U);
  EXPECT_EQ(Text(Merge(Merge(Items[0], Items[1]), Items[2])),
            Text(Merge(Items[0], Merge(Items[1], Items[2]))));
}

Finding finding(std::string File, int Line, std::string Fingerprint,
                Severity Level = Severity::High) {
  Finding F;
  F.Check = "exitbar-unsafe-function";
  F.Level = Level;
  F.File = std::move(File);
  F.Line = Line;
  F.Column = 1;
  F.Message = "m";
  F.Fingerprint = std::move(Fingerprint);
  return F;
}

TEST(MergeTest, FindingsAreUnitedByFingerprintInAnyOrder) {
  FindingsEvidence A, B, C, D;
  A.Findings = {finding("a.cpp", 1, "f1"), finding("h.h", 3, "fh")};
  A.TranslationUnits = 2;
  B.Findings = {finding("h.h", 3, "fh"), finding("b.cpp", 2, "f2")};
  B.AnalysisErrors = {{"b.cpp", "1:2: error"}};
  B.TranslationUnits = 3;
  C.Findings = {finding("h.h", 3, "fh", Severity::Low)};
  C.Suppressions = {{"c.cpp", 4, "NOLINT", true}};
  C.TranslationUnits = 1;
  D.UnanalysedRegions = {{"d.cpp", 2, 3, "#ifndef __clang__"}};
  expectAssociativeAndCommutative<FindingsEvidence>({A, B, C, D},
                                                    mergeFindings);
  FindingsEvidence M = mergeFindings(mergeFindings(A, B), C);
  ASSERT_EQ(M.Findings.size(), 3U);
  // The header's finding once, at its most severe.
  auto H = std::find_if(M.Findings.begin(), M.Findings.end(),
                        [](const Finding &F) { return F.Fingerprint == "fh"; });
  ASSERT_NE(H, M.Findings.end());
  EXPECT_EQ(H->Level, Severity::High);
  EXPECT_EQ(M.AnalysisErrors.size(), 1U);
  EXPECT_EQ(M.TranslationUnits, 3);
}

CoverageEvidence coverage(std::map<int, long long> Lines, long long Branch,
                          long long Fn, std::string Tool = "gcov") {
  CoverageEvidence E;
  E.Tool = std::move(Tool);
  FileCoverage &F = E.Files["src/a.cpp"];
  F.Lines = std::move(Lines);
  F.Branches[{3, 0}] = Branch;
  F.Functions["f()"] = {2, Fn};
  return E;
}

TEST(MergeTest, CoverageIsSummedPerLineBranchAndFunction) {
  CoverageEvidence A = coverage({{2, 1}, {3, 0}}, 0, 1);
  CoverageEvidence B = coverage({{2, 0}, {3, 0}, {4, 2}}, 1, 0);
  CoverageEvidence C = coverage({{3, 5}}, 0, 0, "llvm-cov");
  C.Files["src/b.cpp"].Lines[1] = 0;
  expectAssociativeAndCommutative<CoverageEvidence>({A, B, C}, mergeCoverage);
  CoverageEvidence M = mergeCoverage(mergeCoverage(A, B), C);
  const FileCoverage &F = M.Files.at("src/a.cpp");
  EXPECT_EQ(F.Lines.at(2), 1);
  EXPECT_EQ(F.Lines.at(3), 5);
  EXPECT_EQ(F.Lines.at(4), 2);
  EXPECT_EQ((F.Branches.at({3, 0})), 1);
  EXPECT_EQ(F.Functions.at("f()").Hits, 1);
  EXPECT_EQ(M.Files.at("src/b.cpp").Lines.at(1), 0);
  EXPECT_EQ(M.Tool, "mixed");
  EXPECT_EQ(mergeCoverage(A, B).Tool, "gcov");
}

TEST(MergeTest, DiffCoverageMissesOnlyLinesNoShardRan) {
  CoverageEvidence A = coverage({{2, 0}, {3, 0}}, 0, 0);
  A.Diff = DiffCoverage{"main", 2, 0, {{"src/a.cpp", {2, 3}}}};
  CoverageEvidence B = coverage({{2, 4}, {3, 0}}, 0, 0);
  B.Diff = DiffCoverage{"main", 2, 1, {{"src/a.cpp", {3}}}};
  CoverageEvidence C = coverage({{2, 0}, {3, 0}}, 0, 0);
  C.Diff = A.Diff;
  expectAssociativeAndCommutative<CoverageEvidence>({A, B, C}, mergeCoverage);
  CoverageEvidence M = mergeCoverage(A, B);
  ASSERT_TRUE(M.Diff);
  EXPECT_EQ(M.Diff->LinesFound, 2);
  EXPECT_EQ(M.Diff->LinesHit, 1);
  EXPECT_EQ(M.Diff->Missed.at("src/a.cpp"), std::vector<int>{3});
  // A shard that did not measure it: no data, which fails the criterion.
  EXPECT_FALSE(mergeCoverage(A, coverage({{2, 1}}, 0, 0)).Diff);
  CoverageEvidence Other = B;
  Other.Diff->Base = "release";
  EXPECT_THROW(mergeCoverage(A, Other), Error);
}

TestsEvidence tests(std::vector<TestCaseResult> Cases) {
  return testsFromCases(std::move(Cases), 1.0);
}

TEST(MergeTest, ATestFailingInOneShardAndPassingInAnotherIsFlaky) {
  using O = TestOutcome;
  TestsEvidence A =
      tests({{"s", "t1", 0, {O::Failed}}, {"s", "t2", 0, {O::Passed}}});
  TestsEvidence B =
      tests({{"s", "t1", 0, {O::Passed}}, {"s", "t3", 0, {O::Errored}}});
  TestsEvidence C =
      tests({{"s", "t4", 0, {O::Skipped}}, {"s", "t2", 1, {O::Failed}}});
  expectAssociativeAndCommutative<TestsEvidence>({A, B, C}, mergeTests);
  TestsEvidence M = mergeTests(mergeTests(A, B), C);
  EXPECT_EQ(M.FlakyTests, std::vector<std::string>{"t1"});
  // t1 passed (flaky) and t2 of the first file passed; t2 of a second
  // file in one shard is another test, and it failed.
  EXPECT_EQ(M.Passed, 2);
  EXPECT_EQ(M.Failed, 1);
  EXPECT_EQ(M.Errored, 1);
  EXPECT_EQ(M.Skipped, 1);
  EXPECT_EQ(M.FailingTests, (std::vector<std::string>{"t2", "t3"}));
  EXPECT_DOUBLE_EQ(M.Seconds, 3.0);
  // The same test passing in two shards is one passed test.
  EXPECT_EQ(mergeTests(A, A).Failed, 1);
  EXPECT_EQ(mergeTests(A, A).Passed, 1);
}

TEST(MergeTest, TestsWithoutTheirListCannotMerge) {
  TestsEvidence Old;
  Old.Passed = 3;
  EXPECT_THROW(mergeTests(Old, tests({})), Error);
}

SbomEvidence sbom(std::vector<SbomComponentCheck> Checks, bool Author = true) {
  SbomEvidence E;
  E.CycloneDx = "b/sbom.cdx.json";
  E.Spdx = "b/sbom.spdx.json";
  E.HasAuthor = Author;
  E.HasTimestamp = true;
  E.Edges = static_cast<int>(Checks.size());
  E.Checks = std::move(Checks);
  E.Components = static_cast<int>(E.Checks.size()) - 1;
  return E;
}

TEST(MergeTest, SbomComponentsAreUnited) {
  SbomComponentCheck P{"project:demo", "demo", "project", {}};
  SbomComponentCheck Ssl{"pkg:deb/debian/libssl3@3", "libssl3", "deb", {}};
  SbomComponentCheck SslNoSupplier = Ssl;
  SslNoSupplier.Missing = {"supplier"};
  SbomComponentCheck Fmt{"pkg:deb/debian/libfmt9@9", "libfmt9", "deb", {}};
  SbomEvidence A = sbom({P, Ssl});
  SbomEvidence B = sbom({P, Fmt});
  SbomEvidence C = sbom({P, SslNoSupplier});
  expectAssociativeAndCommutative<SbomEvidence>({A, B, C}, mergeSbom);
  SbomEvidence M = mergeSbom(mergeSbom(A, B), C);
  ASSERT_EQ(M.Checks.size(), 3U);
  EXPECT_EQ(M.Checks.front().Ref, "project:demo");
  EXPECT_EQ(M.Components, 2);
  EXPECT_EQ(M.incomplete(), 1);
  EXPECT_EQ(mergeSbom(A, sbom({P}, false)).incomplete(), 2);
}

/// A scratch folder of shard folders.
class MergeDirsTest : public ::testing::Test {
protected:
  fs::path Root;
  void SetUp() override { Root = test::freshTestDir("merge"); }
  void TearDown() override { fs::remove_all(Root); }

  std::string shard(const std::string &Name,
                    const std::map<std::string, nlohmann::json> &Files) {
    fs::path Dir = Root / Name;
    fs::create_directories(Dir);
    for (const auto &[File, J] : Files)
      writeFileAtomically((Dir / File).string(), J.dump());
    return Dir.string();
  }
  static nlohmann::json withRun(nlohmann::json J, const char *Run) {
    if (Run)
      J["run"] = Run;
    return J;
  }
  static nlohmann::json testsJson(const char *Name, TestOutcome O,
                                  const char *Run) {
    return withRun(nlohmann::json(tests({{"s", Name, 0, {O}}})), Run);
  }
  static nlohmann::json readinessJson(const char *Run, bool License = true) {
    return withRun({{"schema", "exitbar.readiness"},
                    {"schema_version", 1},
                    {"license", {{"file", License ? "LICENSE" : ""}}}},
                   Run);
  }
};

TEST_F(MergeDirsTest, MergedRunIdIsTheSameForAnyGroupingOfShards) {
  using O = TestOutcome;
  std::string A = shard("a", {{"tests.json", testsJson("t1", O::Failed, "r1")},
                              {"readiness.json", readinessJson("r1")}});
  std::string B =
      shard("b", {{"tests.json", testsJson("t1", O::Passed, "r2")}});
  std::string C = shard("c", {{"tests.json", testsJson("t2", O::Passed, "r3")},
                              {"readiness.json", readinessJson("r3")}});
  MergeResult All = mergeEvidenceDirs({{A, B, C}, ""});
  EXPECT_EQ(All.MergedRuns, (std::vector<std::string>{"r1", "r2", "r3"}));
  EXPECT_EQ(All.RunId.rfind("merged-", 0), 0U);
  EXPECT_EQ(All.ShardsPerFile.at("readiness.json"), 2);

  writeMergedEvidence(mergeEvidenceDirs({{B, A}, ""}), (Root / "ba").string());
  MergeResult Grouped = mergeEvidenceDirs({{C, (Root / "ba").string()}, ""});
  EXPECT_EQ(Grouped.RunId, All.RunId);
  EXPECT_EQ(Grouped.Files, All.Files);

  nlohmann::json Tests = nlohmann::json::parse(All.Files.at("tests.json"));
  EXPECT_EQ(Tests["flaky_tests"], nlohmann::json::array({"t1"}));
  EXPECT_EQ(Tests["run"], All.RunId);
  EXPECT_EQ(Tests["passed"], 2);
  EXPECT_EQ(Tests["failed"], 0);
}

TEST_F(MergeDirsTest, AStaleFileInAShardIsAnError) {
  std::string A =
      shard("a", {{"tests.json", testsJson("t", TestOutcome::Passed, "r1")},
                  {"readiness.json", readinessJson("r0")}});
  try {
    mergeEvidenceDirs({{A}, ""});
    FAIL() << "a stale file merged";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.merge.stale-evidence");
  }
}

TEST_F(MergeDirsTest, ShardsMustAllRecordRunsOrNone) {
  std::string A =
      shard("a", {{"tests.json", testsJson("t", TestOutcome::Passed, "r1")}});
  std::string B = shard(
      "b", {{"tests.json", testsJson("u", TestOutcome::Passed, nullptr)}});
  try {
    mergeEvidenceDirs({{A, B}, ""});
    FAIL() << "shards with and without runs merged";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.merge.run-mismatch");
  }
  MergeResult None = mergeEvidenceDirs({{B}, ""});
  EXPECT_TRUE(None.RunId.empty());
  EXPECT_EQ(nlohmann::json::parse(None.Files.at("tests.json")).count("run"),
            0U);
}

TEST_F(MergeDirsTest, ExpectedRunIdRejectsEvidenceOfAnotherRun) {
  std::string A =
      shard("a", {{"tests.json", testsJson("t", TestOutcome::Passed, "p7")}});
  std::string B =
      shard("b", {{"tests.json", testsJson("u", TestOutcome::Passed, "p6")}});
  EXPECT_EQ(mergeEvidenceDirs({{A}, "p7"}).RunId, "p7");
  try {
    mergeEvidenceDirs({{A, B}, "p7"});
    FAIL() << "evidence of pipeline p6 merged into p7";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.merge.stale-evidence");
    EXPECT_NE(E.file().find("b"), std::string::npos);
  }
}

TEST_F(MergeDirsTest, KindsThatDoNotAddUpMustAgree) {
  std::string A = shard("a", {{"readiness.json", readinessJson("r1")}});
  std::string B = shard("b", {{"readiness.json", readinessJson("r2", false)}});
  try {
    mergeEvidenceDirs({{A, B}, ""});
    FAIL() << "disagreeing readiness merged";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.merge.conflict");
    EXPECT_EQ(E.place(), "/license/file");
  }
}

TEST_F(MergeDirsTest, EmptyShardAndInconsistentTestsAreErrors) {
  fs::create_directories(Root / "empty");
  std::string A = shard(
      "a", {{"tests.json", testsJson("t", TestOutcome::Passed, nullptr)}});
  EXPECT_THROW(mergeEvidenceDirs({{A, (Root / "empty").string()}, ""}), Error);
  nlohmann::json Forged = testsJson("t", TestOutcome::Failed, nullptr);
  Forged["failed"] = 0;
  Forged["passed"] = 1;
  Forged["failing_tests"] = nlohmann::json::array();
  std::string F = shard("f", {{"tests.json", Forged}});
  try {
    mergeEvidenceDirs({{A, F}, ""});
    FAIL() << "counts contradicting the test list merged";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.merge.inconsistent");
  }
}

TEST_F(MergeDirsTest, WritingRemovesKindsTheMergeDoesNotHave) {
  std::string A = shard(
      "a", {{"tests.json", testsJson("t", TestOutcome::Passed, nullptr)}});
  fs::path Out = Root / "out";
  fs::create_directories(Out);
  writeFileAtomically((Out / "coverage.json").string(), "{}");
  writeMergedEvidence(mergeEvidenceDirs({{A}, ""}), Out.string());
  EXPECT_TRUE(fs::exists(Out / "tests.json"));
  EXPECT_FALSE(fs::exists(Out / "coverage.json"));
}

} // namespace

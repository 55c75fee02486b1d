// EvidenceTest.cpp - unit tests of the evidence model's canonical form and
// merge
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Evidence.h"
#include <gtest/gtest.h>

using namespace exitbar;

namespace {

Finding finding(std::string File, int Line, std::string Fingerprint) {
  Finding F;
  F.Check = "exitbar-unsafe-function";
  F.Level = Severity::High;
  F.File = std::move(File);
  F.Line = Line;
  F.Column = 1;
  F.Message = "m";
  F.Fingerprint = std::move(Fingerprint);
  return F;
}

TEST(SeverityTest, ParsesEveryNameAndRejectsOthers) {
  for (Severity S :
       {Severity::Critical, Severity::High, Severity::Medium, Severity::Low})
    EXPECT_EQ(parseSeverity(toString(S)), S);
  EXPECT_FALSE(parseSeverity("severe"));
  EXPECT_FALSE(parseSeverity("HIGH"));
}

TEST(FindingsEvidenceTest, NormalizeSortsAndDropsDuplicateFingerprints) {
  FindingsEvidence E;
  E.Findings = {finding("b.cpp", 1, "f2"), finding("a.cpp", 9, "f1"),
                finding("a.cpp", 9, "f1"), finding("a.cpp", 2, "f3")};
  E.normalize();
  ASSERT_EQ(E.Findings.size(), 3U);
  EXPECT_EQ(E.Findings[0].Fingerprint, "f3");
  EXPECT_EQ(E.Findings[1].Fingerprint, "f1");
  EXPECT_EQ(E.Findings[2].Fingerprint, "f2");
}

TEST(FindingsEvidenceTest, MergeIsOrderIndependentAndAssociative) {
  FindingsEvidence A, B, C;
  A.Findings = {finding("a.cpp", 1, "x")};
  A.TranslationUnits = 1;
  B.Findings = {finding("b.cpp", 1, "y"), finding("a.cpp", 1, "x")};
  B.TranslationUnits = 1;
  C.Findings = {finding("c.cpp", 3, "z")};
  C.AnalysisErrors = {{"c.cpp", "1:1: error"}};
  C.TranslationUnits = 1;

  FindingsEvidence Left = A; // (A + B) + C
  Left.merge(B);
  Left.merge(C);
  FindingsEvidence Right = B; // C + (B + A)
  FindingsEvidence BA = B;
  BA.merge(A);
  Right = C;
  Right.merge(BA);

  EXPECT_EQ(Left.Findings, Right.Findings);
  EXPECT_EQ(Left.AnalysisErrors, Right.AnalysisErrors);
  EXPECT_EQ(Left.TranslationUnits, Right.TranslationUnits);
  EXPECT_EQ(Left.Findings.size(), 3U);
}

} // namespace

namespace {

// De-duplication kept the first copy in sort order, so a planted copy that
// sorts first (another file name, "low") replaced the real high finding.
TEST(FindingsEvidenceTest, TheMostSevereCopyOfAFingerprintSurvives) {
  Finding Real = finding("src/a.cpp", 9, "same");
  Finding Planted = finding("0.cpp", 1, "same");
  Planted.Level = Severity::Low;
  for (bool PlantedFirst : {true, false}) {
    FindingsEvidence E;
    E.Findings = PlantedFirst ? std::vector<Finding>{Planted, Real}
                              : std::vector<Finding>{Real, Planted};
    E.normalize();
    ASSERT_EQ(E.Findings.size(), 1U);
    EXPECT_EQ(E.Findings[0].Level, Severity::High);
    EXPECT_EQ(E.Findings[0].File, "src/a.cpp");
  }
}

} // namespace
TEST(FindingsEvidenceTest, SuppressionsMergeSortedWithoutDuplicates) {
  FindingsEvidence A, B;
  A.Suppressions = {{"b.cpp", 3, "NOLINT", true}};
  B.Suppressions = {{"a.cpp", 7, "NOLINT(*)", true},
                    {"b.cpp", 3, "NOLINT", true}};
  FindingsEvidence AB = A, BA = B;
  AB.merge(B);
  BA.merge(A);
  ASSERT_EQ(AB.Suppressions.size(), 2U);
  EXPECT_EQ(AB.Suppressions[0].File, "a.cpp");
  EXPECT_EQ(AB.Suppressions, BA.Suppressions);
}

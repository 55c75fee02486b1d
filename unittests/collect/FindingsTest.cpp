// FindingsTest.cpp - unit tests of turning clang-tidy output into findings
// evidence
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Findings.h"
#include "TestDir.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/Tidy.h"
#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace exitbar;
namespace fs = std::filesystem;

namespace {

/// Source lines served from memory, so fingerprints are tested without disk.
struct FakeSource {
  std::map<int, std::string> Lines;
  LineReader reader() const {
    return [this](const std::string &, int Line) {
      auto It = Lines.find(Line);
      return It == Lines.end() ? std::string() : It->second;
    };
  }
};

const char *GetsWarning =
    "/src/app/main.c:{L}:3: warning: 'gets' cannot limit its input to the "
    "size of the buffer; use 'fgets' instead [exitbar-unsafe-function]\n";

std::string at(int Line) {
  std::string Text = GetsWarning;
  Text.replace(Text.find("{L}"), 3, std::to_string(Line));
  return Text;
}

TEST(FindingsFromTidyOutputTest, ClassifiesAndMakesPathsRelative) {
  FakeSource Src{{{4, "  gets(buf);"}}};
  auto E = findingsFromTidyOutput(at(4), {"/src", Src.reader()});
  ASSERT_EQ(E.Findings.size(), 1U);
  const Finding &F = E.Findings[0];
  EXPECT_EQ(F.File, "app/main.c");
  EXPECT_EQ(F.Level, Severity::Critical);
  EXPECT_EQ(F.Cwe, std::vector<std::string>{"CWE-242"});
  EXPECT_EQ(F.Fingerprint.size(), 32U);
  EXPECT_EQ(E.TranslationUnits, 1);
}

TEST(FindingsFromTidyOutputTest, FingerprintSurvivesMovesAndReindentation) {
  FakeSource Before{{{4, "  gets(buf);"}}};
  FakeSource After{{{40, "\tgets(buf);   "}}};
  auto A = findingsFromTidyOutput(at(4), {"/src", Before.reader()});
  auto B = findingsFromTidyOutput(at(40), {"/src", After.reader()});
  EXPECT_EQ(A.Findings[0].Fingerprint, B.Findings[0].Fingerprint);
}

TEST(FindingsFromTidyOutputTest, IdenticalLinesGetDistinctFingerprints) {
  FakeSource Src{{{4, "gets(buf);"}, {9, "gets(buf);"}}};
  auto E = findingsFromTidyOutput(at(4) + at(9), {"/src", Src.reader()});
  ASSERT_EQ(E.Findings.size(), 2U);
  EXPECT_NE(E.Findings[0].Fingerprint, E.Findings[1].Fingerprint);
}

TEST(FindingsFromTidyOutputTest, CompilerErrorsBecomeAnalysisErrors) {
  auto E = findingsFromTidyOutput(
      "/src/a.cpp:1:10: error: 'x.h' file not found [clang-diagnostic-error]\n"
      "/src/a.cpp:2:1: warning: unused [clang-diagnostic-unused-variable]\n",
      {"/src", {}});
  EXPECT_TRUE(E.Findings.empty());
  ASSERT_EQ(E.AnalysisErrors.size(), 1U);
  EXPECT_EQ(E.AnalysisErrors[0].File, "a.cpp");
}

TEST(FindingsFromTidyOutputTest, UnanalysedRegionsAreNotFindings) {
  auto E = findingsFromTidyOutput(
      "/src/a.c:9:1: warning: code under '#else of #ifdef __clang__' is "
      "compiled by other compilers but not analysed (1 line) "
      "[exitbar-unanalysed-region]\n"
      "/src/a.c:5:1: warning: code under '#ifndef __clang__' is compiled by "
      "other compilers but not analysed (12 lines) "
      "[exitbar-unanalysed-region]\n",
      {"/src", {}});
  EXPECT_TRUE(E.Findings.empty());
  ASSERT_EQ(E.UnanalysedRegions.size(), 2U);
  EXPECT_EQ(E.UnanalysedRegions[0],
            (UnanalysedRegion{"a.c", 5, 12, "#ifndef __clang__"}));
  EXPECT_EQ(E.UnanalysedRegions[1],
            (UnanalysedRegion{"a.c", 9, 1, "#else of #ifdef __clang__"}));
}

// One header finding reported by two translation units with different
// paths: the copy that survives is the same whatever the input order, and
// its path survives the JSON round trip.
TEST(FindingsEvidenceTest, OneOfTwoPathsSurvivesWhateverTheOrder) {
  Finding F{"exitbar-command-injection",
            Severity::Critical,
            {"CWE-78"},
            "h.h",
            3,
            5,
            "'system' runs input",
            "0123",
            {}};
  Finding ViaA = F, ViaB = F;
  ViaA.Path = {{"a.c", 7, 3, "'c' comes from 'read'"}};
  ViaB.Path = {{"b.c", 2, 1, "'c' comes from 'getenv'"}};
  FindingsEvidence X, Y;
  X.Findings = {ViaA, ViaB};
  Y.Findings = {ViaB, ViaA};
  X.normalize();
  Y.normalize();
  ASSERT_EQ(X.Findings.size(), 1U);
  EXPECT_EQ(X.Findings, Y.Findings);
  EXPECT_EQ(X.Findings[0].Path, ViaA.Path);
  FindingsEvidence Read = findingsFromJson(nlohmann::json(X), "findings.json");
  ASSERT_EQ(Read.Findings.size(), 1U);
  EXPECT_EQ(Read.Findings[0], X.Findings[0]);
}

TEST(FindingsEvidenceTest, UnanalysedRegionsMergeRoundTripAndAreOptional) {
  FindingsEvidence A, B;
  A.UnanalysedRegions = {{"b.c", 2, 4, "#ifndef __clang__"},
                         {"a.c", 7, 1, "#if !defined(__clang__)"}};
  B.UnanalysedRegions = {{"a.c", 7, 1, "#if !defined(__clang__)"}};
  A.merge(B);
  ASSERT_EQ(A.UnanalysedRegions.size(), 2U);
  EXPECT_EQ(A.UnanalysedRegions[0].File, "a.c");

  nlohmann::json J = A;
  EXPECT_EQ(findingsFromJson(J, "findings.json").UnanalysedRegions,
            A.UnanalysedRegions);
  // Evidence without regions is written, and read, as before.
  nlohmann::json Old = FindingsEvidence{};
  EXPECT_FALSE(Old.contains("unanalysed_regions"));
  EXPECT_TRUE(findingsFromJson(Old, "old.json").UnanalysedRegions.empty());
}

TEST(FindingsFromTidyOutputTest, UnknownChecksAreKeptAsLow) {
  auto E = findingsFromTidyOutput(
      "/elsewhere/b.cpp:3:1: warning: m [bugprone-foo]\n", {"/src", {}});
  ASSERT_EQ(E.Findings.size(), 1U);
  EXPECT_EQ(E.Findings[0].Level, Severity::Low);
  EXPECT_EQ(E.Findings[0].File, "/elsewhere/b.cpp");
}

class CollectFindingsTest : public ::testing::Test {
protected:
  void SetUp() override {
    Dir = test::freshTestDir("collect-findings");
    fs::create_directories(Dir / "src");
  }
  void TearDown() override { fs::remove_all(Dir); }

  void fragment(const std::string &Name, const std::string &Source,
                const std::string &Output) {
    auto E = findingsFromTidyOutput(Output, {(Dir / "src").string(), {}});
    nlohmann::json J = E;
    J["source"] = Source;
    writeFileAtomically((Dir / "fragments" / Name).string(), J.dump());
  }
  fs::path Dir;
};

TEST_F(CollectFindingsTest, MergesFragmentsAndDropsThoseOfDeletedSources) {
  std::string Kept = (Dir / "src" / "main.c").string();
  writeFileAtomically(Kept, "int main() { gets(b); }\n");
  fragment("1.json", Kept, at(1));
  fragment("2.json", Kept, at(1)); // the same finding from another target
  fragment("3.json", (Dir / "src" / "gone.c").string(), at(7));
  auto E = collectFindings((Dir / "fragments").string());
  EXPECT_EQ(E.Findings.size(), 1U);
  EXPECT_EQ(E.TranslationUnits, 2);
}

TEST_F(CollectFindingsTest, AMissingFolderMeansNoFindings) {
  auto E = collectFindings((Dir / "nothing").string());
  EXPECT_TRUE(E.Findings.empty());
  EXPECT_EQ(E.TranslationUnits, 0);
}

TEST_F(CollectFindingsTest, AMalformedFragmentIsAnErrorNamingIt) {
  writeFileAtomically((Dir / "fragments" / "bad.json").string(),
                      "{\"schema\": \"exitbar.findings\",");
  try {
    collectFindings((Dir / "fragments").string());
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.json.syntax");
    EXPECT_NE(E.file().find("bad.json"), std::string::npos);
  }
}

// A planted fragment with a real finding's fingerprint and "low" (no CWE)
// used to win de-duplication and take the severity it claimed.
TEST_F(CollectFindingsTest, APlantedLowCopyCannotReplaceARealFinding) {
  std::string Source = (Dir / "src" / "main.c").string();
  writeFileAtomically(Source, "int main() { gets(b); }\n");
  fragment("1.json", Source, at(1));
  nlohmann::json J =
      nlohmann::json::parse(readFile((Dir / "fragments" / "1.json").string()));
  J["findings"][0]["severity"] = "low";
  J["findings"][0]["cwe"] = nlohmann::json::array();
  J["findings"][0]["file"] = "0-planted.c";
  writeFileAtomically((Dir / "fragments" / "0.json").string(), J.dump());
  auto E = collectFindings((Dir / "fragments").string());
  ASSERT_EQ(E.Findings.size(), 1U);
  EXPECT_EQ(E.Findings[0].Level, Severity::Critical);
  EXPECT_FALSE(E.Findings[0].Cwe.empty());
  // Only the planted copy: the catalogue still decides its severity.
  fs::remove(Dir / "fragments" / "1.json");
  E = collectFindings((Dir / "fragments").string());
  ASSERT_EQ(E.Findings.size(), 1U);
  EXPECT_EQ(E.Findings[0].Level, Severity::Critical);
}

TEST(SuppressionScanTest, BlanketUnlessOneCheckWithAReason) {
  auto S = scanSuppressions(
      "a(); // NOLINT\n"
      "b(); // NOLINT()\n"
      "c(); /* NOLINT(exitbar-unsafe-function, exitbar-weak-crypto): x */\n"
      "// NOLINTNEXTLINE(exitbar-unsafe-function) - sized by the caller\n"
      "d(); // NOLINT(google-*)\n"
      "e(); // NOLINT(*-unsafe-function)\n"
      "f(\"NOLINT\"); g(); // NOLINTEND\n"
      "h(); // NOLINT(exitbar-unsafe-function)\n",
      "x.cpp");
  ASSERT_EQ(S.size(), 6U);
  EXPECT_EQ(S[0].Text, "NOLINT");
  EXPECT_TRUE(S[0].Blanket);
  EXPECT_TRUE(S[1].Blanket); // an empty list means every check
  EXPECT_TRUE(S[2].Blanket); // two checks
  EXPECT_EQ(S[2].Text,
            "NOLINT(exitbar-unsafe-function, exitbar-weak-crypto): x");
  EXPECT_EQ(S[3].Line, 4);
  EXPECT_FALSE(S[3].Blanket);
  EXPECT_EQ(S[4].Line, 6); // a wildcard that matches an exitbar-* check
  EXPECT_TRUE(S[4].Blanket);
  EXPECT_EQ(S[5].Line, 8); // no reason
  EXPECT_TRUE(S[5].Blanket);
  EXPECT_EQ(S[5].File, "x.cpp");
}

} // namespace

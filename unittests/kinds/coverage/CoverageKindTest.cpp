// CoverageKindTest.cpp - unit tests of the coverage evidence kind through
// the registry: its readers, its collector's checks and how shards add up
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Coverage.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/EvidenceKinds.h"
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace exitbar;

namespace {

const EvidenceKind &coverageKind() {
  const EvidenceKind *K = findEvidenceKind("coverage");
  EXPECT_NE(K, nullptr);
  return *K;
}

std::string evidenceText(long long HitsOfLine2, const std::string &Run) {
  CoverageEvidence E;
  E.Tool = "gcov";
  E.Files["a.c"].Lines = {{1, 1}, {2, HitsOfLine2}};
  nlohmann::json J = E;
  J["run"] = Run;
  return dumpCanonical(J);
}

TEST(CoverageKindTest, AShardIsReadOnceWithItsRunBesideIt) {
  const EvidenceKind &K = coverageKind();
  ASSERT_NE(K.ReadShard, nullptr);
  nlohmann::json Members;
  std::any Shard = K.ReadShard(evidenceText(0, "r1"), "a.json", Members);
  std::any Whole = K.Read(evidenceText(0, "r1"), "a.json");
  EXPECT_EQ(nlohmann::json(std::any_cast<CoverageEvidence &>(Shard)),
            nlohmann::json(std::any_cast<CoverageEvidence &>(Whole)));
  EXPECT_EQ(Members.value("run", ""), "r1");
  EXPECT_FALSE(Members.contains("files"));
}

TEST(CoverageKindTest, ShardsAddUpHitByHit) {
  const EvidenceKind &K = coverageKind();
  ASSERT_EQ(K.Merge, ShardMerge::AddUp);
  std::vector<ShardEvidence> Shards;
  for (long long Hits : {0, 2, 3})
    Shards.push_back({"s.json", K.Read(evidenceText(Hits, "r"), "s.json")});
  nlohmann::json Out = K.AddUp(Shards);
  CoverageEvidence C = coverageFromJson(Out, "merged");
  EXPECT_EQ(C.Files.at("a.c").Lines.at(1), 3);
  EXPECT_EQ(C.Files.at("a.c").Lines.at(2), 5);
}

TEST(CoverageKindTest, MalformedEvidenceNamesTheFileAndPointer) {
  try {
    coverageKind().Read(R"({"schema": "exitbar.coverage", "schema_version": 1,
                           "tool": "gcov", "files": [{"path": 3}]})",
                        "bad.json");
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.file(), "bad.json");
    EXPECT_EQ(E.place().rfind("/files/0", 0), 0U) << E.place();
  }
}

TEST(CoverageKindTest, TheCollectorRefusesWhatItCannotMeasure) {
  const EvidenceKind &K = coverageKind();
  auto IdOf = [&](std::map<std::string, std::vector<std::string>> Options) {
    CollectRequest R;
    R.Options = std::move(Options);
    try {
      K.Collect(R);
    } catch (const Error &E) {
      return E.id();
    }
    return std::string("no error");
  };
  EXPECT_EQ(IdOf({{"--source-dir", {"."}}}), "usage.coverage.no-input");
  EXPECT_EQ(IdOf({{"--source-dir", {"."}},
                  {"--build-dir", {"."}},
                  {"--llvm-cov", {"llvm-cov"}}}),
            "usage.coverage.llvm-tools");
  EXPECT_EQ(IdOf({{"--source-dir", {"."}},
                  {"--build-dir", {"."}},
                  {"--jobs", {"two"}}}),
            "usage.coverage.jobs");
}

} // namespace

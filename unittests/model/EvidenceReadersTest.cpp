// EvidenceReadersTest.cpp - every evidence kind's reader rejects malformed
// evidence with exit-2 errors naming the file and the JSON pointer
// SPDX-License-Identifier: Apache-2.0

#include "TestDir.h"
#include "exitbar/Benchmarks.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/Tests.h"
#include "exitbar/Verdict.h"
#include "exitbar/Vulnerabilities.h"
#include "kinds/approvals/Approvals.h"
#include "kinds/energy/Energy.h"
#include "kinds/readiness/Readiness.h"
#include "kinds/sbom/Sbom.h"
#include "kinds/signatures/Signatures.h"
#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>

using namespace exitbar;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

/// One evidence kind: its file, a valid document, and a member whose
/// wrong JSON type the reader must report at that member's pointer.
struct KindCase {
  std::string File;
  json Valid;
  std::string Member; ///< a JSON pointer
  json WrongType;
};

std::ostream &operator<<(std::ostream &OS, const KindCase &C) {
  return OS << C.File;
}

std::vector<KindCase> kinds() {
  FindingsEvidence F;
  F.TranslationUnits = 1;
  CoverageEvidence Cov;
  Cov.Files["a.cpp"].Lines[1] = 1;
  ReadinessEvidence R;
  SbomEvidence S;
  SignaturesEvidence Sig;
  BenchmarksEvidence B;
  B.Metric = "cpu";
  ApprovalsEvidence A;
  VulnerabilitiesEvidence V;
  energy::EnergyEvidence En;
  return {
      {"findings.json", json(F), "/translation_units", "1"},
      {"coverage.json", json(Cov), "/files/0/lines", json::object()},
      {"tests.json", json(TestsEvidence{}), "/seconds", "1"},
      {"readiness.json", json(R), "/ci/runs_tests", "yes"},
      {"sbom.json", json(S), "/counts/edges", "3"},
      {"signatures.json", json(Sig), "/trusted_keys", "key.pem"},
      {"benchmarks.json", json::parse(benchmarksToJson(B)), "/metric", 1},
      {"approvals.json", json::parse(approvalsToJson(A)), "/commit", 1},
      {"vulnerabilities.json", json::parse(vulnerabilitiesToJson(V)),
       "/records", "3"},
      // A registered kind is read by the registry's loop, the same way.
      {"energy.json", json::parse(energy::energyToJson(En)), "/inputs/pue",
       "1"},
  };
}

class EvidenceReadersTest : public ::testing::TestWithParam<KindCase> {
protected:
  void SetUp() override { Dir = test::freshTestDir("readers"); }
  void TearDown() override { fs::remove_all(Dir); }

  /// Loads \p J as the kind's evidence file; the Error it throws.
  Error loadError(const json &J) {
    writeFileAtomically((Dir / GetParam().File).string(), J.dump());
    try {
      loadEvidence(Dir.string(), "");
    } catch (const Error &E) {
      return E;
    }
    ADD_FAILURE() << GetParam().File << " was accepted: " << J.dump();
    return Error("", "", "", "");
  }

  fs::path Dir;
};

TEST_P(EvidenceReadersTest, ValidEvidenceLoads) {
  writeFileAtomically((Dir / GetParam().File).string(),
                      GetParam().Valid.dump());
  EXPECT_NO_THROW(loadEvidence(Dir.string(), ""));
}

TEST_P(EvidenceReadersTest, WrongTypedSchemaIsASchemaError) {
  json J = GetParam().Valid;
  J["schema"] = 42;
  Error E = loadError(J);
  EXPECT_EQ(E.id(), "input.evidence.schema");
  EXPECT_EQ(fs::path(E.file()).filename(), GetParam().File);
  EXPECT_EQ(E.place(), "/schema");
}

TEST_P(EvidenceReadersTest, WrongSchemaVersionIsRejected) {
  json J = GetParam().Valid;
  J["schema_version"] = 2;
  Error E = loadError(J);
  EXPECT_EQ(E.id(), "input.evidence.schema-version");
  EXPECT_EQ(fs::path(E.file()).filename(), GetParam().File);
  EXPECT_EQ(E.place(), "/schema_version");
  // A version that is no number at all is the same error.
  J["schema_version"] = "1";
  EXPECT_EQ(loadError(J).id(), "input.evidence.schema-version");
}

TEST_P(EvidenceReadersTest, WrongMemberTypeNamesTheMember) {
  json J = GetParam().Valid;
  J[json::json_pointer(GetParam().Member)] = GetParam().WrongType;
  Error E = loadError(J);
  EXPECT_EQ(E.id(), "input.evidence.wrong-type");
  EXPECT_EQ(fs::path(E.file()).filename(), GetParam().File);
  EXPECT_EQ(E.place(), GetParam().Member);
}

TEST_P(EvidenceReadersTest, MissingMemberNamesItsParent) {
  json J = GetParam().Valid;
  json::json_pointer Member(GetParam().Member);
  std::string Key = Member.back();
  J[Member.parent_pointer()].erase(Key);
  if (J[Member.parent_pointer()].is_array())
    GTEST_SKIP() << "an array element";
  Error E = loadError(J);
  EXPECT_EQ(E.id(), "input.evidence.missing-member");
  EXPECT_EQ(E.place(), Member.parent_pointer().empty()
                           ? "/"
                           : Member.parent_pointer().to_string());
}

INSTANTIATE_TEST_SUITE_P(EveryKind, EvidenceReadersTest,
                         ::testing::ValuesIn(kinds()), [](const auto &Info) {
                           std::string N = Info.param.File;
                           return N.substr(0, N.find('.'));
                         });

} // namespace

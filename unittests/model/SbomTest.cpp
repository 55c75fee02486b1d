// SbomTest.cpp - unit tests of the SBOM model: merge, purls, completeness,
// writers
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Sbom.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/SbomBuild.h"
#include "kinds/sbom/Sbom.h"
#include <gtest/gtest.h>
#include <sstream>

using namespace exitbar;
using nlohmann::json;

namespace {

SbomComponent component(const std::string &Ref,
                        std::vector<std::string> DependsOn = {}) {
  SbomComponent C;
  C.Ref = Ref;
  C.Name = Ref;
  C.Version = "1.0";
  C.Purl = "pkg:generic/" + Ref + "@1.0";
  C.Supplier = "ACME";
  C.DependsOn = std::move(DependsOn);
  return C;
}

SbomDocument fragment(std::vector<SbomComponent> Components) {
  SbomDocument D;
  D.Components = std::move(Components);
  D.normalize();
  return D;
}

SbomDocument sample() {
  SbomDocument D;
  D.Root = component("project:demo", {"target:app"});
  D.Root.Type = "application";
  D.Root.Name = "demo";
  D.Authors = {"ACME"};
  D.Supplier = "ACME";
  D.Timestamp = "2023-11-14T22:13:20Z";
  SbomComponent App = component("target:app", {"target:core"});
  App.Type = "application";
  App.File = "bin/app";
  App.Sha256 = std::string(64, 'a');
  App.Sha1 = std::string(40, 'b');
  App.Sources = {"src/main.cpp"};
  D.Components = {App, component("target:core", {"pkg:deb/debian/zlib1g@1"})};
  SbomComponent Z = component("pkg:deb/debian/zlib1g@1");
  Z.Supplier = "Mark Brown <broonie@debian.org>";
  D.Components.push_back(Z);
  D.normalize();
  return D;
}

TEST(SbomModelTest, MergeIsAssociativeAndOrderIndependent) {
  SbomDocument A =
      fragment({component("target:a", {"pkg:x"}), component("pkg:x")});
  SbomDocument B =
      fragment({component("target:b", {"pkg:x"}), component("pkg:x")});
  SbomDocument C =
      fragment({component("target:a", {"pkg:y"}), component("pkg:y")});
  SbomDocument AB_C = A;
  AB_C.merge(B);
  AB_C.merge(C);
  SbomDocument BC = B;
  BC.merge(C);
  SbomDocument A_BC = A;
  A_BC.merge(BC);
  SbomDocument CBA = C;
  CBA.merge(B);
  CBA.merge(A);
  auto Text = [](const SbomDocument &D) {
    std::ostringstream Out;
    writeCycloneDx(D, Out);
    return Out.str();
  };
  EXPECT_EQ(Text(AB_C), Text(A_BC));
  EXPECT_EQ(Text(AB_C), Text(CBA));
  ASSERT_EQ(AB_C.Components.size(), 4U);
  const SbomComponent *TargetA = AB_C.find("target:a");
  ASSERT_NE(TargetA, nullptr);
  EXPECT_EQ(TargetA->DependsOn, (std::vector<std::string>{"pkg:x", "pkg:y"}));
}

TEST(SbomModelTest, PurlsEncodeReservedCharacters) {
  EXPECT_EQ(makePurl("deb", "debian", "zlib1g", "1:1.2.13.dfsg-1",
                     {{"arch", "amd64"}}),
            "pkg:deb/debian/zlib1g@1%3A1.2.13.dfsg-1?arch=amd64");
  EXPECT_EQ(makePurl("deb", "debian", "libstdc++6", "12.2.0-14+deb12u1",
                     {{"distro", "debian-12"}, {"arch", "amd64"}}),
            "pkg:deb/debian/libstdc%2B%2B6@12.2.0-14%2Bdeb12u1?arch=amd64&"
            "distro=debian-12");
  EXPECT_EQ(makePurl("generic", "", "demo", ""), "pkg:generic/demo");
}

TEST(SbomModelTest, CompletenessNamesMissingElements) {
  SbomDocument D = sample();
  SbomComponent Orphan;
  Orphan.Ref = "pkg:generic/orphan";
  Orphan.Name = "orphan";
  D.Components.push_back(Orphan);
  D.normalize();
  SbomEvidence E = checkSbom(D);
  EXPECT_EQ(E.Components, 4);
  EXPECT_EQ(E.incomplete(), 1);
  auto It = std::find_if(E.Checks.begin(), E.Checks.end(),
                         [](const SbomComponentCheck &C) {
                           return C.Ref == "pkg:generic/orphan";
                         });
  ASSERT_NE(It, E.Checks.end());
  EXPECT_EQ(It->Missing, (std::vector<std::string>{"supplier", "version",
                                                   "unique identifier",
                                                   "dependency relationship"}));
  // The summary counts the project too, so its numbers add up.
  EXPECT_EQ(E.completeness(),
            "the project and 4 components, 1 of the 5 incomplete (1 without "
            "a supplier, 1 without a version, 1 without a unique identifier, "
            "1 without a dependency relationship)");
  // Without an author every component counts as incomplete.
  D.Authors.clear();
  EXPECT_EQ(checkSbom(D).incomplete(), 5);
  EXPECT_EQ(checkSbom(D).completeness(),
            "the project and 4 components, all 5 incomplete (the document "
            "has no author; 1 without a supplier, 1 without a version, 1 "
            "without a unique identifier, 1 without a dependency "
            "relationship)");
  // The evidence file round-trips.
  json J = E;
  SbomEvidence Back = sbomFromJson(J, "sbom.json");
  EXPECT_EQ(json(Back), J);
}

TEST(SbomModelTest, CycloneDxHasGraphHashesAndStableSerial) {
  std::ostringstream Out;
  writeCycloneDx(sample(), Out);
  json J = json::parse(Out.str());
  EXPECT_EQ(J["specVersion"], "1.5");
  EXPECT_EQ(J["metadata"]["component"]["bom-ref"], "project:demo");
  EXPECT_EQ(J["components"].size(), 3U);
  EXPECT_EQ(J["dependencies"].size(), 4U);
  const json &App = J["components"][1]; // sorted: pkg:..., target:app, ...
  EXPECT_EQ(App["bom-ref"], "target:app");
  EXPECT_EQ(App["hashes"][0]["alg"], "SHA-256");
  std::string Serial = J["serialNumber"];
  EXPECT_EQ(Serial.size(), 45U);
  EXPECT_EQ(Serial[23], '5');
  std::ostringstream Again;
  writeCycloneDx(sample(), Again);
  EXPECT_EQ(Out.str(), Again.str());
}

TEST(SbomModelTest, SpdxFilesHaveSha1AndPackagesAVerificationCode) {
  std::ostringstream Out;
  writeSpdx(sample(), Out);
  json J = json::parse(Out.str());
  EXPECT_EQ(J["spdxVersion"], "SPDX-2.3");
  EXPECT_EQ(J["creationInfo"]["created"], "2023-11-14T22:13:20Z");
  ASSERT_EQ(J["files"].size(), 1U);
  EXPECT_EQ(J["files"][0]["checksums"][0]["algorithm"], "SHA1");
  EXPECT_EQ(J["files"][0]["fileName"], "./bin/app");
  for (const json &P : J["packages"]) {
    std::string Id = P["SPDXID"];
    EXPECT_EQ(
        Id.find_first_not_of(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-",
            8),
        std::string::npos)
        << Id;
    EXPECT_EQ(P["filesAnalyzed"].get<bool>(), P.contains("hasFiles")) << Id;
    EXPECT_EQ(P["filesAnalyzed"].get<bool>(),
              P.contains("packageVerificationCode"))
        << Id;
  }
  EXPECT_EQ(J["packages"][1]["supplier"],
            "Organization: Mark Brown (broonie@debian.org)");
  std::string Ns = J["documentNamespace"];
  EXPECT_EQ(Ns.rfind("https://exitbar.invalid/spdxdocs/demo-1.0-", 0), 0U);
}

} // namespace

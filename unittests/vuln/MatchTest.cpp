// MatchTest.cpp - unit tests of OSV range evaluation and component matching
// SPDX-License-Identifier: Apache-2.0

#include "vuln/Match.h"
#include "exitbar/Vulnerabilities.h"
#include <gtest/gtest.h>

using namespace exitbar;
using namespace exitbar::vuln;

namespace {

OsvAffected affected(const std::string &Ecosystem, const std::string &Name,
                     const std::string &Type, std::vector<OsvEvent> Events,
                     std::vector<std::string> Versions = {}) {
  OsvAffected A;
  A.Ecosystem = Ecosystem;
  A.Name = Name;
  A.Ranges.push_back({Type, std::move(Events)});
  A.Versions = std::move(Versions);
  return A;
}

TEST(MatchTest, IntroducedFixedRange) {
  OsvAffected A = affected("Debian:12", "zlib", "ECOSYSTEM",
                           {{OsvEvent::Introduced, "0"},
                            {OsvEvent::Fixed, "1:1.2.13.dfsg-1+deb12u1"}});
  auto M = evaluateAffected(A, "1:1.2.13.dfsg-1", false);
  EXPECT_TRUE(M.Affected);
  EXPECT_EQ(M.Fixed, "1:1.2.13.dfsg-1+deb12u1");
  EXPECT_FALSE(evaluateAffected(A, "1:1.2.13.dfsg-1+deb12u1", false).Affected);
  EXPECT_FALSE(evaluateAffected(A, "1:1.3-1", false).Affected);
  // Without the epoch, 1.2.13 sorts below every 1:... version.
  EXPECT_TRUE(evaluateAffected(A, "1.2.13", false).Affected);
}

TEST(MatchTest, SeveralIntervalsAndLastAffected) {
  OsvAffected A = affected("npm", "x", "SEMVER",
                           {{OsvEvent::Fixed, "1.5.0"},
                            {OsvEvent::Introduced, "1.0.0"},
                            {OsvEvent::Introduced, "2.0.0"},
                            {OsvEvent::LastAffected, "2.3.0"}});
  EXPECT_FALSE(evaluateAffected(A, "0.9.0", false).Affected);
  EXPECT_TRUE(evaluateAffected(A, "1.0.0", false).Affected);
  EXPECT_TRUE(evaluateAffected(A, "1.4.9", false).Affected);
  EXPECT_EQ(evaluateAffected(A, "1.4.9", false).Fixed, "1.5.0");
  EXPECT_FALSE(evaluateAffected(A, "1.5.0", false).Affected);
  EXPECT_FALSE(evaluateAffected(A, "1.9.0", false).Affected);
  EXPECT_TRUE(evaluateAffected(A, "2.3.0", false).Affected);
  EXPECT_EQ(evaluateAffected(A, "2.3.0", false).Fixed, "");
  EXPECT_FALSE(evaluateAffected(A, "2.3.1", false).Affected);
  EXPECT_TRUE(evaluateAffected(A, "v2.1.0", false).Affected);
  EXPECT_FALSE(evaluateAffected(A, "2.0.0-rc.1", false).Affected);
}

TEST(MatchTest, VersionsListAndUnorderedEcosystems) {
  OsvAffected A = affected(
      "OSS-Fuzz", "libfoo", "ECOSYSTEM",
      {{OsvEvent::Introduced, "1.0"}, {OsvEvent::Fixed, "1.2"}}, {"1.1"});
  // OSS-Fuzz versions have no known order: only the explicit list counts.
  EXPECT_TRUE(evaluateAffected(A, "1.1", false).Affected);
  EXPECT_FALSE(evaluateAffected(A, "1.0", false).Affected);
  // GIT ranges name commits and never match a version.
  OsvAffected G =
      affected("GIT", "https://x", "GIT",
               {{OsvEvent::Introduced, "0"}, {OsvEvent::Fixed, "abc"}});
  EXPECT_FALSE(evaluateAffected(G, "1.0", false).Affected);
  // A name-only match ignores ECOSYSTEM ranges of foreign ecosystems.
  OsvAffected E =
      affected("PyPI", "x", "ECOSYSTEM", {{OsvEvent::Introduced, "0"}});
  EXPECT_TRUE(evaluateAffected(E, "1.0", false).Affected);
  EXPECT_FALSE(evaluateAffected(E, "1.0", true).Affected);
}

TEST(MatchTest, ParsesPurls) {
  auto P = parsePurl(
      "pkg:deb/debian/zlib1g@1%3A1.2.13.dfsg-1?arch=amd64&distro=debian-12");
  ASSERT_TRUE(P);
  EXPECT_EQ(P->Type, "deb");
  EXPECT_EQ(P->Namespace, "debian");
  EXPECT_EQ(P->Name, "zlib1g");
  EXPECT_EQ(P->Version, "1:1.2.13.dfsg-1");
  EXPECT_EQ(P->Qualifiers["distro"], "debian-12");
  EXPECT_EQ(P->base(), "deb/debian/zlib1g");
  EXPECT_EQ(parsePurl("pkg:generic/zlib@1.3")->base(), "generic/zlib");
  EXPECT_FALSE(parsePurl("zlib@1.3"));
  EXPECT_EQ(debianRelease("bookworm"), "12");
  EXPECT_EQ(debianRelease("debian-11.7"), "11");
  EXPECT_EQ(debianRelease("sid"), "");
}

OsvRecord record(const std::string &Id, const std::string &Severity,
                 std::vector<OsvAffected> Affected) {
  OsvRecord R;
  R.Id = Id;
  R.Severity = Severity;
  R.Aliases = {"CVE-2024-0001"};
  R.Affected = std::move(Affected);
  return R;
}

TEST(MatchTest, DebianBinaryPackagesMatchThroughTheirSource) {
  SbomComponent Bin;
  Bin.Ref = Bin.Purl =
      "pkg:deb/debian/libssl3@3.0.11-1~deb12u2%2Bb1?arch=amd64";
  Bin.Name = "libssl3";
  Bin.Version = "3.0.11-1~deb12u2+b1";
  Bin.Origin = "deb";
  Bin.Properties["dpkg:source"] = "openssl";
  Bin.Properties["dpkg:source-version"] = "3.0.11-1~deb12u2";
  std::vector<OsvRecord> Db = {
      record("DSA-1", "high",
             {affected("Debian:12", "openssl", "ECOSYSTEM",
                       {{OsvEvent::Introduced, "0"},
                        {OsvEvent::Fixed, "3.0.11-1~deb12u3"}})}),
      // Fixed exactly at the source version: the +b1 binary is not affected
      // although its own version is above the fix.
      record("DSA-2", "high",
             {affected("Debian:12", "openssl", "ECOSYSTEM",
                       {{OsvEvent::Introduced, "0"},
                        {OsvEvent::Fixed, "3.0.11-1~deb12u2"}})}),
      // Another release's record does not apply with --debian-release 12.
      record("DSA-3", "critical",
             {affected("Debian:11", "openssl", "ECOSYSTEM",
                       {{OsvEvent::Introduced, "0"}})}),
      // Records name sources; a record for the binary name does not match.
      record("DSA-4", "high",
             {affected("Debian:12", "libssl3", "ECOSYSTEM",
                       {{OsvEvent::Introduced, "0"}})})};
  MatchOptions O;
  O.DebianRelease = "12";
  VulnerabilitiesEvidence E = matchVulnerabilities({Bin}, Db, O);
  ASSERT_EQ(E.Findings.size(), 1U);
  EXPECT_EQ(E.Findings[0].Id, "DSA-1");
  EXPECT_EQ(E.Findings[0].Package, "openssl");
  EXPECT_EQ(E.Findings[0].Fixed, "3.0.11-1~deb12u3");
  EXPECT_EQ(E.highOrCritical(), 1);
  EXPECT_EQ(E.ComponentsChecked, 1);
  // Without a release every Debian record applies.
  EXPECT_EQ(matchVulnerabilities({Bin}, Db, {}).Findings.size(), 2U);
}

TEST(MatchTest, OtherPackagesMatchByPurlOrName) {
  SbomComponent Fetched;
  Fetched.Ref = "pkg:github/madler/zlib@v1.2.11";
  Fetched.Purl = Fetched.Ref;
  Fetched.Name = "zlib";
  Fetched.Version = "v1.2.11";
  SbomComponent Target;
  Target.Ref = "target:app";
  Target.Name = "zlib";
  Target.Version = "1.2.11";
  Target.Origin = "target";
  SbomComponent NoVersion;
  NoVersion.Ref = "pkg:generic/thing";
  NoVersion.Purl = NoVersion.Ref;
  NoVersion.Name = "thing";
  OsvAffected ByPurl = affected("GIT", "https://github.com/madler/zlib", "GIT",
                                {{OsvEvent::Introduced, "0"}}, {"v1.2.11"});
  ByPurl.Purl = "pkg:github/madler/zlib";
  OsvAffected ByName =
      affected("OSS-Fuzz", "zlib", "SEMVER",
               {{OsvEvent::Introduced, "1.2.0"}, {OsvEvent::Fixed, "1.2.12"}});
  OsvAffected Fixed =
      affected("OSS-Fuzz", "zlib", "SEMVER",
               {{OsvEvent::Introduced, "1.0.0"}, {OsvEvent::Fixed, "1.2.11"}});
  OsvAffected DebianZlib =
      affected("Debian", "zlib", "ECOSYSTEM", {{OsvEvent::Introduced, "0"}});
  std::vector<OsvRecord> Db = {
      record("A", "critical", {ByPurl}), record("B", "medium", {ByName}),
      record("C", "high", {Fixed}), record("D", "high", {DebianZlib})};
  VulnerabilitiesEvidence E =
      matchVulnerabilities({Fetched, Target, NoVersion}, Db, {});
  ASSERT_EQ(E.Findings.size(), 2U);
  EXPECT_EQ(E.Findings[0].Id, "A");
  EXPECT_EQ(E.Findings[1].Id, "B");
  EXPECT_EQ(E.Findings[1].Fixed, "1.2.12");
  EXPECT_EQ(E.ComponentsChecked, 1);
  EXPECT_EQ(E.ComponentsSkipped, std::vector<std::string>{"pkg:generic/thing"});
}

TEST(MatchTest, EvidenceRoundTrips) {
  VulnerabilitiesEvidence E;
  E.Database = "osv";
  E.Records = 3;
  E.ComponentsChecked = 2;
  VulnerabilityFinding F;
  F.Id = "DSA-1";
  F.Aliases = {"CVE-1"};
  F.ComponentRef = "pkg:deb/debian/a@1";
  F.ComponentName = "a";
  F.ComponentVersion = "1";
  F.Package = "a-src";
  F.Ecosystem = "Debian:12";
  F.Severity = "critical";
  F.CvssScore = 9.8;
  F.Summary = "bad";
  E.Findings.push_back(F);
  std::string Text = vulnerabilitiesToJson(E);
  VulnerabilitiesEvidence Back = vulnerabilitiesFromJson(Text, "v.json");
  EXPECT_EQ(vulnerabilitiesToJson(Back), Text);
  EXPECT_EQ(Back.highOrCritical(), 1);
}

} // namespace

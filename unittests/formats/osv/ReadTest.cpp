// ReadTest.cpp - unit tests of the OSV record reader
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Error.h"
#include "exitbar/Vulnerabilities.h"
#include <gtest/gtest.h>

using namespace exitbar;

namespace {

TEST(OsvReadTest, ReadsADebianRecord) {
  OsvRecord R = readOsv(R"({
    "id": "DSA-5000-1", "aliases": ["CVE-2022-2", "CVE-2022-1"],
    "summary": "zlib - security update",
    "affected": [{"package": {"ecosystem": "Debian:12", "name": "zlib",
                              "purl": "pkg:deb/debian/zlib?arch=source"},
                  "ranges": [{"type": "ECOSYSTEM", "events": [
                    {"introduced": "0"}, {"fixed": "1:1.2.13.dfsg-2"}]}],
                  "versions": ["1:1.2.13.dfsg-1"]}]})",
                        "DSA-5000-1.json");
  EXPECT_EQ(R.Id, "DSA-5000-1");
  EXPECT_EQ(R.Aliases, (std::vector<std::string>{"CVE-2022-1", "CVE-2022-2"}));
  EXPECT_EQ(R.Severity, "unknown");
  ASSERT_EQ(R.Affected.size(), 1U);
  EXPECT_EQ(R.Affected[0].Ecosystem, "Debian:12");
  EXPECT_EQ(R.Affected[0].Name, "zlib");
  ASSERT_EQ(R.Affected[0].Ranges.size(), 1U);
  ASSERT_EQ(R.Affected[0].Ranges[0].Events.size(), 2U);
  EXPECT_EQ(R.Affected[0].Ranges[0].Events[1].Type, OsvEvent::Fixed);
  EXPECT_EQ(R.Affected[0].Versions.size(), 1U);
}

TEST(OsvReadTest, SeverityFromCvssV3ElseDatabaseRating) {
  OsvRecord Cvss = readOsv(R"({"id": "X-1", "severity": [
      {"type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"},
      {"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"}],
      "database_specific": {"severity": "CRITICAL"}})",
                           "x.json");
  EXPECT_EQ(Cvss.Severity, "medium");
  EXPECT_EQ(Cvss.CvssScore, 6.1);
  OsvRecord Ghsa = readOsv(
      R"({"id": "GHSA-1", "database_specific": {"severity": "MODERATE"}})",
      "g.json");
  EXPECT_EQ(Ghsa.Severity, "medium");
  EXPECT_FALSE(Ghsa.CvssScore);
  OsvRecord Withdrawn = readOsv(
      R"({"id": "W-1", "withdrawn": "2024-01-01T00:00:00Z"})", "w.json");
  EXPECT_TRUE(Withdrawn.Withdrawn);
}

void expectError(const char *Text, const std::string &Pointer) {
  try {
    readOsv(Text, "bad.json");
    ADD_FAILURE() << "no error for " << Text;
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.osv.json");
    EXPECT_EQ(E.file(), "bad.json");
    EXPECT_EQ(E.place(), Pointer) << E.what();
  }
}

TEST(OsvReadTest, MalformedRecordsNameTheJsonPointer) {
  expectError("{", "");
  expectError("[]", "");
  expectError(R"({"summary": "no id"})", "/id");
  expectError(R"({"id": 5})", "/id");
  expectError(R"({"id": "A", "aliases": "CVE-1"})", "/aliases");
  expectError(R"({"id": "A", "affected": [{"package": {"ecosystem": "npm",
      "name": "x"}, "ranges": [{"type": "SEMVER", "events": [
      {"introduced": "0"}, {"fixed": 3}]}]}]})",
              "/affected/0/ranges/0/events/1/fixed");
  expectError(R"({"id": "A", "affected": [{"package": {"name": "x",
      "ecosystem": "npm"}, "ranges": [{"type": "SEMVER", "events": [
      {"introduced": "0", "fixed": "1.0"}]}]}]})",
              "/affected/0/ranges/0/events/0");
  expectError(R"({"id": "A", "affected": [{"package": {"name": "x",
      "ecosystem": "npm"}, "ranges": [{"type": "DATE", "events": [
      {"introduced": "0"}]}]}]})",
              "/affected/0/ranges/0/type");
  expectError(R"({"id": "A", "affected": [{"package": {"name": "x",
      "ecosystem": "npm"}, "versions": ["1.0", 2]}]})",
              "/affected/0/versions/1");
}

} // namespace

// LicenseTest.cpp - licensecheck's names to SPDX ids, and the built-in matcher
// SPDX-License-Identifier: Apache-2.0

#include "TestDir.h"
#include "kinds/readiness/Readiness.h"
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

namespace exitbar {
namespace {

TEST(SpdxFromLicensecheck, KeepsWhatIsAlreadyAnSpdxId) {
  EXPECT_EQ(spdxFromLicensecheck("Zlib"), "Zlib");
  EXPECT_EQ(spdxFromLicensecheck("curl"), "curl");
  EXPECT_EQ(spdxFromLicensecheck("BSD-3-Clause\n"), "BSD-3-Clause");
  EXPECT_EQ(spdxFromLicensecheck("GPL-2.0-or-later"), "GPL-2.0-or-later");
}

TEST(SpdxFromLicensecheck, MapsDebianGplNamesToOnlyAndOrLater) {
  EXPECT_EQ(spdxFromLicensecheck("GPL-2"), "GPL-2.0-only");
  EXPECT_EQ(spdxFromLicensecheck("GPL-3+"), "GPL-3.0-or-later");
  EXPECT_EQ(spdxFromLicensecheck("LGPL-2.1"), "LGPL-2.1-only");
  EXPECT_EQ(spdxFromLicensecheck("AGPLv3"), "AGPL-3.0-only");
  EXPECT_EQ(spdxFromLicensecheck("WTFPL-2"), "WTFPL");
}

TEST(SpdxFromLicensecheck, TextsThatQuoteEachOtherAreOneLicence) {
  EXPECT_EQ(spdxFromLicensecheck("OpenSSL and/or SSLeay"), "OpenSSL");
  EXPECT_EQ(spdxFromLicensecheck("GPL-3 and/or LGPL-3"), "LGPL-3.0-only");
}

TEST(SpdxFromLicensecheck, SeveralLicencesAllApply) {
  EXPECT_EQ(spdxFromLicensecheck("BSD-3-Clause and/or MIT"),
            "BSD-3-Clause AND MIT");
  EXPECT_EQ(spdxFromLicensecheck("GPL-2 and/or MIT"), "GPL-2.0-only AND MIT");
}

TEST(SpdxFromLicensecheck, NamesWithoutAnSpdxIdAreUnknown) {
  for (const char *Name :
       {"UNKNOWN", "", "mit_old", "ntp_disclaimer", "public-domain", "GPL",
        "Apache", "Festival", "SSLeay", "BSD~unspecified", "MIT and/or mit_old",
        "GPL-3 with GCC-exception-3.1 exception"})
    EXPECT_EQ(spdxFromLicensecheck(Name), std::nullopt) << Name;
}

// tinyxml2's LICENSE.txt: the zlib text, wrapped, without "zlib License".
const char *ZlibText =
    "This software is provided 'as-is', without any express or implied\n"
    "warranty. In no event will the authors be held liable for any\n"
    "damages arising from the use of this software.\n\n"
    "Permission is granted to anyone to use this software for any\n"
    "purpose, including commercial applications, and to alter it and\n"
    "redistribute it freely, subject to the following restrictions:\n\n"
    "1. The origin of this software must not be misrepresented; ...\n"
    "2. Altered source versions must be plainly marked as such, and\n"
    "must not be misrepresented as being the original software.\n";

TEST(IdentifyLicense, BuiltInMatcherKnowsZlibWithoutItsTitle) {
  EXPECT_EQ(identifyLicense(ZlibText), "Zlib");
  EXPECT_EQ(identifyLicense("All rights reserved. Do not copy."), std::nullopt);
}

TEST(IdentifyLicenseFile, WithoutLicensecheckTheBuiltInMatcherSaysSo) {
  std::filesystem::path Dir = test::freshTestDir("license");
  std::filesystem::path File = Dir / "LICENSE.txt";
  std::ofstream(File) << ZlibText;
  LicenseMatch M = identifyLicenseFile(File.string(), "/no/such/licensecheck");
  EXPECT_EQ(M.SpdxId, "Zlib");
  EXPECT_EQ(M.Matcher, "built-in (/no/such/licensecheck not found)");
  EXPECT_EQ(M.MatcherResult, "");
  M = identifyLicenseFile(File.string(), "");
  EXPECT_EQ(M.Matcher, "built-in");
  std::filesystem::remove_all(Dir);
}

} // namespace
} // namespace exitbar

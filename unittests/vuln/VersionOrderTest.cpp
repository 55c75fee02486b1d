// VersionOrderTest.cpp - unit tests of dpkg and SemVer version ordering
// SPDX-License-Identifier: Apache-2.0

#include "vuln/VersionOrder.h"
#include <gtest/gtest.h>

using namespace exitbar::vuln;

namespace {

int sign(int V) { return V < 0 ? -1 : V > 0 ? 1 : 0; }

TEST(VersionOrderTest, DpkgTildeSortsBeforeEverythingEvenTheEnd) {
  EXPECT_LT(compareDpkg("1.0~rc1", "1.0"), 0);
  EXPECT_LT(compareDpkg("1.0~~", "1.0~"), 0);
  EXPECT_LT(compareDpkg("1.0~", "1.0"), 0);
  EXPECT_LT(compareDpkg("1.0", "1.0a"), 0);
  EXPECT_LT(compareDpkg("1.0~rc1", "1.0~rc2"), 0);
}

TEST(VersionOrderTest, DpkgLettersSortBeforeOtherCharacters) {
  EXPECT_LT(compareDpkg("1.0a", "1.0+"), 0);
  EXPECT_LT(compareDpkg("1.0a", "1.0."), 0);
  EXPECT_LT(compareDpkg("1.0+", "1.0."), 0); // '+' (43) before '.' (46)
  EXPECT_LT(compareDpkg("1.0Z", "1.0a"), 0); // ASCII among letters
}

TEST(VersionOrderTest, DpkgNumbersCompareNumerically) {
  EXPECT_LT(compareDpkg("1.9", "1.10"), 0);
  EXPECT_EQ(compareDpkg("1.01", "1.1"), 0);
  EXPECT_EQ(compareDpkg("1.0", "1.00"), 0);
  EXPECT_GT(compareDpkg("1.2.13", "1.2.2"), 0);
}

TEST(VersionOrderTest, DpkgEpochAndRevision) {
  EXPECT_GT(compareDpkg("1:0", "2"), 0);
  EXPECT_EQ(compareDpkg("0:1.0", "1.0"), 0);
  EXPECT_LT(compareDpkg("1.0-1", "1.0-2"), 0);
  EXPECT_EQ(compareDpkg("1.0", "1.0-0"), 0); // empty revision is "0"
  EXPECT_LT(compareDpkg("1.0-1", "1.0-1+deb12u1"), 0);
  EXPECT_LT(compareDpkg("1.0-1~deb12u1", "1.0-1"), 0);
  // Hyphens in the upstream part: the revision starts after the last one.
  EXPECT_LT(compareDpkg("1.0-beta-1", "1.0-beta-2"), 0);
  EXPECT_GT(compareDpkg("1:1.2.13.dfsg-1", "1:1.2.11.dfsg-2+deb11u2"), 0);
}

TEST(VersionOrderTest, DpkgIsAntisymmetric) {
  const char *Versions[] = {"1.0",  "1.0~rc1", "1:0.9", "1.0-1", "1.0+b1",
                            "1.0a", "2",       "1.0.1", "0.9-10"};
  for (const char *A : Versions)
    for (const char *B : Versions)
      EXPECT_EQ(sign(compareDpkg(A, B)), -sign(compareDpkg(B, A)))
          << A << " vs " << B;
}

TEST(VersionOrderTest, SemverPrecedence) {
  // The chain of semver.org section 11.
  const char *Chain[] = {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
                         "1.0.0-beta",  "1.0.0-beta.2",  "1.0.0-beta.11",
                         "1.0.0-rc.1",  "1.0.0",         "1.0.1",
                         "1.1.0",       "2.0.0"};
  for (size_t I = 0; I + 1 < sizeof Chain / sizeof *Chain; ++I) {
    ASSERT_TRUE(compareSemver(Chain[I], Chain[I + 1]));
    EXPECT_LT(*compareSemver(Chain[I], Chain[I + 1]), 0)
        << Chain[I] << " < " << Chain[I + 1];
    EXPECT_GT(*compareSemver(Chain[I + 1], Chain[I]), 0);
  }
}

TEST(VersionOrderTest, SemverToleratesVAndIgnoresBuildMetadata) {
  EXPECT_EQ(compareSemver("v1.2.3", "1.2.3"), 0);
  EXPECT_EQ(compareSemver("1.2.3+build.5", "1.2.3+other"), 0);
  EXPECT_EQ(compareSemver("1.2", "1.2.0"), 0);
  EXPECT_LT(*compareSemver("1.2.3", "1.10.0"), 0);
  EXPECT_FALSE(compareSemver("1.2.x", "1.2.3"));
  EXPECT_FALSE(compareSemver("abc", "1.0.0"));
  EXPECT_FALSE(compareSemver("1.0.0-", "1.0.0"));
  EXPECT_FALSE(compareSemver("1.0.0-a..b", "1.0.0"));
}

TEST(VersionOrderTest, ExactOnlyKnowsEquality) {
  EXPECT_EQ(compareVersions(VersionScheme::Exact, "r123", "r123"), 0);
  EXPECT_FALSE(compareVersions(VersionScheme::Exact, "r123", "r124"));
}

} // namespace

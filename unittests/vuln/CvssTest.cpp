// CvssTest.cpp - unit tests of the CVSS v3.1 base score
// SPDX-License-Identifier: Apache-2.0

#include "vuln/Cvss.h"
#include <gtest/gtest.h>

using namespace exitbar::vuln;

namespace {

// Expected scores from FIRST's CVSS v3.1 calculator.
TEST(CvssTest, KnownVectors) {
  EXPECT_EQ(cvss3BaseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            9.8);
  EXPECT_EQ(cvss3BaseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"),
            6.1);
  EXPECT_EQ(cvss3BaseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"),
            10.0);
  EXPECT_EQ(cvss3BaseScore("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"),
            7.8);
  EXPECT_EQ(cvss3BaseScore("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N"),
            5.9);
  EXPECT_EQ(cvss3BaseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"),
            7.5);
  EXPECT_EQ(cvss3BaseScore("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N"),
            1.6);
  EXPECT_EQ(cvss3BaseScore("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N"),
            5.4);
  EXPECT_EQ(cvss3BaseScore("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N"),
            0.0);
  // Metric order does not matter.
  EXPECT_EQ(cvss3BaseScore("CVSS:3.1/S:U/C:H/I:H/A:H/AV:N/AC:L/PR:N/UI:N"),
            9.8);
}

TEST(CvssTest, IncompleteOrForeignVectorsHaveNoScore) {
  EXPECT_FALSE(cvss3BaseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H"));
  EXPECT_FALSE(cvss3BaseScore("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
  EXPECT_FALSE(
      cvss3BaseScore("CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
  EXPECT_FALSE(cvss3BaseScore("AV:N/AC:L/Au:N/C:P/I:P/A:P"));
  EXPECT_FALSE(cvss3BaseScore(
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"));
}

TEST(CvssTest, Ratings) {
  EXPECT_EQ(cvssRating(0), "none");
  EXPECT_EQ(cvssRating(0.1), "low");
  EXPECT_EQ(cvssRating(3.9), "low");
  EXPECT_EQ(cvssRating(4.0), "medium");
  EXPECT_EQ(cvssRating(6.9), "medium");
  EXPECT_EQ(cvssRating(7.0), "high");
  EXPECT_EQ(cvssRating(8.9), "high");
  EXPECT_EQ(cvssRating(9.0), "critical");
}

} // namespace

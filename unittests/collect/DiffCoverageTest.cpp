// DiffCoverageTest.cpp - unit tests of diff coverage: hunks in, changed code lines counted
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Coverage.h"
#include <gtest/gtest.h>

using namespace exitbar;

TEST(DiffCoverageTest, ParsesNewSideLinesOfEveryHunk) {
  auto Lines = parseUnifiedDiff("diff --git a/x.c b/x.c\n"
                                "--- a/x.c\n+++ b/x.c\n"
                                "@@ -1,0 +2,3 @@ int f()\n+a\n+b\n+c\n"
                                "@@ -10 +12 @@\n-x\n+y\n"
                                "@@ -20,2 +22,0 @@\n-gone\n-gone\n"
                                "diff --git a/old.c b/old.c\n"
                                "--- a/old.c\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n");
  ASSERT_EQ(Lines.size(), 1U);
  EXPECT_EQ(Lines.at("x.c"), (std::vector<int>{2, 3, 4, 12}));
}

TEST(DiffCoverageTest, CountsOnlyChangedLinesThatHoldCode) {
  CoverageEvidence E;
  E.Files["x.c"].Lines = {{2, 1}, {3, 0}, {12, 5}};
  E.Files["y.c"].Lines = {{1, 0}};
  DiffCoverage D = diffCoverage(E, {{"x.c", {2, 3, 4, 12}}, {"README.md", {1}}}, "main");
  EXPECT_EQ(D.Base, "main");
  EXPECT_EQ(D.LinesFound, 3);
  EXPECT_EQ(D.LinesHit, 2);
  EXPECT_EQ(D.Missed, (std::map<std::string, std::vector<int>>{{"x.c", {3}}}));
}

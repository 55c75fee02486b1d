// DiffCoverageTest.cpp - unit tests of diff coverage: hunks in, changed code
// lines counted
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Coverage.h"
#include "exitbar/Error.h"
#include <gtest/gtest.h>

using namespace exitbar;

TEST(DiffCoverageTest, ParsesNewSideLinesOfEveryHunk) {
  auto Lines =
      parseUnifiedDiff("diff --git a/x.c b/x.c\n"
                       "--- a/x.c\n+++ b/x.c\n"
                       "@@ -1,0 +2,3 @@ int f()\n+a\n+b\n+c\n"
                       "@@ -10 +12 @@\n-x\n+y\n"
                       "@@ -20,2 +22,0 @@\n-gone\n-gone\n"
                       "diff --git a/old.c b/old.c\n"
                       "--- a/old.c\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n",
                       {"x.c", "old.c"});
  ASSERT_EQ(Lines.size(), 1U);
  EXPECT_EQ(Lines.at("x.c"), (std::vector<int>{2, 3, 4, 12}));
}

TEST(DiffCoverageTest, CountsOnlyChangedLinesThatHoldCode) {
  CoverageEvidence E;
  E.Files["x.c"].Lines = {{2, 1}, {3, 0}, {12, 5}};
  E.Files["y.c"].Lines = {{1, 0}};
  DiffCoverage D =
      diffCoverage(E, {{"x.c", {2, 3, 4, 12}}, {"README.md", {1}}}, "main");
  EXPECT_EQ(D.Base, "main");
  EXPECT_EQ(D.LinesFound, 3);
  EXPECT_EQ(D.LinesHit, 2);
  EXPECT_EQ(D.Missed, (std::map<std::string, std::vector<int>>{{"x.c", {3}}}));
}

// Names come from `git diff -z --name-only`; the patch's quoted, tab-ended
// or otherwise odd `+++` lines are checked against them, never guessed.
TEST(DiffCoverageTest, NamesGitQuotesAreReadFromTheNulSeparatedList) {
  auto Lines = parseUnifiedDiff(
      "diff --git \"a/t\\tab.c\" \"b/t\\tab.c\"\n"
      "--- \"a/t\\tab.c\"\n+++ \"b/t\\tab.c\"\n@@ -0,0 +1,2 @@\n+a\n+b\n"
      "diff --git a/sp ace.c b/sp ace.c\n"
      "--- a/sp ace.c\t\n+++ b/sp ace.c\t\n@@ -1 +1 @@\n-x\n+y\n"
      "diff --git \"a/q\\\"\\303\\251.c\" \"b/q\\\"\\303\\251.c\"\n"
      "--- \"a/q\\\"\\303\\251.c\"\n+++ \"b/q\\\"\\303\\251.c\"\n"
      "@@ -0,0 +3 @@\n++++ not a header\n",
      {"t\tab.c", "sp ace.c", "q\"\xc3\xa9.c"});
  EXPECT_EQ(Lines.at("t\tab.c"), (std::vector<int>{1, 2}));
  EXPECT_EQ(Lines.at("sp ace.c"), (std::vector<int>{1}));
  EXPECT_EQ(Lines.at("q\"\xc3\xa9.c"), (std::vector<int>{3}));
}

TEST(DiffCoverageTest, WhatCannotBeReadWithCertaintyIsAnError) {
  const std::string One = "diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n"
                          "@@ -1 +1 @@\n-a\n+b\n";
  EXPECT_THROW(parseUnifiedDiff(One, {}), Error);
  EXPECT_THROW(parseUnifiedDiff(One, {"x.c", "y.c"}), Error);
  EXPECT_THROW(parseUnifiedDiff(One, {"y.c"}), Error);
  // mnemonicPrefix: "+++ w/x.c" is not b/x.c.
  EXPECT_THROW(parseUnifiedDiff("diff --git c/x.c w/x.c\n--- c/x.c\n"
                                "+++ w/x.c\n@@ -1 +1 @@\n",
                                {"x.c"}),
               Error);
  EXPECT_THROW(parseUnifiedDiff("diff --git a/x.c b/x.c\n--- a/x.c\n"
                                "+++ b/x.c\n@@ -1 +one @@\n",
                                {"x.c"}),
               Error);
  EXPECT_EQ(parseUnifiedDiff(One, {"x.c"}).at("x.c"), std::vector<int>{1});
}

// ReadTest.cpp - unit tests of the LCOV tracefile reader
// SPDX-License-Identifier: Apache-2.0

#include "formats/lcov/Read.h"
#include "exitbar/Collect.h"
#include "exitbar/Error.h"
#include <gtest/gtest.h>
#include <sstream>

using namespace exitbar;

TEST(LcovReadTest, ReadsWhatTheWriterWrites) {
  CoverageEvidence E;
  FileCoverage &F = E.Files["src/a.cpp"];
  F.Lines = {{1, 3}, {2, 0}, {4, 7}};
  F.Branches = {{{2, 0}, 1}, {{2, 1}, 0}};
  F.Functions["f(int, std::map<int, int>)"] = {1, 3};
  std::ostringstream Out;
  writeLcov(E, Out);
  CoverageEvidence Back = formats::readLcov(Out.str(), "t.info");
  ASSERT_EQ(Back.Files.size(), 1U);
  const FileCoverage &B = Back.Files.at("src/a.cpp");
  EXPECT_EQ(B.Lines, F.Lines);
  EXPECT_EQ(B.Branches, F.Branches);
  // Names with commas survive: the name is everything after the numbers.
  ASSERT_EQ(B.Functions.count("f(int, std::map<int, int>)"), 1U);
  EXPECT_EQ(B.Functions.at("f(int, std::map<int, int>)").Hits, 3);
  EXPECT_EQ(Back.Tool, "lcov");
}

TEST(LcovReadTest, RecordsOfOneFileAddUpAndCrLfIsAccepted) {
  CoverageEvidence E =
      formats::readLcov("SF:x.c\r\nDA:1,1\r\nBRDA:1,0,0,-\r\nend_of_record\r\n"
                        "SF:x.c\nDA:1,2\nDA:2,0\nBRDA:1,0,0,5\nend_of_record\n",
                        "t.info");
  const FileCoverage &F = E.Files.at("x.c");
  EXPECT_EQ(F.Lines.at(1), 3);
  EXPECT_EQ(F.Lines.at(2), 0);
  EXPECT_EQ(F.Branches.at({1, 0}), 5);
}

TEST(LcovReadTest, ProblemsNameTheLine) {
  try {
    formats::readLcov("TN:\nSF:x.c\nDA:1\nend_of_record\n", "t.info");
    FAIL() << "no error";
  } catch (const Error &X) {
    EXPECT_EQ(X.id(), "input.lcov");
    EXPECT_EQ(X.file(), "t.info");
    EXPECT_EQ(X.place(), "line 3");
  }
  EXPECT_THROW(formats::readLcov("DA:1,1\n", "t.info"), Error);
  EXPECT_THROW(formats::readLcov("SF:a\nSF:b\n", "t.info"), Error);
  EXPECT_THROW(formats::readLcov("SF:a\nXYZ:1\nend_of_record\n", "t.info"),
               Error);
}

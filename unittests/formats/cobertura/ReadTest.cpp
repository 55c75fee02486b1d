// ReadTest.cpp - unit tests of the Cobertura reader and writer
// SPDX-License-Identifier: Apache-2.0

#include "formats/cobertura/Read.h"
#include "exitbar/Collect.h"
#include "exitbar/Error.h"
#include <gtest/gtest.h>
#include <sstream>

using namespace exitbar;

TEST(CoberturaTest, RoundTripKeepsLinesAndBranchCounts) {
  CoverageEvidence E;
  FileCoverage &F = E.Files["src/a.cpp"];
  F.Lines = {{1, 3}, {2, 0}, {4, 7}};
  F.Branches = {{{4, 0}, 2}, {{4, 1}, 0}, {{4, 2}, 1}};
  F.Functions["f()"] = {1, 3};
  E.Files["b.c"].Lines = {{1, 0}};
  std::ostringstream Out;
  writeCobertura(E, {"/src", 0, "1"}, Out);
  CoverageEvidence Back = formats::readCobertura(Out.str(), "c.xml");
  ASSERT_EQ(Back.Files.size(), 2U);
  const FileCoverage &B = Back.Files.at("/src/src/a.cpp");
  EXPECT_EQ(B.Lines, F.Lines);
  EXPECT_EQ(totalsOf(B).BranchesFound, 3);
  EXPECT_EQ(totalsOf(B).BranchesHit, 2);
  EXPECT_EQ(B.Functions.at("f()").Hits, 3);
  EXPECT_EQ(Back.Files.at("/src/b.c").Lines.at(1), 0);
}

TEST(CoberturaTest, ReadsGcovrStyleReports) {
  const char *Xml = R"xml(<?xml version="1.0"?>
<coverage line-rate="0.5" branch-rate="0.5" version="gcovr 5.2" timestamp="1">
  <sources><source>/p</source></sources>
  <packages><package name="" line-rate="0.5" branch-rate="0.5" complexity="0">
    <classes><class name="m_c" filename="m.c" line-rate="0.5" branch-rate="0.5" complexity="0">
      <methods/>
      <lines>
        <line number="3" hits="4" branch="true" condition-coverage="50% (1/2)">
          <conditions><condition number="0" type="jump" coverage="50%"/></conditions>
        </line>
        <line number="4" hits="0" branch="false"/>
      </lines>
    </class></classes>
  </package></packages>
</coverage>)xml";
  CoverageEvidence E = formats::readCobertura(Xml, "g.xml");
  const FileCoverage &F = E.Files.at("/p/m.c");
  EXPECT_EQ(F.Lines.at(3), 4);
  EXPECT_EQ(F.Lines.at(4), 0);
  EXPECT_EQ(F.Branches.size(), 2U);
}

TEST(CoberturaTest, ProblemsNameTheXmlLine) {
  try {
    formats::readCobertura(
        "<coverage>\n<packages><package><classes>\n"
        "<class filename=\"a.c\"><lines>\n"
        "<line number=\"1\" hits=\"1\" branch=\"true\" "
        "condition-coverage=\"most\"/>\n"
        "</lines></class></classes></package></packages></coverage>",
        "c.xml");
    FAIL() << "no error";
  } catch (const Error &X) {
    EXPECT_EQ(X.id(), "input.cobertura");
    EXPECT_EQ(X.place(), "line 4");
  }
  EXPECT_THROW(formats::readCobertura("<coverage>", "c.xml"), Error);
  EXPECT_THROW(formats::readCobertura("<coverage/>", "c.xml"), Error);
}

// Found by fuzz/cobertura_fuzzer: hit counts that add up past LLONG_MAX were
// signed overflow; a huge condition total made one entry per "branch".
TEST(CoberturaTest, HugeCountsSaturateAndHugeTotalsAreErrors) {
  auto Read = [](const std::string &Lines) {
    return formats::readCobertura(
        "<coverage><packages><package><classes><class "
        "filename=\"a.c\"><lines>" +
            Lines +
            "</lines></class></classes></package></packages></coverage>",
        "c.xml");
  };
  CoverageEvidence E = Read("<line number=\"1\" hits=\"9223372036854775807\"/>"
                            "<line number=\"1\" hits=\"8\"/>");
  EXPECT_EQ(E.Files.at("a.c").Lines.at(1), 9223372036854775807LL);
  EXPECT_THROW(Read("<line number=\"1\" hits=\"1\" branch=\"true\" "
                    "condition-coverage=\"50% (1/1000000000000000000)\"/>"),
               Error);
  EXPECT_THROW(Read("<line number=\"4294967297\" hits=\"1\"/>"), Error);
}

// The same for <method>s: two methods of one name added their first lines'
// hits unchecked (signed overflow: a function run 2^63 times twice read as
// never run), and a method's line number was narrowed to int unchecked.
TEST(CoberturaTest, HugeMethodCountsSaturateAndHugeLinesAreErrors) {
  auto Read = [](const std::string &Methods) {
    return formats::readCobertura(
        "<coverage><packages><package><classes><class filename=\"a.c\">"
        "<methods>" +
            Methods +
            "</methods></class></classes></package></packages></coverage>",
        "c.xml");
  };
  auto Method = [](const std::string &Number, const std::string &Hits) {
    return "<method name=\"f\"><lines><line number=\"" + Number + "\" hits=\"" +
           Hits + "\"/></lines></method>";
  };
  CoverageEvidence E = Read(Method("3", "9223372036854775807") +
                            Method("3", "9223372036854775807"));
  EXPECT_EQ(E.Files.at("a.c").Functions.at("f").Hits, 9223372036854775807LL);
  EXPECT_EQ(totalsOf(E.Files.at("a.c")).FunctionsHit, 1);
  EXPECT_THROW(Read(Method("4294967297", "1")), Error);
  // Numbers past int64 are errors, not whatever sscanf made of them.
  EXPECT_THROW(Read(Method("3", "99999999999999999999")), Error);
  auto Line = [](const std::string &Condition) {
    return formats::readCobertura(
        "<coverage><packages><package><classes><class filename=\"a.c\"><lines>"
        "<line number=\"1\" hits=\"1\" branch=\"true\" condition-coverage=\"" +
            Condition +
            "\"/></lines></class></classes></package></packages></coverage>",
        "c.xml");
  };
  EXPECT_THROW(Line("50% (99999999999999999999/99999999999999999999)"), Error);
  EXPECT_THROW(Line("50% (-1/2)"), Error);
  EXPECT_EQ(totalsOf(Line("50% (1/2)").Files.at("a.c")).BranchesHit, 1);
}

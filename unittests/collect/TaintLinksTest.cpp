// TaintLinksTest.cpp - unit tests of linking taint summaries across translation
// units
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Findings.h"
#include <gtest/gtest.h>

using namespace exitbar;

namespace {

const char *Command = "exitbar-command-injection";
const char *PathCheck = "exitbar-path-traversal";

TaintSummary source(const std::string &Check, const std::string &Callee,
                    int Arg, bool Remote = true) {
  TaintSummary S;
  S.K = TaintSummary::Kind::Source;
  S.Check = Check;
  S.Callee = Callee;
  S.Argument = Arg;
  S.Remote = Remote;
  S.Steps = {{"a.c", 3, 5, "'buf' comes from 'recv'"},
             {"a.c", 4, 3, "it is passed to 'f' as 'x'"}};
  return S;
}

TaintSummary pass(const std::string &Check, const std::string &From, int Param,
                  const std::string &To, int Arg) {
  TaintSummary S;
  S.K = TaintSummary::Kind::Pass;
  S.Check = Check;
  S.Function = From;
  S.Parameter = Param;
  S.Callee = To;
  S.Argument = Arg;
  S.Steps = {{"b.c", 2, 1, "it is passed on from " + From}};
  return S;
}

TaintSummary sink(const std::string &Check, const std::string &Function,
                  int Param, int Line) {
  TaintSummary S;
  S.K = TaintSummary::Kind::Sink;
  S.Check = Check;
  S.Function = Function;
  S.Parameter = Param;
  S.File = "c.c";
  S.Line = Line;
  S.Column = 3;
  S.Message = "'system' runs a shell command built from untrusted input";
  S.LineText = "  system(x);";
  S.Steps = {{"c.c", Line - 1, 10, "'g' receives it as 'x'"}};
  return S;
}

TEST(TaintLinksTest, FollowsPassesAcrossUnitsToTheSinkWithTheWholePath) {
  FindingsEvidence E;
  E.TaintSummaries = {source(Command, "c:@F@f", 0),
                      pass(Command, "c:@F@f", 0, "c:@F@g", 1),
                      sink(Command, "c:@F@g", 1, 9)};
  linkTaintSummaries(E);
  ASSERT_EQ(E.Findings.size(), 1u);
  const Finding &F = E.Findings[0];
  EXPECT_EQ(F.Check, Command);
  EXPECT_EQ(F.File, "c.c");
  EXPECT_EQ(F.Line, 9);
  ASSERT_EQ(F.Path.size(), 4u);
  EXPECT_EQ(F.Path[0].Message, "'buf' comes from 'recv'");
  EXPECT_EQ(F.Path[2].Message, "it is passed on from c:@F@f");
  EXPECT_EQ(F.Path[3].Message, "'g' receives it as 'x'");
  EXPECT_TRUE(E.TaintSummaries.empty());
}

TEST(TaintLinksTest, ASourceReturnedInOneUnitReachesASinkInAnother) {
  // Parameter and argument -1 stand for the return value.
  FindingsEvidence E;
  E.TaintSummaries = {source(Command, "c:@F@read", -1),
                      sink(Command, "c:@F@read", -1, 30),
                      sink(Command, "c:@F@other", -1, 31)};
  linkTaintSummaries(E);
  ASSERT_EQ(E.Findings.size(), 1u);
  EXPECT_EQ(E.Findings[0].Line, 30);
  nlohmann::json J = E.Findings;
  EXPECT_EQ(J.size(), 1u);
  FindingsEvidence Fragment;
  Fragment.TaintSummaries = {source(Command, "c:@F@read", -1)};
  nlohmann::json F = Fragment;
  EXPECT_EQ(findingsFromJson(F, "f.json").TaintSummaries[0].Argument, -1);
  F["taint_summaries"][0]["argument"] = 0.5;
  EXPECT_THROW(findingsFromJson(F, "f.json"), Error);
}

TEST(TaintLinksTest, ArgumentsParametersAndChecksMustAllMatch) {
  FindingsEvidence E;
  E.TaintSummaries = {source(Command, "c:@F@f", 0),
                      sink(Command, "c:@F@f", 1, 9),    // another parameter
                      sink(PathCheck, "c:@F@f", 0, 12), // another check
                      sink(Command, "c:@F@h", 0, 15)};  // another function
  linkTaintSummaries(E);
  EXPECT_TRUE(E.Findings.empty());
}

TEST(TaintLinksTest, RecursionBetweenUnitsEnds) {
  FindingsEvidence E;
  E.TaintSummaries = {
      source(Command, "c:@F@f", 0), pass(Command, "c:@F@f", 0, "c:@F@g", 0),
      pass(Command, "c:@F@g", 0, "c:@F@f", 0), sink(Command, "c:@F@g", 0, 20)};
  linkTaintSummaries(E);
  EXPECT_EQ(E.Findings.size(), 1u);
}

TEST(TaintLinksTest, PathTraversalOfAWholeLocalPathNeedsAppendedText) {
  TaintSummary Sink = sink(PathCheck, "c:@F@open", 0, 7);
  Sink.NeedsRemoteOrAppended = true;
  FindingsEvidence Local;
  Local.TaintSummaries = {source(PathCheck, "c:@F@open", 0, /*Remote=*/false),
                          Sink};
  linkTaintSummaries(Local);
  EXPECT_TRUE(Local.Findings.empty());

  FindingsEvidence Appended;
  TaintSummary Source = source(PathCheck, "c:@F@open", 0, /*Remote=*/false);
  Source.Appended = true;
  Appended.TaintSummaries = {Source, Sink};
  linkTaintSummaries(Appended);
  EXPECT_EQ(Appended.Findings.size(), 1u);

  FindingsEvidence Remote;
  Remote.TaintSummaries = {source(PathCheck, "c:@F@open", 0), Sink};
  linkTaintSummaries(Remote);
  EXPECT_EQ(Remote.Findings.size(), 1u);
}

TEST(TaintLinksTest, ALinkedFindingHasTheFingerprintTheUnitWouldHaveGiven) {
  // The same flow seen inside one unit (a warning in clang-tidy's output)
  // and linked across units is one finding, not two.
  FindingsEvidence Linked;
  Linked.TaintSummaries = {source(Command, "c:@F@g", 0),
                           sink(Command, "c:@F@g", 0, 9)};
  linkTaintSummaries(Linked);
  ASSERT_EQ(Linked.Findings.size(), 1u);
  FindingsEvidence Seen = findingsFromTidyOutput(
      "c.c:9:3: warning: 'system' runs a shell command built from untrusted "
      "input [exitbar-command-injection]\n",
      {"", [](const std::string &, int) { return "  system(x);"; }});
  ASSERT_EQ(Seen.Findings.size(), 1u);
  EXPECT_EQ(Linked.Findings[0].Fingerprint, Seen.Findings[0].Fingerprint);
}

TEST(TaintLinksTest, SummariesSurviveAFragmentsJsonAndSortCanonically) {
  FindingsEvidence E;
  E.TranslationUnits = 1;
  E.TaintSummaries = {
      sink(Command, "c:@F@g", 0, 9), source(Command, "c:@F@g", 0),
      pass(Command, "c:@F@f", 0, "c:@F@g", 1), source(Command, "c:@F@g", 0)};
  E.normalize();
  EXPECT_EQ(E.TaintSummaries.size(), 3u); // the duplicate source is gone
  nlohmann::json J = E;
  FindingsEvidence Back = findingsFromJson(J, "fragment.json");
  EXPECT_EQ(Back.TaintSummaries, E.TaintSummaries);
}

TEST(TaintLinksTest, AMalformedPluginLineIsAnErrorNamingItsLine) {
  std::string Good =
      R"({"kind":"source","check":"exitbar-command-injection","callee":"c:@F@f",)"
      R"("argument":0,"remote":true,"appended":false,"combined":false,)"
      R"("steps":[{"file":"/src/a.c","line":3,"column":1,"message":"m"}]})";
  FindingsEvidence Read;
  readPluginSummaries(Good + "\n", "t.jsonl", {"/src", {}}, Read);
  ASSERT_EQ(Read.TaintSummaries.size(), 1u);
  // Named as findings name files.
  EXPECT_EQ(Read.TaintSummaries[0].Steps[0].File, "a.c");
  try {
    readPluginSummaries(Good + "\n{\"kind\":\"sideways\"}\n", "t.jsonl",
                        {"/src", {}}, Read);
    FAIL() << "no error";
  } catch (const Error &X) {
    EXPECT_NE(X.file().find("t.jsonl:2"), std::string::npos) << X.what();
  }
}

} // namespace

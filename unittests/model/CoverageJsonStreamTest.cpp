// CoverageJsonStreamTest.cpp - unit tests of coverageFromText: the same
// coverage and the same errors as the document reader, for well-formed,
// odd and hostile input
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include <functional>
#include <gtest/gtest.h>

using namespace exitbar;
using nlohmann::json;

namespace {

/// The outcome of a reader: its evidence as canonical JSON, or its error.
std::string outcome(const std::function<CoverageEvidence()> &Read) {
  try {
    return dumpCanonical(json(Read()));
  } catch (const Error &E) {
    return std::string("error ") + E.id() + ": " + E.what();
  }
}

std::string byDocument(const std::string &Text) {
  return outcome([&] {
    return coverageFromJson(parseJsonText(Text, "c.json"), "c.json");
  });
}

std::string byStream(const std::string &Text) {
  return outcome([&] { return coverageFromText(Text, "c.json"); });
}

const char *Head = R"("schema": "exitbar.coverage", "schema_version": 1)";

std::string document(const std::string &Files, const std::string &More = "") {
  return std::string("{") + Head + ", \"files\": " + Files + More + "}";
}

TEST(CoverageJsonStreamTest, ReadsWhatTheWriterWrites) {
  CoverageEvidence E;
  E.Tool = "gcov";
  FileCoverage &A = E.Files["src/a.cpp"];
  A.Lines = {{1, 3}, {2, 0}, {7, 9223372036854775807LL}};
  A.Branches = {{{2, 0}, 1}, {{2, 1}, 0}};
  A.Functions = {{"f()", {1, 3}}, {"g(int)", {7, 0}}};
  E.Files["b.c"].Lines = {{4, 1}};
  DiffCoverage D;
  D.Base = "origin/main";
  D.LinesFound = 3;
  D.LinesHit = 2;
  D.Missed["b.c"] = {5};
  E.Diff = D;
  json J = E;
  J["run"] = "pipeline-7";
  std::string Text = dumpCanonical(J);
  json Top;
  CoverageEvidence Read = coverageFromText(Text, "c.json", &Top);
  EXPECT_EQ(dumpCanonical(json(Read)), dumpCanonical(json(E)));
  EXPECT_EQ(byStream(Text), byDocument(Text));
  // The members other than the files come back for the run checks.
  EXPECT_EQ(Top.value("run", ""), "pipeline-7");
  EXPECT_FALSE(Top.contains("files"));
  EXPECT_EQ(Top.value("schema", ""), "exitbar.coverage");
}

TEST(CoverageJsonStreamTest, AgreesWithTheDocumentReaderOnOddInput) {
  const std::string F =
      R"({"path": "a.c", "lines": [[1, 2]], "branches": [[1, 0, 1]], "functions": [{"name": "f", "line": 1, "hits": 2}]})";
  for (
      const std::string &Text : {
          // Well-formed variants: key order, members the reader ignores,
          // a path listed twice, a function listed twice.
          document("[" + F + "]"),
          std::string("{\"files\": [") + F + "], " + Head + "}",
          document(
              R"([{"functions": [], "branches": [], "lines": [[3, 1], [3, 4]], "path": "x.c", "lines_found": 1, "extra": {"a": [1, {"b": null}]}}])"),
          document("[" + F + ", " + F + "]"),
          document(
              R"([{"path": "a.c", "lines": [], "branches": [], "functions": [{"name": "f", "line": 1, "hits": 2}, {"name": "f", "line": 3, "hits": 5}]}])"),
          document("[]", R"(, "tool": null, "totals": {"lines": [1, 2]})"),
          document(
              "[]",
              R"(, "diff": {"base": "HEAD~1", "lines_found": 2, "lines_hit": 1, "missed": {"a.c": [4]}})"),
          // A line pair with a third element: the document reader reads
          // the first two.
          document(
              R"([{"path": "a.c", "lines": [[1, 2, 3]], "branches": [], "functions": []}])"),
          // Errors: types, ranges, missing members, schema, syntax.
          document(
              R"([{"path": 1, "lines": [], "branches": [], "functions": []}])"),
          document(
              R"([{"path": "a.c", "lines": [[1]], "branches": [], "functions": []}])"),
          document(
              R"([{"path": "a.c", "lines": [["1", 2]], "branches": [], "functions": []}])"),
          document(
              R"([{"path": "a.c", "lines": [[1.5, 2]], "branches": [], "functions": []}])"),
          document(
              R"([{"path": "a.c", "lines": [[5000000000, 2]], "branches": [], "functions": []}])"),
          document(
              R"([{"path": "a.c", "lines": [[1, 18446744073709551615]], "branches": [], "functions": []}])"),
          document(R"([{"path": "a.c", "lines": [], "functions": []}])"),
          document(
              R"([{"path": "a.c", "lines": [], "branches": [[1, 2]], "functions": []}])"),
          document(
              R"([{"path": "a.c", "lines": [], "branches": [], "functions": [{"name": "f", "line": 1}]}])"),
          document(
              R"([{"path": "a.c", "lines": [], "branches": [], "functions": [{"name": 3, "line": 1, "hits": 0}]}])"),
          document(
              R"([{"path": "a.c", "path": "b.c", "lines": [], "branches": [], "functions": []}])"),
          document(R"([[1, 2]])"),
          document(R"({})"),
          document("[]", R"(, "tool": 5)"),
          document("[]", R"(, "diff": {"base": "HEAD"})"),
          std::string(
              R"({"schema": "exitbar.tests", "schema_version": 1, "files": []})"),
          std::string(
              R"({"schema": "exitbar.coverage", "schema_version": 2, "files": []})"),
          std::string(R"({"schema": "exitbar.coverage", "schema_version": 1})"),
          std::string(
              R"({"schema": "exitbar.coverage", "schema_version": 1, "files": [], "files": []})"),
          std::string(R"([])"),
          std::string(R"("coverage")"),
          std::string(
              R"({"schema": "exitbar.coverage", "schema_version": 1, "files": [)"),
          std::string(
              R"({"schema": "exitbar.coverage", "schema_version": 1, "files": []} trailing)"),
          std::string(""),
      }) {
    EXPECT_EQ(byStream(Text), byDocument(Text)) << Text;
  }
}

TEST(CoverageJsonStreamTest, DeepNestingOutsideTheFilesIsTheSameError) {
  std::string Deep(100000, '[');
  std::string Text = document("[]", ", \"x\": " + Deep);
  std::string Result = byStream(Text);
  EXPECT_EQ(Result, byDocument(Text));
  EXPECT_EQ(Result.rfind("error ", 0), 0U);
}

} // namespace

// ReadTest.cpp - unit tests of the gcov JSON reader's handling of malformed
// input
// SPDX-License-Identifier: Apache-2.0

#include "formats/gcov-json/Read.h"
#include "exitbar/Error.h"
#include <gtest/gtest.h>

using namespace exitbar;

namespace {

std::string document(const std::string &Function, const std::string &Branch) {
  return R"({"current_working_directory": "/p", "files": [{"file": "x.c", "functions": [)" +
         Function +
         R"(], "lines": [{"line_number": 2, "count": 1, "branches": [)" +
         Branch + "]}]}]}\n";
}

} // namespace

TEST(GcovJsonTest, ReadsLinesBranchesAndFunctions) {
  CoverageEvidence E = formats::readGcovJson(
      document(R"({"name": "main", "start_line": 1, "execution_count": 3})",
               R"({"count": 1, "throw": false}, {"count": 0})"),
      "x.gcda");
  const FileCoverage &F = E.Files.at("/p/x.c");
  EXPECT_EQ(F.Lines.at(2), 1);
  EXPECT_EQ(F.Branches.size(), 2U);
  EXPECT_EQ(F.Functions.at("main").Hits, 3);
}

// Found by fuzz/gcov_json_fuzzer: members of another type escaped as json's
// type_error instead of Error, and so did numbers beyond a double (1e999).
TEST(GcovJsonTest, WrongTypesAndHugeNumbersAreErrors) {
  EXPECT_THROW(formats::readGcovJson(document(R"({"name": 4})", ""), "x.gcda"),
               Error);
  EXPECT_THROW(
      formats::readGcovJson(document("", R"({"throw": "no"})"), "x.gcda"),
      Error);
  EXPECT_THROW(
      formats::readGcovJson(document("", R"({"count": 1e300})"), "x.gcda"),
      Error);
  EXPECT_THROW(
      formats::readGcovJson(
          document(R"({"name": "f", "start_line": 1e300})", ""), "x.gcda"),
      Error);
  EXPECT_THROW(formats::readGcovJson("{\"files\": [1e999]}\n", "x.gcda"),
               Error);
}

TEST(GcovJsonTest, HugeCountsSaturate) {
  std::string Doc =
      document(R"({"name": "f", "execution_count": 9223372036854775807})",
               R"({"count": 9223372036854775807})");
  CoverageEvidence E = formats::readGcovJson(Doc + Doc, "x.gcda");
  const FileCoverage &F = E.Files.at("/p/x.c");
  EXPECT_EQ(F.Branches.at({2, 0}), 9223372036854775807LL);
  EXPECT_EQ(F.Functions.at("f").Hits, 9223372036854775807LL);
}

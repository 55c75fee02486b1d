// ReadTest.cpp - unit tests of the clang-tidy log reader
// SPDX-License-Identifier: Apache-2.0

#include "formats/clang-tidy-log/Read.h"
#include <gtest/gtest.h>
#include <sstream>

using namespace exitbar::formats;

namespace {

std::vector<TidyDiagnostic> read(const std::string &Text) {
  std::istringstream In(Text);
  return readClangTidyLog(In);
}

TEST(ClangTidyLogReadTest, ReadsWarningsAndSkipsSnippetsAndNotes) {
  auto Diags = read(
      "/src/a.cpp:6:3: warning: 'strcpy' does not check; use 'snprintf' "
      "instead [exitbar-unsafe-function]\n"
      "  strcpy(d, s);\n"
      "  ^\n"
      "/src/a.cpp:2:1: note: declared here\n"
      "3 warnings generated.\n"
      "Suppressed 2 warnings (2 NOLINT).\n");
  ASSERT_EQ(Diags.size(), 1U);
  EXPECT_EQ(Diags[0].File, "/src/a.cpp");
  EXPECT_EQ(Diags[0].Line, 6);
  EXPECT_EQ(Diags[0].Column, 3);
  EXPECT_EQ(Diags[0].Level, "warning");
  EXPECT_EQ(Diags[0].Check, "exitbar-unsafe-function");
  EXPECT_EQ(Diags[0].Message,
            "'strcpy' does not check; use 'snprintf' instead");
}

TEST(ClangTidyLogReadTest, TakesTheFirstOfSeveralCheckNames) {
  auto Diags = read("x.c:1:2: error: bad [exitbar-a,-warnings-as-errors]\n");
  ASSERT_EQ(Diags.size(), 1U);
  EXPECT_EQ(Diags[0].Check, "exitbar-a");
  EXPECT_EQ(Diags[0].Level, "error");
}

TEST(ClangTidyLogReadTest, KeepsColonsInPathsAndStripsColours) {
  auto Diags = read("\x1b[1mC:\\src\\a b.cpp:10:4: \x1b[0;1;35mwarning: "
                    "msg [exitbar-x]\x1b[0m\n");
  ASSERT_EQ(Diags.size(), 1U);
  EXPECT_EQ(Diags[0].File, "C:\\src\\a b.cpp");
  EXPECT_EQ(Diags[0].Line, 10);
}

TEST(ClangTidyLogReadTest, SkipsLinesWhosePositionDoesNotFit) {
  EXPECT_TRUE(read("a.c:99999999999999999999:1: warning: m [exitbar-x]\n")
                  .empty());
  EXPECT_TRUE(read("a.c:1: warning: no column [exitbar-x]\n").empty());
  EXPECT_TRUE(read("").empty());
}

} // namespace

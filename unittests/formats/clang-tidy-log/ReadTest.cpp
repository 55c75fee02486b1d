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

TEST(ClangTidyLogReadTest, ReadsWarningsAndSkipsSnippets) {
  auto Diags =
      read("/src/a.cpp:6:3: warning: 'strcpy' does not check; use 'snprintf' "
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
  ASSERT_EQ(Diags[0].Notes.size(), 1U);
  EXPECT_EQ(Diags[0].Notes[0].File, "/src/a.cpp");
  EXPECT_EQ(Diags[0].Notes[0].Line, 2);
  EXPECT_EQ(Diags[0].Notes[0].Column, 1);
  EXPECT_EQ(Diags[0].Notes[0].Message, "declared here");
}

// The notes after a diagnostic are its path, in order and across files;
// macro-expansion notes say where a location came from and are left out,
// and the notes of a warning line that is not read belong to nothing.
TEST(ClangTidyLogReadTest, KeepsEachDiagnosticsNotesInOrder) {
  auto Diags =
      read("C:\\src\\b.cpp:9:47: warning: 'system' runs input "
           "[exitbar-command-injection]\n"
           "C:\\src\\b.cpp:13:3: note: 'c' comes from 'read'\n"
           "  read(fd, buf, sizeof buf);\n"
           "  ^\n"
           "/src/h.h:2:1: note: expanded from macro 'RUN'\n"
           "/src/h.h:7:46: note: 'build' returns it\n"
           "/src/x.c:1:1: warning: a compiler warning with no check\n"
           "/src/x.c:1:5: note: not the command injection's\n"
           "/src/y.c:3:3: warning: 'gets' [exitbar-unsafe-function]\n");
  ASSERT_EQ(Diags.size(), 2U);
  ASSERT_EQ(Diags[0].Notes.size(), 2U);
  EXPECT_EQ(Diags[0].Notes[0].File, "C:\\src\\b.cpp");
  EXPECT_EQ(Diags[0].Notes[0].Line, 13);
  EXPECT_EQ(Diags[0].Notes[0].Message, "'c' comes from 'read'");
  EXPECT_EQ(Diags[0].Notes[1].File, "/src/h.h");
  EXPECT_EQ(Diags[0].Notes[1].Column, 46);
  EXPECT_TRUE(Diags[1].Notes.empty());
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
  EXPECT_TRUE(
      read("a.c:99999999999999999999:1: warning: m [exitbar-x]\n").empty());
  EXPECT_TRUE(read("a.c:1: warning: no column [exitbar-x]\n").empty());
  EXPECT_TRUE(read("").empty());
}

TEST(ClangTidyLogReadTest, ReadsTheLastPositionAndBracketOfALine) {
  // The file is the longest prefix, the message runs to the last bracket.
  auto Diags = read("a:1:2: warning: x:3:4: error: m [not a check] more "
                    "[exitbar-x,alias]\r\n");
  ASSERT_EQ(Diags.size(), 1U);
  EXPECT_EQ(Diags[0].File, "a:1:2: warning: x");
  EXPECT_EQ(Diags[0].Line, 3);
  EXPECT_EQ(Diags[0].Column, 4);
  EXPECT_EQ(Diags[0].Level, "error");
  EXPECT_EQ(Diags[0].Message, "m [not a check] more");
  EXPECT_EQ(Diags[0].Check, "exitbar-x");
  EXPECT_EQ(read("a.c:1:2: warning:  [exitbar-x]\n")[0].Message, "");
  EXPECT_TRUE(read("a.c:1:2: warning: m [exitbar-x,]\n").empty());
  EXPECT_TRUE(read("a.c:1:2: warning: m [,exitbar-x]\n").empty());
  EXPECT_TRUE(read("a.c:1:2: warning: m[exitbar-x]\n").empty());
  EXPECT_TRUE(read(":1:2: warning: m [exitbar-x]\n").empty());
  EXPECT_TRUE(read("a.c:1:2: warning: m\r [exitbar-x]\n").empty());
}

/// A diagnostic line of \p Size bytes: a long message, as a deeply nested
/// template type or generated code gives.
std::string longLine(size_t Size) {
  std::string Line = "/src/gen.cpp:7:9: warning: ";
  Line += std::string(Size, 'x');
  Line += " [exitbar-unsafe-function]\n";
  return Line;
}

TEST(ClangTidyLogReadTest, ReadsLinesOfThirtyKilobytesAndOneMegabyte) {
  // std::regex recursed once per character and crashed on the first.
  for (size_t Size : {size_t(30) << 10, size_t(1) << 20}) {
    auto Diags = read(longLine(Size) + "/src/b.cpp:1:1: error: e [x]\n");
    ASSERT_EQ(Diags.size(), 2U) << Size;
    EXPECT_EQ(Diags[0].Message.size(), Size);
    EXPECT_EQ(Diags[0].Line, 7);
    EXPECT_EQ(Diags[1].File, "/src/b.cpp");
  }
  // And long lines that are not diagnostics: colons and brackets galore.
  std::string Noise;
  for (int I = 0; I < 50000; ++I)
    Noise += "a:1: warning: [";
  EXPECT_TRUE(read(Noise + "]\n").empty());
  EXPECT_TRUE(read(Noise + "x [exitbar-x]\n").empty());
}

} // namespace

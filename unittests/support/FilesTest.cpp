// FilesTest.cpp - unit tests of reading inputs and writing outputs atomically
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Files.h"
#include "TestDir.h"
#include "exitbar/Error.h"
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace exitbar;
namespace fs = std::filesystem;

namespace {

class FilesTest : public ::testing::Test {
protected:
  void SetUp() override { Dir = test::freshTestDir("files"); }
  void TearDown() override { fs::remove_all(Dir); }
  fs::path Dir;
};

TEST_F(FilesTest, WriteCreatesFoldersAndReplacesWithoutLeavingTemporaries) {
  std::string Path = (Dir / "a" / "b" / "out.json").string();
  writeFileAtomically(Path, "first");
  writeFileAtomically(Path, "second");
  EXPECT_EQ(readFile(Path), "second");
  int Entries = 0;
  for ([[maybe_unused]] const auto &E : fs::directory_iterator(Dir / "a" / "b"))
    ++Entries;
  EXPECT_EQ(Entries, 1);
}

TEST_F(FilesTest, ReadingAMissingFileIsAnErrorNamingIt) {
  std::string Path = (Dir / "missing.json").string();
  try {
    readFile(Path);
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.file.unreadable");
    EXPECT_EQ(E.file(), Path);
  }
}

TEST_F(FilesTest, WritingToAFullDiskIsAnErrorAndLeavesNothing) {
  if (!fs::exists("/dev/full"))
    GTEST_SKIP() << "no /dev/full";
  // A folder cannot be created below /dev/full, which is a file.
  EXPECT_THROW(writeFileAtomically("/dev/full/x/out.json", "data"), Error);
}

} // namespace

namespace {

// Report snippets and coverage pages read the files evidence names; only
// files of the source tree may be read.
TEST_F(FilesTest, FileInsideTreeRefusesEscapesAbsolutePathsAndSymlinksOut) {
  fs::create_directories(Dir / "src" / "sub");
  fs::create_directories(Dir / "outside");
  std::ofstream(Dir / "src" / "sub" / "a.cpp") << "int a;\n";
  std::ofstream(Dir / "outside" / "secret") << "secret\n";
  fs::create_symlink(Dir / "outside" / "secret", Dir / "src" / "leak.cpp");
  fs::create_directory_symlink(Dir / "outside", Dir / "src" / "linkdir");
  fs::create_symlink(Dir / "src" / "sub" / "a.cpp", Dir / "src" / "alias.cpp");
  std::string Root = (Dir / "src").string();
  fs::path Real = fs::canonical(Dir / "src" / "sub" / "a.cpp");

  EXPECT_EQ(fileInsideTree(Root, "sub/a.cpp"), Real.string());
  EXPECT_EQ(fileInsideTree(Root, Real.string()), Real.string());
  EXPECT_EQ(fileInsideTree(Root, "alias.cpp"), Real.string());
  EXPECT_EQ(fileInsideTree(Root, "sub/../sub/a.cpp"), Real.string());
  EXPECT_EQ(fileInsideTree(Root, "/etc/passwd"), std::nullopt);
  EXPECT_EQ(fileInsideTree(Root, "../outside/secret"), std::nullopt);
  EXPECT_EQ(fileInsideTree(Root, "sub/../../outside/secret"), std::nullopt);
  EXPECT_EQ(fileInsideTree(Root, "leak.cpp"), std::nullopt);
  EXPECT_EQ(fileInsideTree(Root, "linkdir/secret"), std::nullopt);
  EXPECT_EQ(fileInsideTree(Root, "sub"), std::nullopt);
  EXPECT_EQ(fileInsideTree(Root, "missing.cpp"), std::nullopt);
  EXPECT_EQ(fileInsideTree("", "/etc/passwd"), std::nullopt);
  // A root that is itself a prefix of a sibling's name: /x/src vs /x/src2.
  fs::create_directories(Dir / "src2");
  std::ofstream(Dir / "src2" / "b.cpp") << "int b;\n";
  EXPECT_EQ(fileInsideTree(Root, "../src2/b.cpp"), std::nullopt);
}

} // namespace

namespace {

// The temporary file was <file>.tmp.<pid>, opened without O_EXCL or
// O_NOFOLLOW: a symlink planted there had the output written through it
// (into any file the writer may write) and then renamed into place.
TEST_F(FilesTest, ASymlinkPlantedAtTheOldTemporaryNameIsNotFollowed) {
  fs::create_directories(Dir);
  fs::path Victim = Dir / "victim";
  std::ofstream(Victim) << "precious";
  fs::path Target = Dir / "verdict.json";
  fs::path Planted = Target;
  Planted += ".tmp." + std::to_string(::getpid());
  fs::create_symlink(Victim, Planted);
  writeFileAtomically(Target.string(), "new content");
  EXPECT_EQ(readFile(Victim.string()), "precious");
  EXPECT_EQ(readFile(Target.string()), "new content");
  EXPECT_FALSE(fs::is_symlink(Target));
  EXPECT_TRUE(fs::is_symlink(Planted)); // left alone, not reused
}

TEST_F(FilesTest, WritesKeepTheUmaskModeAndDevicesStayDevices) {
  fs::create_directories(Dir);
  mode_t Old = ::umask(027);
  writeFileAtomically((Dir / "a").string(), "x");
  ::umask(Old);
  EXPECT_EQ(fs::status(Dir / "a").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write |
                fs::perms::group_read);
  if (fs::exists("/dev/null")) {
    writeFileAtomically("/dev/null", "discarded");
    EXPECT_TRUE(fs::is_character_file("/dev/null"));
  }
}

} // namespace

namespace {

// A FIFO planted under an input's name (tests.json in the evidence folder,
// a fragment) made readFile wait for a writer forever.
TEST_F(FilesTest, AFifoIsRefusedUnreadInsteadOfHanging) {
  fs::create_directories(Dir);
  std::string Fifo = (Dir / "tests.json").string();
  ASSERT_EQ(::mkfifo(Fifo.c_str(), 0600), 0);
  try {
    readFile(Fifo);
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.file.not-regular");
    EXPECT_EQ(E.file(), Fifo);
  }
  try {
    readFile("/dev/zero");
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.file.not-regular");
  }
}

} // namespace

// FilesTest.cpp - unit tests of reading inputs and writing outputs atomically
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace exitbar;
namespace fs = std::filesystem;

namespace {

class FilesTest : public ::testing::Test {
protected:
  void SetUp() override {
    Dir = fs::temp_directory_path() /
          ("exitbar-files-" +
           std::string(
               ::testing::UnitTest::GetInstance()->current_test_info()->name()) +
           "-" + std::to_string(::getpid()));
    fs::remove_all(Dir);
  }
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

// TestDir.h - a fresh scratch directory per unit test
// SPDX-License-Identifier: Apache-2.0
//
// ctest runs every test of exitbar_unittests as its own process, two at a
// time, so two tests that share a fixed directory name delete each other's
// files (that made CI fail once: the energy tests). The name here carries
// the suite, the test and the process id, so no two running tests, and no
// two builds testing at once, share a directory.

#ifndef EXITBAR_UNITTESTS_TESTDIR_H
#define EXITBAR_UNITTESTS_TESTDIR_H

#include <filesystem>
#include <gtest/gtest.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace exitbar::test {

/// The directories made by freshTestDir, removed when the test process
/// exits, so helpers that only return a path leave nothing behind.
struct TestDirsRemovedAtExit {
  std::vector<std::filesystem::path> Dirs;
  ~TestDirsRemovedAtExit() {
    std::error_code Ignored;
    for (const std::filesystem::path &D : Dirs)
      std::filesystem::remove_all(D, Ignored);
  }
};

/// Creates an empty `<tmp>/exitbar-<Prefix>-<suite>.<test>-<pid>` and
/// returns it; a leftover from an earlier run of the same name is removed,
/// and the directory is removed when the process exits.
inline std::filesystem::path freshTestDir(const std::string &Prefix) {
  static TestDirsRemovedAtExit Made;
  const ::testing::TestInfo *Info =
      ::testing::UnitTest::GetInstance()->current_test_info();
  std::string Name = "exitbar-" + Prefix;
  if (Info)
    Name += std::string("-") + Info->test_suite_name() + "." + Info->name();
  Name += "-" + std::to_string(::getpid());
  // Parameterised tests are named "Suite/Test/0".
  for (char &C : Name)
    if (C == '/')
      C = '-';
  std::filesystem::path Dir = std::filesystem::temp_directory_path() / Name;
  std::filesystem::remove_all(Dir);
  std::filesystem::create_directories(Dir);
  Made.Dirs.push_back(Dir);
  return Dir;
}

} // namespace exitbar::test

#endif

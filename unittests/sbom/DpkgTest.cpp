// DpkgTest.cpp - unit tests of the dpkg database reader
// SPDX-License-Identifier: Apache-2.0

#include "sbom/Dpkg.h"
#include "TestDir.h"
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

namespace fs = std::filesystem;
using namespace exitbar::sbom;

namespace {

/// A dpkg database with zlib for two architectures, a dev package, an
/// arch-all package and a removed package.
fs::path fakeDpkg(const std::string &Name) {
  fs::path Root = exitbar::test::freshTestDir("dpkg-" + Name);
  fs::create_directories(Root / "info");
  std::ofstream(Root / "status")
      << "Package: zlib1g\nStatus: install ok installed\nArchitecture: amd64\n"
         "Multi-Arch: same\nSource: zlib\nVersion: 1:1.2.13.dfsg-1\n"
         "Maintainer: Mark Brown <broonie@debian.org>\nDescription: "
         "compression\n"
         " a continuation line: with a colon\n\n"
         "Package: zlib1g\nStatus: install ok installed\nArchitecture: i386\n"
         "Version: 1:1.2.13.dfsg-1\nMaintainer: Mark Brown "
         "<broonie@debian.org>\n\n"
         "Package: zlib1g-dev\nStatus: install ok installed\nArchitecture: "
         "amd64\n"
         "Source: zlib\nVersion: 1:1.2.13.dfsg-1\nMaintainer: Mark Brown "
         "<broonie@debian.org>\n\n"
         "Package: tzdata\nStatus: install ok installed\nArchitecture: all\n"
         "Version: 2024a-0+deb12u1\nMaintainer: GNU Libc Maintainers "
         "<debian-glibc@lists.debian.org>\n\n"
         "Package: oldlib\nStatus: deinstall ok config-files\nArchitecture: "
         "amd64\n"
         "Version: 1.0\nMaintainer: Nobody <n@example.org>\n";
  std::ofstream(Root / "info/zlib1g:amd64.list")
      << "/.\n/lib\n/lib/x86_64-linux-gnu\n/lib/x86_64-linux-gnu/"
         "libz.so.1.2.13\n"
         "/lib/x86_64-linux-gnu/libz.so.1\n";
  std::ofstream(Root / "info/zlib1g:i386.list")
      << "/lib/i386-linux-gnu/libz.so.1.2.13\n";
  std::ofstream(Root / "info/zlib1g-dev:amd64.list")
      << "/usr/include\n/usr/include/zlib.h\n/usr/lib/x86_64-linux-gnu/"
         "libz.so\n";
  std::ofstream(Root / "info/tzdata.list")
      << "/usr/share/zoneinfo\n/usr/include\n";
  std::ofstream(Root / "info/oldlib:amd64.list") << "/usr/lib/liboldlib.so\n";
  return Root;
}

TEST(DpkgTest, MapsFilesToInstalledPackagesPerArchitecture) {
  fs::path Root = fakeDpkg("arch");
  auto Db = DpkgDatabase::load(Root.string(),
                               {"/usr/lib/x86_64-linux-gnu/libz.so",
                                "/usr/lib/x86_64-linux-gnu/libz.so.1.2.13",
                                "/lib/i386-linux-gnu/libz.so.1.2.13",
                                "/usr/lib/liboldlib.so"});
  auto Dev = Db.ownersOf("/usr/lib/x86_64-linux-gnu/libz.so");
  ASSERT_EQ(Dev.size(), 1U);
  EXPECT_EQ(Dev[0]->Name, "zlib1g-dev");
  EXPECT_EQ(Dev[0]->Version, "1:1.2.13.dfsg-1");
  EXPECT_EQ(Dev[0]->Source, "zlib");
  // Merged /usr: dpkg lists /lib/..., the linker resolved /usr/lib/....
  auto Runtime = Db.ownersOf("/usr/lib/x86_64-linux-gnu/libz.so.1.2.13");
  ASSERT_EQ(Runtime.size(), 1U);
  EXPECT_EQ(Runtime[0]->Name, "zlib1g");
  EXPECT_EQ(Runtime[0]->Architecture, "amd64");
  EXPECT_EQ(Runtime[0]->Maintainer, "Mark Brown <broonie@debian.org>");
  auto I386 = Db.ownersOf("/lib/i386-linux-gnu/libz.so.1.2.13");
  ASSERT_EQ(I386.size(), 1U);
  EXPECT_EQ(I386[0]->Architecture, "i386");
  // Removed packages own nothing.
  EXPECT_TRUE(Db.ownersOf("/usr/lib/liboldlib.so").empty());
}

TEST(DpkgTest, SharedFoldersHaveSeveralOwnersAndArchAllPackagesCount) {
  fs::path Root = fakeDpkg("shared");
  auto Db = DpkgDatabase::load(Root.string(),
                               {"/usr/include", "/usr/share/zoneinfo"});
  EXPECT_EQ(Db.ownersOf("/usr/include").size(), 2U);
  auto Tz = Db.ownersOf("/usr/share/zoneinfo");
  ASSERT_EQ(Tz.size(), 1U);
  EXPECT_EQ(Tz[0]->Architecture, "all");
}

TEST(DpkgTest, KeepsTheSourceVersionOfABinNmu) {
  // A binNMU: the binary is rebuilt as +b1, the source stays at its version.
  fs::path Root = exitbar::test::freshTestDir("dpkg");
  fs::create_directories(Root / "info");
  std::ofstream(Root / "status")
      << "Package: libssl3\nStatus: install ok installed\nArchitecture: "
         "amd64\nSource: openssl (3.0.11-1~deb12u2)\nVersion: "
         "3.0.11-1~deb12u2+b1\nMaintainer: M <m@example.org>\n";
  std::ofstream(Root / "info/libssl3:amd64.list")
      << "/usr/lib/x86_64-linux-gnu/libssl.so.3\n";
  auto Db = DpkgDatabase::load(Root.string(),
                               {"/usr/lib/x86_64-linux-gnu/libssl.so.3"});
  auto Owners = Db.ownersOf("/usr/lib/x86_64-linux-gnu/libssl.so.3");
  ASSERT_EQ(Owners.size(), 1U);
  EXPECT_EQ(Owners[0]->Source, "openssl");
  EXPECT_EQ(Owners[0]->SourceVersion, "3.0.11-1~deb12u2");
  EXPECT_EQ(Owners[0]->Version, "3.0.11-1~deb12u2+b1");
  // "Source: zlib" without a version: the binary's version is the source's.
  auto Zlib = DpkgDatabase::load(fakeDpkg("srcver").string(),
                                 {"/usr/lib/x86_64-linux-gnu/libz.so"});
  ASSERT_EQ(Zlib.ownersOf("/usr/lib/x86_64-linux-gnu/libz.so").size(), 1U);
  EXPECT_EQ(
      Zlib.ownersOf("/usr/lib/x86_64-linux-gnu/libz.so")[0]->SourceVersion, "");
}

TEST(DpkgTest, MissingDatabaseIsEmpty) {
  auto Db = DpkgDatabase::load("/nonexistent/dpkg", {"/usr/lib/libz.so"});
  EXPECT_TRUE(Db.ownersOf("/usr/lib/libz.so").empty());
}

TEST(DpkgTest, MergedUsrAliases) {
  EXPECT_EQ(mergedUsrAlias("/lib/x/libz.so.1"), "/usr/lib/x/libz.so.1");
  EXPECT_EQ(mergedUsrAlias("/usr/lib/x/libz.so.1"), "/lib/x/libz.so.1");
  EXPECT_EQ(mergedUsrAlias("/usr/include/zlib.h"), "");
}

} // namespace

// ReadTest.cpp - unit tests of the CMake File API reply reader
// SPDX-License-Identifier: Apache-2.0

#include "TestDir.h"
#include "exitbar/CMakeFileApi.h"
#include "exitbar/Error.h"
#include "formats/cmake-file-api/FakeReply.h"
#include <gtest/gtest.h>

namespace fs = std::filesystem;
using namespace exitbar;
using exitbar::test::FakeTarget;
using exitbar::test::writeFakeReply;

namespace {

fs::path tempDir() { return test::freshTestDir("fileapi"); }

TEST(FileApiReadTest, ReadsTargetsWithArtifactsDependenciesAndLibraries) {
  fs::path B = tempDir();
  writeFakeReply(B, "/src",
                 {{"core",
                   "STATIC_LIBRARY",
                   {"libcore.a"},
                   {"core.c"},
                   {},
                   {},
                   {"/src/include", "/usr/include/openssl"}},
                  {"app",
                   "EXECUTABLE",
                   {"bin/app"},
                   {"app.c", "util.c"},
                   {"core"},
                   {"libcore.a", "/usr/lib/x86_64-linux-gnu/libz.so", "-lm"},
                   {}}});
  FileApiReply R = readFileApiReply(B.string());
  EXPECT_EQ(R.SourceDir, "/src");
  EXPECT_EQ(R.BuildDir, B.string());
  EXPECT_EQ(R.Cache.at("CMAKE_PROJECT_NAME"), "demo");
  ASSERT_EQ(R.Targets.size(), 2U);
  const FileApiTarget &App = R.Targets[0]; // sorted by name
  EXPECT_EQ(App.Name, "app");
  EXPECT_EQ(App.Type, "EXECUTABLE");
  EXPECT_EQ(App.Project, "demo");
  EXPECT_EQ(App.Artifacts, std::vector<std::string>{(B / "bin/app").string()});
  EXPECT_EQ(App.Sources, (std::vector<std::string>{"app.c", "util.c"}));
  EXPECT_EQ(App.Dependencies, std::vector<std::string>{"core"});
  EXPECT_EQ(App.LinkLibraries,
            (std::vector<std::string>{
                "libcore.a", "/usr/lib/x86_64-linux-gnu/libz.so", "-lm"}));
  EXPECT_EQ(R.Targets[1].IncludeDirs,
            (std::vector<std::string>{"/src/include", "/usr/include/openssl"}));
}

TEST(FileApiReadTest, MissingReplySaysHowToGetOne) {
  fs::path B = tempDir();
  try {
    readFileApiReply(B.string());
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.file-api.no-reply");
  }
  EXPECT_FALSE(fileApiReplyIsFresh(B.string()));
}

TEST(FileApiReadTest, MistypedMemberNamesFileAndPointer) {
  fs::path B = tempDir();
  fs::path Reply = writeFakeReply(
      B, "/src", {{"app", "EXECUTABLE", {"app"}, {"a.c"}, {}, {}, {}}});
  nlohmann::json T{{"name", "app"},
                   {"id", "app::@1"},
                   {"type", "EXECUTABLE"},
                   {"sources", {{{"path", "a.c"}}, {{"path", 7}}}}};
  exitbar::test::writeJson(Reply / "target-app.json", T);
  try {
    readFileApiReply(B.string());
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.file-api.invalid");
    EXPECT_EQ(E.file(), (Reply / "target-app.json").string());
    EXPECT_EQ(E.place(), "/sources/1/path");
  }
}

TEST(FileApiReadTest, PartialReplyNamesTheCodemodelPointer) {
  fs::path B = tempDir();
  fs::path Reply = writeFakeReply(B, "/src",
                                  {{"a", "EXECUTABLE", {"a"}, {}, {}, {}, {}},
                                   {"b", "EXECUTABLE", {"b"}, {}, {}, {}, {}}});
  fs::remove(Reply / "target-b.json");
  try {
    readFileApiReply(B.string());
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.file(), (Reply / "codemodel-v2-1.json").string());
    EXPECT_EQ(E.place(), "/configurations/0/targets/1/jsonFile");
  }
}

TEST(FileApiReadTest, UnknownDependencyIdIsAnError) {
  fs::path B = tempDir();
  writeFakeReply(B, "/src",
                 {{"a", "EXECUTABLE", {"a"}, {}, {"ghost"}, {}, {}}});
  try {
    readFileApiReply(B.string());
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.place(), "/dependencies/0/id");
  }
}

TEST(FileApiReadTest, QueryAsksForTheFourObjectKinds) {
  std::string Q = fileApiQueryText();
  for (const char *Kind : {"codemodel", "cache", "toolchains", "cmakeFiles"})
    EXPECT_NE(Q.find(Kind), std::string::npos) << Kind;
  EXPECT_EQ(fileApiQueryPath("b"),
            "b/.cmake/api/v1/query/client-exitbar/query.json");
}

} // namespace

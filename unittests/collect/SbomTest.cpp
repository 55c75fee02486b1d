// SbomTest.cpp - unit tests of `collect sbom`: targets, Debian packages,
// manifests, determinism
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Sbom.h"
#include "TestDir.h"
#include "exitbar/Error.h"
#include "exitbar/SbomBuild.h"
#include "formats/cmake-file-api/FakeReply.h"
#include "kinds/sbom/Sbom.h"
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace fs = std::filesystem;
using namespace exitbar;
using exitbar::test::writeFakeReply;

namespace {

struct Tree {
  fs::path Root, Build, Source, Dpkg, Sys;
};

/// A build of `app` (linking core, a "system" libz via a symlink, and
/// -lm) and `core`, a fake dpkg database owning the system files, and the
/// configure record of the CMake package.
Tree makeTree() {
  Tree T;
  T.Root = test::freshTestDir("sbom");
  T.Build = T.Root / "build";
  T.Source = T.Root / "src";
  T.Dpkg = T.Root / "dpkg";
  T.Sys = T.Root / "sys";
  for (const fs::path &D : {T.Build, T.Source, T.Dpkg / "info", T.Sys / "lib",
                            T.Sys / "include/zz"})
    fs::create_directories(D);
  std::ofstream(T.Build / "app") << "app binary";
  std::ofstream(T.Build / "libcore.a") << "core archive";
  std::ofstream(T.Sys / "lib/libzz.so.1.2") << "zz";
  fs::create_symlink("libzz.so.1.2", T.Sys / "lib/libzz.so");
  std::ofstream(T.Sys / "lib/libm.so") << "m";
  writeFakeReply(
      T.Build, T.Source,
      {{"app",
        "EXECUTABLE",
        {"app"},
        {"main.c"},
        {"core"},
        {"libcore.a", (T.Sys / "lib/libzz.so").string(), "-lm"},
        {}},
       {"core",
        "STATIC_LIBRARY",
        {"libcore.a"},
        {"core.c"},
        {},
        {},
        {(T.Source / "include").string(), (T.Sys / "include/zz").string()}},
       {"docs", "UTILITY", {}, {}, {}, {}, {}}});
  // -lm is found through the toolchain's implicit link folders.
  fs::path Reply = T.Build / ".cmake/api/v1/reply";
  exitbar::test::writeJson(
      Reply / "toolchains-v1-1.json",
      {{"kind", "toolchains"},
       {"toolchains",
        nlohmann::json::array(
            {{{"compiler",
               {{"implicit",
                 {{"linkDirectories", {(T.Sys / "lib").string()}}}}}}}})}});
  nlohmann::json Index;
  std::ifstream(Reply / "index-2024-01-01T00-00-00-0000.json") >> Index;
  Index["objects"].push_back({{"kind", "toolchains"},
                              {"version", {{"major", 1}, {"minor", 0}}},
                              {"jsonFile", "toolchains-v1-1.json"}});
  exitbar::test::writeJson(Reply / "index-2024-01-01T00-00-00-0000.json",
                           Index);

  std::ofstream(T.Dpkg / "status")
      << "Package: libzz1\nStatus: install ok installed\nArchitecture: amd64\n"
         "Version: 1.2-3\nMaintainer: ZZ Team <zz@example.org>\n\n"
         "Package: libzz-dev\nStatus: install ok installed\nArchitecture: "
         "amd64\n"
         "Version: 1.2-3\nMaintainer: ZZ Team <zz@example.org>\n\n"
         "Package: libc6-dev\nStatus: install ok installed\nArchitecture: "
         "amd64\n"
         "Version: 2.36-9\nMaintainer: GNU Libc Maintainers "
         "<libc@example.org>\n\n"
         "Package: libgood-dev\nStatus: install ok installed\nArchitecture: "
         "amd64\n"
         "Version: 4.5-1\nMaintainer: Good <good@example.org>\n";
  std::ofstream(T.Dpkg / "info/libzz1:amd64.list")
      << (T.Sys / "lib/libzz.so.1.2").string() << "\n";
  std::ofstream(T.Dpkg / "info/libzz-dev:amd64.list")
      << (T.Sys / "lib/libzz.so").string() << "\n"
      << (T.Sys / "include/zz").string() << "\n";
  std::ofstream(T.Dpkg / "info/libc6-dev:amd64.list")
      << (T.Sys / "lib/libm.so").string() << "\n";
  std::ofstream(T.Dpkg / "info/libgood-dev:amd64.list")
      << "/opt/good/lib/cmake/Good\n";

  exitbar::test::writeJson(
      T.Build / "exitbar/sbom/cmake-packages.json",
      {{"schema", "exitbar.cmake-packages"},
       {"schema_version", 1},
       {"project",
        {{"name", "demo"}, {"version", "2.1.0"}, {"description", ""}}},
       {"supplier", "ACME Corp"},
       {"packages",
        nlohmann::json::array({{{"name", "Good"},
                                {"version", "4.5"},
                                {"dir", "/opt/good/lib/cmake/Good"},
                                {"files", nlohmann::json::array()}},
                               {{"name", "Custom"},
                                {"version", "0.3"},
                                {"dir", "/opt/custom"},
                                {"files", nlohmann::json::array()}},
                               {{"name", "Threads"},
                                {"version", ""},
                                {"dir", ""},
                                {"files", nlohmann::json::array()}}})}});
  return T;
}

SbomOptions options(const Tree &T) {
  SbomOptions O;
  O.BuildDir = T.Build.string();
  O.DpkgRoot = T.Dpkg.string();
  O.Refresh = false;
  return O;
}

TEST(CollectSbomTest, TargetsWithHashesEdgesAndDebianPackages) {
  Tree T = makeTree();
  SbomDocument D = collectSbom(
      options(T), Env::fixed({{"SOURCE_DATE_EPOCH", "1700000000"}}));
  EXPECT_EQ(D.Timestamp, "2023-11-14T22:13:20Z");
  EXPECT_EQ(D.Root.Name, "demo");
  EXPECT_EQ(D.Root.Version, "2.1.0");
  EXPECT_EQ(D.Supplier, "ACME Corp");
  EXPECT_EQ(D.Authors, std::vector<std::string>{"ACME Corp"});
  EXPECT_EQ(D.find("target:docs"), nullptr); // utilities are no components
  const SbomComponent *App = D.find("target:app");
  ASSERT_NE(App, nullptr);
  EXPECT_EQ(App->Type, "application");
  EXPECT_EQ(App->Purl, "pkg:generic/demo/app@2.1.0");
  EXPECT_EQ(App->File, "app");
  EXPECT_EQ(App->Sha256.size(), 64U);
  EXPECT_EQ(App->Sha1.size(), 40U);
  EXPECT_EQ(App->DependsOn,
            (std::vector<std::string>{
                "pkg:deb/debian/libc6-dev@2.36-9?arch=amd64",
                "pkg:deb/debian/libzz-dev@1.2-3?arch=amd64",
                "pkg:deb/debian/libzz1@1.2-3?arch=amd64", "target:core"}));
  const SbomComponent *Runtime =
      D.find("pkg:deb/debian/libzz1@1.2-3?arch=amd64");
  ASSERT_NE(Runtime, nullptr);
  EXPECT_EQ(Runtime->Supplier, "ZZ Team <zz@example.org>");
  // The include folder owned by one package maps too.
  EXPECT_EQ(
      D.find("target:core")->DependsOn,
      std::vector<std::string>{"pkg:deb/debian/libzz-dev@1.2-3?arch=amd64"});
  // find_package: dpkg-owned config folder -> that package; else generic;
  // Threads (nothing identifying) is left out.
  const SbomComponent *Good =
      D.find("pkg:deb/debian/libgood-dev@4.5-1?arch=amd64");
  ASSERT_NE(Good, nullptr);
  EXPECT_EQ(Good->Properties.at("cmake:find_package"), "Good");
  ASSERT_NE(D.find("pkg:generic/Custom@0.3"), nullptr);
  EXPECT_EQ(D.find("pkg:generic/Threads"), nullptr);
  SbomEvidence E = checkSbom(D);
  // Custom has no supplier.
  EXPECT_EQ(E.incomplete(), 1);
}

TEST(CollectSbomTest, OutputIsByteIdenticalAcrossRuns) {
  Tree T = makeTree();
  Env Fixed = Env::fixed({{"SOURCE_DATE_EPOCH", "1700000000"}});
  auto Render = [&] {
    SbomDocument D = collectSbom(options(T), Fixed);
    std::ostringstream Out;
    writeCycloneDx(D, Out);
    writeSpdx(D, Out);
    return Out.str();
  };
  EXPECT_EQ(Render(), Render());
}

TEST(CollectSbomTest, FetchContentVcpkgAndConan) {
  Tree T = makeTree();
  fs::create_directories(T.Build / "_deps/fmt-subbuild");
  std::ofstream(T.Build / "_deps/fmt-subbuild/CMakeLists.txt")
      << "ExternalProject_Add(fmt-populate\n"
         "                     \"GIT_REPOSITORY\" "
         "\"https://github.com/fmtlib/fmt.git\"\n"
         "                     \"GIT_TAG\" \"10.2.1\"\n)\n";
  fs::create_directories(T.Build / "_deps/json-subbuild");
  std::ofstream(T.Build / "_deps/json-subbuild/CMakeLists.txt")
      << "ExternalProject_Add(json-populate \"URL\" "
         "\"https://example.org/json.tar.xz\""
         " \"URL_HASH\" \"SHA256=abc123\")\n";
  std::ofstream(T.Source / "vcpkg.json")
      << R"({"name": "demo", "dependencies": ["zlib", {"name": "fmt", "version>=": "10.0.0"}],
           "overrides": [{"name": "zlib", "version": "1.3"}]})";
  std::ofstream(T.Source / "conanfile.txt")
      << "[requires]\nboost/1.83.0\nspdlog/1.12.0@user/"
         "stable#rev1\n[generators]\nCMakeDeps\n";
  SbomOptions O = options(T);
  O.SourceDir = T.Source.string();
  // Manifests count only when the build uses their package manager.
  SbomDocument Unused =
      collectSbom(O, Env::fixed({{"SOURCE_DATE_EPOCH", "0"}}));
  EXPECT_EQ(Unused.find("pkg:conan/boost@1.83.0"), nullptr);
  EXPECT_EQ(Unused.find("pkg:generic/vcpkg/zlib@1.3"), nullptr);
  exitbar::test::writeJson(
      T.Build / ".cmake/api/v1/reply/cache-v2-1.json",
      {{"entries",
        nlohmann::json::array(
            {{{"name", "CMAKE_TOOLCHAIN_FILE"},
              {"value", "/opt/vcpkg/scripts/buildsystems/vcpkg.cmake"}},
             {{"name", "CONAN_COMMAND"}, {"value", "/usr/bin/conan"}}})}});
  SbomDocument D = collectSbom(O, Env::fixed({{"SOURCE_DATE_EPOCH", "0"}}));
  const SbomComponent *Fmt = D.find("pkg:github/fmtlib/fmt@10.2.1");
  ASSERT_NE(Fmt, nullptr);
  EXPECT_EQ(Fmt->DownloadLocation,
            "git+https://github.com/fmtlib/fmt.git@10.2.1");
  EXPECT_EQ(Fmt->Supplier, "fmtlib");
  const SbomComponent *Json = D.find(
      "pkg:generic/"
      "json@abc123?download_url=https%3A%2F%2Fexample.org%2Fjson.tar.xz");
  ASSERT_NE(Json, nullptr);
  EXPECT_NE(D.find("pkg:generic/vcpkg/zlib@1.3"), nullptr);
  EXPECT_NE(D.find("pkg:generic/vcpkg/fmt@10.0.0"), nullptr);
  EXPECT_NE(D.find("pkg:conan/boost@1.83.0"), nullptr);
  EXPECT_NE(D.find("pkg:conan/spdlog@1.12.0"), nullptr);
  for (const char *Ref :
       {"pkg:conan/boost@1.83.0", "pkg:github/fmtlib/fmt@10.2.1"})
    EXPECT_TRUE(
        std::count(D.Root.DependsOn.begin(), D.Root.DependsOn.end(), Ref))
        << Ref;
}

TEST(CollectSbomTest, ExternalProjectsRecordedAtConfigure) {
  Tree T = makeTree();
  nlohmann::json Record;
  std::ifstream(T.Build / "exitbar/sbom/cmake-packages.json") >> Record;
  Record["external_projects"] = nlohmann::json::array(
      {{{"name", "zlibsrc"},
        {"git_repository", "https://github.com/madler/zlib.git"},
        {"git_tag", "v1.3.1"},
        {"url", ""},
        {"url_hash", ""}},
       {{"name", "blob"},
        {"git_repository", ""},
        {"git_tag", ""},
        {"url", "https://example.org/blob-2.0.tar.gz"},
        {"url_hash", "SHA256=feed"}},
       {{"name", "local"},
        {"git_repository", ""},
        {"git_tag", ""},
        {"url", ""},
        {"url_hash", ""}}});
  exitbar::test::writeJson(T.Build / "exitbar/sbom/cmake-packages.json",
                           Record);
  SbomDocument D = collectSbom(options(T), Env::fixed({}));
  const SbomComponent *Zlib = D.find("pkg:github/madler/zlib@v1.3.1");
  ASSERT_NE(Zlib, nullptr);
  EXPECT_EQ(Zlib->Origin, "external_project");
  EXPECT_EQ(Zlib->DownloadLocation,
            "git+https://github.com/madler/zlib.git@v1.3.1");
  EXPECT_EQ(Zlib->Properties.at("cmake:external_project"), "zlibsrc");
  const SbomComponent *Blob =
      D.find("pkg:generic/blob@feed?download_url=https%3A%2F%2Fexample.org%"
             "2Fblob-2.0.tar.gz");
  ASSERT_NE(Blob, nullptr);
  EXPECT_TRUE(
      std::count(D.Root.DependsOn.begin(), D.Root.DependsOn.end(), Blob->Ref));
  // A SOURCE_DIR-only project names no remote source and is not listed.
  for (const SbomComponent &C : D.Components)
    EXPECT_NE(C.Name, "local");

  Record["external_projects"] = 3;
  exitbar::test::writeJson(T.Build / "exitbar/sbom/cmake-packages.json",
                           Record);
  try {
    collectSbom(options(T), Env::fixed({}));
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.place(), "/external_projects");
  }
}

TEST(CollectSbomTest, ConanfilePyRequirements) {
  Tree T = makeTree();
  std::ofstream(T.Source / "conanfile.py")
      << "from conan import ConanFile\n"
         "class Demo(ConanFile):\n"
         "    settings = \"os\", \"arch\"\n"
         "    requires = \"zlib/1.3\", \"openssl/3.2.0@acme/stable\"\n"
         "    tool_requires = [\"cmake/3.27.1\"]\n"
         "    test_requires = \"gtest/1.14.0\"\n"
         "    def requirements(self):\n"
         "        self.requires(\"fmt/10.2.1#abcdef\", override=True)\n"
         "        self.requires(f\"boost/{self.version}\")\n";
  exitbar::test::writeJson(
      T.Build / ".cmake/api/v1/reply/cache-v2-1.json",
      {{"entries", nlohmann::json::array(
                       {{{"name", "CONAN_COMMAND"}, {"value", "conan"}}})}});
  SbomOptions O = options(T);
  O.SourceDir = T.Source.string();
  SbomDocument D = collectSbom(O, Env::fixed({}));
  for (const char *Ref : {"pkg:conan/zlib@1.3", "pkg:conan/openssl@3.2.0",
                          "pkg:conan/cmake@3.27.1", "pkg:conan/fmt@10.2.1"})
    EXPECT_NE(D.find(Ref), nullptr) << Ref;
  for (const SbomComponent &C : D.Components) {
    EXPECT_NE(C.Name, "gtest"); // tests are not part of the product
    EXPECT_NE(C.Name, "boost"); // built at run time: not evaluated
  }
}

TEST(CollectSbomTest, PerTargetFragmentsWrittenAndPruned) {
  Tree T = makeTree();
  SbomOptions O = options(T);
  O.FragmentsDir = (T.Build / "exitbar/sbom/targets").string();
  // A target the build no longer has.
  fs::create_directories(O.FragmentsDir);
  std::ofstream(fs::path(O.FragmentsDir) / "gone.cdx.json") << "{}";
  collectSbom(O, Env::fixed({{"SOURCE_DATE_EPOCH", "0"}}));
  EXPECT_FALSE(fs::exists(fs::path(O.FragmentsDir) / "gone.cdx.json"));
  EXPECT_FALSE(fs::exists(fs::path(O.FragmentsDir) / "docs.cdx.json"));
  nlohmann::json App;
  std::ifstream(fs::path(O.FragmentsDir) / "app.cdx.json") >> App;
  EXPECT_EQ(App["metadata"]["component"]["bom-ref"], "target:app");
  EXPECT_EQ(App["metadata"]["component"]["hashes"][0]["alg"], "SHA-256");
  EXPECT_EQ(App["metadata"]["timestamp"], "1970-01-01T00:00:00Z");
  std::string TargetDeps;
  for (const auto &P : App["metadata"]["component"]["properties"])
    if (P["name"] == "exitbar:target-dependencies")
      TargetDeps = P["value"];
  EXPECT_EQ(TargetDeps, "core");
  bool HasZz = false;
  for (const auto &C : App["components"])
    HasZz = HasZz || C["name"] == "libzz1";
  EXPECT_TRUE(HasZz);
  EXPECT_TRUE(fs::exists(fs::path(O.FragmentsDir) / "core.cdx.json"));
  // An unchanged target's file is left alone: without SOURCE_DATE_EPOCH
  // its time is the artifact's, not the run's.
  collectSbom(O, Env::fixed({}));
  auto Before = fs::last_write_time(fs::path(O.FragmentsDir) / "app.cdx.json");
  collectSbom(O, Env::fixed({}));
  EXPECT_EQ(Before,
            fs::last_write_time(fs::path(O.FragmentsDir) / "app.cdx.json"));
}

TEST(CollectSbomTest, ReleaseVersionAndSupplierOptionsWin) {
  Tree T = makeTree();
  SbomOptions O = options(T);
  O.ReleaseVersion = "9.9";
  O.Supplier = "Other";
  O.WithSources = true;
  SbomDocument D = collectSbom(O, Env::fixed({{"SOURCE_DATE_EPOCH", "0"}}));
  EXPECT_EQ(D.Root.Version, "9.9");
  EXPECT_EQ(D.find("target:app")->Supplier, "Other");
  EXPECT_EQ(D.find("target:app")->Sources, std::vector<std::string>{"main.c"});
}

TEST(CollectSbomTest, MalformedConfigureRecordIsAnError) {
  Tree T = makeTree();
  std::ofstream(T.Build / "exitbar/sbom/cmake-packages.json")
      << R"({"project": {"name": 3}})";
  try {
    collectSbom(options(T), Env::fixed({}));
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.place(), "/project/name");
  }
}

} // namespace

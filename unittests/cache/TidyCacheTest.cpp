// TidyCacheTest.cpp - unit tests of the findings cache
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/TidyCache.h"
#include "TestDir.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include <filesystem>
#include <gtest/gtest.h>
#include <thread>
#include <unistd.h>

using namespace exitbar;
namespace fs = std::filesystem;

namespace {

class TidyCacheTest : public ::testing::Test {
protected:
  fs::path Root;
  std::string Source, Header;
  void SetUp() override {
    Root = test::freshTestDir("tidy-cache");
    fs::create_directories(Root / "src");
    Source = (Root / "src" / "a.cpp").string();
    Header = (Root / "src" / "a.h").string();
    writeFileAtomically(Source, "#include \"a.h\"\n");
    writeFileAtomically(Header, "int f();\n");
  }
  void TearDown() override { fs::remove_all(Root); }

  static CachedAnalysis analysis(const std::string &Output) {
    CachedAnalysis A;
    A.Output = Output;
    A.Evidence.TranslationUnits = 1;
    Finding F;
    F.Check = "exitbar-unsafe-function";
    F.File = "a.cpp";
    F.Line = 3;
    F.Fingerprint = "fp";
    A.Evidence.Findings.push_back(F);
    return A;
  }
  std::string key(const std::vector<std::string> &Args = {"-p", "x"}) {
    return tidyDirectKey("clang-tidy", Args, Source, Root.string(), {});
  }
};

TEST_F(TidyCacheTest, StoredAnalysisIsReplayedUntilAFileChanges) {
  TidyCache C((Root / "cache").string(), 1 << 20);
  CacheOutcome O;
  EXPECT_FALSE(C.lookup(key(), O));
  EXPECT_EQ(O, CacheOutcome::Miss);
  C.store(key(), {Source, Header}, analysis("a.cpp:3:1: warning: w\n"));
  auto Hit = C.lookup(key(), O);
  ASSERT_TRUE(Hit);
  EXPECT_EQ(O, CacheOutcome::Hit);
  EXPECT_EQ(Hit->Output, "a.cpp:3:1: warning: w\n");
  ASSERT_EQ(Hit->Evidence.Findings.size(), 1U);
  EXPECT_EQ(Hit->Evidence.Findings[0].Fingerprint, "fp");

  // A changed header: another analysis.
  writeFileAtomically(Header, "int f(int);\n");
  EXPECT_FALSE(C.lookup(key(), O));
  EXPECT_EQ(O, CacheOutcome::Miss);
  // Both variants are kept: switching back hits again.
  C.store(key(), {Source, Header}, analysis("second\n"));
  EXPECT_EQ(C.lookup(key(), O)->Output, "second\n");
  writeFileAtomically(Header, "int f();\n");
  EXPECT_EQ(C.lookup(key(), O)->Output, "a.cpp:3:1: warning: w\n");
  // A deleted header is a change too.
  fs::remove(Header);
  EXPECT_FALSE(C.lookup(key(), O));
}

TEST_F(TidyCacheTest, KeyCoversArgumentsConfigurationAndModels) {
  std::string Base = key();
  EXPECT_EQ(key(), Base);
  EXPECT_NE(key({"-p", "y"}), Base);
  writeFileAtomically((Root / ".clang-tidy").string(), "Checks: '-*'\n");
  std::string WithConfig = key();
  EXPECT_NE(WithConfig, Base);
  writeFileAtomically((Root / ".clang-tidy").string(),
                      "Checks: '-*,exitbar-*'\n");
  EXPECT_NE(key(), WithConfig);
  fs::path Models = Root / "models";
  fs::create_directories(Models);
  writeFileAtomically((Models / "sinks.json").string(), "{}");
  std::string M1 =
      tidyDirectKey("clang-tidy", {}, Source, Root.string(), {Models.string()});
  writeFileAtomically((Models / "sinks.json").string(), "{\"a\": 1}");
  EXPECT_NE(
      tidyDirectKey("clang-tidy", {}, Source, Root.string(), {Models.string()}),
      M1);
  writeFileAtomically((Root / "cfg.yaml").string(), "Checks: x\n");
  std::string F1 = key({"--config-file=" + (Root / "cfg.yaml").string()});
  writeFileAtomically((Root / "cfg.yaml").string(), "Checks: y\n");
  EXPECT_NE(key({"--config-file=" + (Root / "cfg.yaml").string()}), F1);
}

TEST_F(TidyCacheTest, KeyCoversTheProjectsTaintModelFiles) {
  // A .clang-tidy naming a model file relative to the source folder, and
  // a --config naming a folder of them: editing either is another key.
  writeFileAtomically((Root / ".clang-tidy").string(),
                      "CheckOptions:\n  exitbar.TaintModels: 'ours.json'\n");
  writeFileAtomically((Root / "ours.json").string(), "{}");
  std::string Before = key();
  writeFileAtomically((Root / "ours.json").string(), "{\"sources\": []}");
  EXPECT_NE(key(), Before);

  fs::create_directories(Root / "more");
  writeFileAtomically((Root / "more" / "a.json").string(), "{}");
  std::vector<std::string> Args = {
      "--config={CheckOptions: [{key: exitbar-path-traversal.TaintModels, "
      "value: '" +
      (Root / "more").string() + "'}]}"};
  std::string Folder = key(Args);
  writeFileAtomically((Root / "more" / "a.json").string(), "{\"x\": 1}");
  EXPECT_NE(key(Args), Folder);
}

TEST(TidyCacheHelpersTest, TaintModelPathsInBothOptionSpellings) {
  EXPECT_EQ(taintModelPaths("CheckOptions:\n  exitbar.TaintModels: "
                            "'a.json; models/'\n  other: x\n"),
            (std::vector<std::string>{"a.json", "models/"}));
  EXPECT_EQ(taintModelPaths("{CheckOptions: [{key: "
                            "exitbar-command-injection.TaintModels, value: "
                            "/abs/m.json}]}"),
            (std::vector<std::string>{"/abs/m.json"}));
  EXPECT_EQ(taintModelPaths("CheckOptions:\n  exitbar.ThreatModels: local\n"),
            std::vector<std::string>{});
}

TEST_F(TidyCacheTest, CorruptedOrForeignEntriesAreIgnored) {
  TidyCache C((Root / "cache").string(), 1 << 20);
  C.store(key(), {Source}, analysis("out\n"));
  std::string Path = C.entryPath(key());
  std::string Text = readFile(Path);
  CacheOutcome O;

  std::string Flipped = Text;
  Flipped[Flipped.size() - 10] ^= 1;
  writeFileAtomically(Path, Flipped);
  EXPECT_FALSE(C.lookup(key(), O));
  EXPECT_EQ(O, CacheOutcome::Corrupt);

  writeFileAtomically(Path, Text.substr(0, Text.size() / 2)); // torn
  EXPECT_FALSE(C.lookup(key(), O));
  EXPECT_EQ(O, CacheOutcome::Corrupt);

  // A valid entry of another key placed under this key's name.
  std::string Other = key({"other"});
  C.store(Other, {Source}, analysis("other\n"));
  fs::copy_file(C.entryPath(Other), Path, fs::copy_options::overwrite_existing);
  EXPECT_FALSE(C.lookup(key(), O));
  EXPECT_EQ(O, CacheOutcome::Corrupt);

  // Storing again replaces the damaged entry.
  C.store(key(), {Source}, analysis("out\n"));
  EXPECT_TRUE(C.lookup(key(), O));
}

TEST_F(TidyCacheTest, EvictionKeepsTheFolderUnderItsBound) {
  TidyCache Big((Root / "cache").string(), 1 << 20);
  Big.store(key({"1"}), {Source}, analysis(std::string(3000, 'x')));
  auto EntrySize = fs::file_size(Big.entryPath(key({"1"})));
  // Room for two entries: storing a third drops the least recently used.
  TidyCache C((Root / "cache").string(), EntrySize * 2 + EntrySize / 2);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  C.store(key({"2"}), {Source}, analysis(std::string(3000, 'x')));
  CacheOutcome O;
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_TRUE(C.lookup(key({"1"}), O)); // used: now the newest
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  C.store(key({"3"}), {Source}, analysis(std::string(3000, 'x')));
  EXPECT_TRUE(C.lookup(key({"1"}), O));
  EXPECT_FALSE(C.lookup(key({"2"}), O));
  EXPECT_TRUE(C.lookup(key({"3"}), O));
}

TEST(TidyCacheHelpersTest, HeaderListsAndSizes) {
  auto Files = readHeaderList("/usr/include/a.h\n. /x/b.h\n.. /x/c.h\n"
                              "/usr/include/a.h\n");
  EXPECT_EQ(Files,
            (std::vector<std::string>{"/usr/include/a.h", "/x/b.h", "/x/c.h"}));
  auto Relative = readHeaderList("./rel.h\n");
  ASSERT_EQ(Relative.size(), 1U);
  EXPECT_EQ(fs::path(Relative[0]).filename(), "rel.h");
  EXPECT_TRUE(fs::path(Relative[0]).is_absolute());
  EXPECT_EQ(parseCacheSize("500M"), 500ULL << 20);
  EXPECT_EQ(parseCacheSize("2G"), 2ULL << 30);
  EXPECT_EQ(parseCacheSize("4096"), 4096U);
  EXPECT_THROW(parseCacheSize("lots"), Error);
  EXPECT_THROW(parseCacheSize("0"), Error);
  EXPECT_THROW(parseCacheSize("5T"), Error);
}

} // namespace

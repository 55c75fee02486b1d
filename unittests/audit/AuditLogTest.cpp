// AuditLogTest.cpp - unit tests of the hash-chained audit log
// SPDX-License-Identifier: Apache-2.0

#include "TestDir.h"
#include "exitbar/Audit.h"
#include "exitbar/Files.h"
#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace exitbar;
namespace fs = std::filesystem;

namespace {

class AuditLogTest : public ::testing::Test {
protected:
  void SetUp() override {
    Dir = test::freshTestDir("audit");
    Path = (Dir / "audit.jsonl").string();
    for (Status S : {Status::Go, Status::NoGo, Status::Conditional}) {
      Verdict V;
      V.Result = S;
      appendAuditEntry(Path, V, "digest");
    }
  }
  void TearDown() override { fs::remove_all(Dir); }
  std::vector<std::string> lines() {
    std::vector<std::string> L;
    std::string Text = readFile(Path);
    size_t Start = 0;
    for (size_t End; (End = Text.find('\n', Start)) != std::string::npos;
         Start = End + 1)
      L.push_back(Text.substr(Start, End - Start));
    return L;
  }
  static std::string join(const std::vector<std::string> &L) {
    std::string Out;
    for (const auto &Line : L)
      Out += Line + "\n";
    return Out;
  }
  fs::path Dir;
  std::string Path;
};

TEST_F(AuditLogTest, AnIntactLogVerifies) {
  AuditCheck R = verifyAuditLog(readFile(Path));
  EXPECT_TRUE(R.Problems.empty());
  EXPECT_EQ(R.Entries, 3);
  EXPECT_EQ(R.Head.size(), 64U);
}

TEST_F(AuditLogTest, EditsRemovalsAndReorderingsAreFound) {
  auto L = lines();
  auto Edited = L;
  Edited[1].replace(Edited[1].find("NO_GO"), 5, "GO");
  EXPECT_FALSE(verifyAuditLog(join(Edited)).Problems.empty());

  auto Removed = L;
  Removed.erase(Removed.begin());
  EXPECT_FALSE(verifyAuditLog(join(Removed)).Problems.empty());

  auto Reordered = L;
  std::swap(Reordered[1], Reordered[2]);
  EXPECT_FALSE(verifyAuditLog(join(Reordered)).Problems.empty());

  EXPECT_FALSE(verifyAuditLog(join(L) + "not json\n").Problems.empty());
}

} // namespace

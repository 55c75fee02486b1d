// DigestTest.cpp - unit tests of the digests (known answers)
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Digest.h"
#include "exitbar/Error.h"
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include "TestDir.h"

namespace fs = std::filesystem;
using namespace exitbar;

namespace {

TEST(DigestTest, KnownAnswers) {
  EXPECT_EQ(sha1Hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(DigestTest, FileDigestsMatchInMemoryDigestsAcrossBlocks) {
  fs::path Dir = test::freshTestDir("digest");
  fs::path P = Dir / "data.bin";
  std::string Data(3 * (1 << 20) + 17, '\0');
  for (size_t I = 0; I < Data.size(); ++I)
    Data[I] = static_cast<char>(I * 31 % 251);
  std::ofstream(P, std::ios::binary) << Data;
  auto [Sha256, Sha1] = fileDigestsHex(P.string());
  EXPECT_EQ(Sha256, sha256Hex(Data));
  EXPECT_EQ(Sha1, sha1Hex(Data));
  EXPECT_THROW(fileDigestsHex((P / "missing").string()), Error);
  fs::remove_all(Dir);
}

} // namespace

// DigestTest.cpp - unit tests of the digests (known answers)
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Digest.h"
#include "TestDir.h"
#include "exitbar/Error.h"
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <random>

namespace fs = std::filesystem;
using namespace exitbar;

namespace {

TEST(DigestTest, KnownAnswers) {
  EXPECT_EQ(sha1Hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// FIPS 180-4's examples (and NIST's one-million-'a' message), which the
// implementation in crypto/Sha256.cpp must give exactly.
TEST(DigestTest, Sha256FipsExamples) {
  EXPECT_EQ(sha256Hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(
      sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

std::string opensslSha256Hex(const std::string &Data) {
  unsigned char Digest[EVP_MAX_MD_SIZE];
  unsigned int Length = 0;
  EVP_Digest(Data.data(), Data.size(), Digest, &Length, EVP_sha256(), nullptr);
  std::string Hex;
  for (unsigned int I = 0; I < Length; ++I) {
    char Byte[3];
    std::snprintf(Byte, sizeof Byte, "%02x", Digest[I]);
    Hex += Byte;
  }
  return Hex;
}

// OpenSSL as the independent reference: every length across the padding
// boundaries (55/56 and 63/64 bytes in a block) and beyond several blocks,
// with arbitrary bytes, zeros and 0xff included.
TEST(DigestTest, Sha256MatchesOpenSslAtEveryLength) {
  std::mt19937 Random(20261207);
  for (size_t Length = 0; Length <= 300; ++Length) {
    std::string Data(Length, '\0');
    for (char &C : Data)
      C = static_cast<char>(Random());
    ASSERT_EQ(sha256Hex(Data), opensslSha256Hex(Data)) << "length " << Length;
    std::string Ones(Length, '\xff');
    ASSERT_EQ(sha256Hex(Ones), opensslSha256Hex(Ones)) << "length " << Length;
  }
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

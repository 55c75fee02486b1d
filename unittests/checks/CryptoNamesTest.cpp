// CryptoNamesTest.cpp - the name classifiers exitbar-weak-crypto decides
// with, without a compiler
// SPDX-License-Identifier: Apache-2.0

#include "utils/CryptoNames.h"
#include <gtest/gtest.h>

using namespace clang::tidy::exitbar::utils;

namespace {

std::string spec(const char *Text, bool *HmacOut = nullptr) {
  bool Hmac = false;
  std::string A = algorithmOfSpec(Text, Hmac);
  if (HmacOut)
    *HmacOut = Hmac;
  return A;
}

TEST(CryptoNamesTest, HashesAreTheDigests) {
  for (const char *A : {"MD5", "MD4", "MD2", "SHA-1"})
    EXPECT_TRUE(isHash(A)) << A;
  for (const char *A : {"DES", "3DES", "RC4", "ECB", "SHA-256", ""})
    EXPECT_FALSE(isHash(A)) << A;
}

TEST(CryptoNamesTest, ApiFunctions) {
  EXPECT_EQ(algorithmOfFunction("EVP_md5"), "MD5");
  EXPECT_EQ(algorithmOfFunction("MD5_Init"), "MD5");
  EXPECT_EQ(algorithmOfFunction("mbedtls_sha1_ret"), "SHA-1");
  EXPECT_EQ(algorithmOfFunction("EVP_des_ede3_cbc"), "3DES");
  EXPECT_EQ(algorithmOfFunction("EVP_des_cbc"), "DES");
  EXPECT_EQ(algorithmOfFunction("EVP_aes_128_ecb"), "ECB");
  EXPECT_EQ(algorithmOfFunction("EVP_rc4"), "RC4");
  EXPECT_EQ(algorithmOfFunction("EVP_sha256"), "");
  EXPECT_EQ(algorithmOfFunction("EVP_aes_256_gcm"), "");
  EXPECT_EQ(algorithmOfFunction("md5sum_of_file"), "");
}

TEST(CryptoNamesTest, AlgorithmSpecs) {
  EXPECT_EQ(spec("md5"), "MD5");
  EXPECT_EQ(spec("SHA-1"), "SHA-1");
  EXPECT_EQ(spec("sha_1"), "SHA-1");
  EXPECT_EQ(spec("des-ede3-cbc"), "3DES");
  EXPECT_EQ(spec("DES-CBC"), "DES");
  EXPECT_EQ(spec("AES-128/ECB/PKCS5Padding"), "ECB");
  EXPECT_EQ(spec("RC4"), "RC4");
  EXPECT_EQ(spec("blowfish"), "Blowfish");
  bool Hmac = false;
  EXPECT_EQ(spec("HMAC(MD5)", &Hmac), "MD5");
  EXPECT_TRUE(Hmac);
  EXPECT_EQ(spec("PBKDF2WithHmacSHA1", &Hmac), "");
  EXPECT_EQ(spec("pbkdf2-sha1", &Hmac), "SHA-1");
  EXPECT_TRUE(Hmac);
  // Strong algorithms and words that merely contain a weak name.
  EXPECT_EQ(spec("SHA-256"), "");
  EXPECT_EQ(spec("sha1024"), "");
  EXPECT_EQ(spec("AES-256-GCM"), "");
  EXPECT_EQ(spec("describe"), "");
  EXPECT_EQ(spec("bfs traversal"), "");
}

TEST(CryptoNamesTest, ConstantsOfCryptoApiAndOpenSsl) {
  EXPECT_EQ(algorithmOfAlgId(0x8003), "MD5"); // CALG_MD5
  EXPECT_EQ(algorithmOfAlgId(0x8004), "SHA-1");
  EXPECT_EQ(algorithmOfAlgId(0x6603), "3DES");
  EXPECT_EQ(algorithmOfAlgId(0x800c), ""); // CALG_SHA_256
  EXPECT_EQ(algorithmOfNid(4), "MD5");     // NID_md5
  EXPECT_EQ(algorithmOfNid(64), "SHA-1");  // NID_sha1
  EXPECT_EQ(algorithmOfNid(672), "");      // NID_sha256
}

TEST(CryptoNamesTest, EnumeratorsAndClasses) {
  EXPECT_EQ(algorithmOfEnumerator("::MBEDTLS_MD_MD5"), "MD5");
  EXPECT_EQ(algorithmOfEnumerator("::GCRY_CIPHER_ARCFOUR"), "RC4");
  EXPECT_EQ(algorithmOfEnumerator("::MBEDTLS_CIPHER_DES_EDE3_CBC"), "3DES");
  EXPECT_EQ(algorithmOfEnumerator("::MBEDTLS_CIPHER_AES_128_ECB"), "ECB");
  EXPECT_EQ(algorithmOfEnumerator("::QCryptographicHash::Md5"), "MD5");
  EXPECT_EQ(algorithmOfEnumerator("::QCryptographicHash::Sha256"), "");
  EXPECT_EQ(algorithmOfEnumerator("::MBEDTLS_MD_SHA256"), "");
  EXPECT_EQ(algorithmOfClass("::CryptoPP::Weak1::MD5"), "MD5");
  EXPECT_EQ(algorithmOfClass("::Poco::SHA1Engine"), "SHA-1");
  EXPECT_EQ(algorithmOfClass("::CryptoPP::SHA256"), "");
  EXPECT_TRUE(isHmacTemplate("::CryptoPP::HMAC"));
  EXPECT_FALSE(isHmacTemplate("::CryptoPP::SHA1"));
}

} // namespace

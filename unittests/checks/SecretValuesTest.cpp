// SecretValuesTest.cpp - the text classifiers exitbar-hardcoded-secret
// decides with, without a compiler
// SPDX-License-Identifier: Apache-2.0

#include "utils/SecretValues.h"
#include <gtest/gtest.h>

using namespace clang::tidy::exitbar::utils;

namespace {

TEST(SecretValuesTest, CredentialFormats) {
  EXPECT_EQ(credentialFormat("AKIAIOSFODNN7EXAMPLE"), "AWS access key id");
  // Not at a token boundary, or one character short: not a key id.
  EXPECT_EQ(credentialFormat("xAKIAIOSFODNN7EXAMPLE"), "");
  EXPECT_EQ(credentialFormat("AKIAIOSFODNN7EXAMPL"), "");
  EXPECT_EQ(credentialFormat("ghp_" + std::string(36, 'a')), "GitHub token");
  EXPECT_EQ(credentialFormat("ghp_" + std::string(35, 'a')), "");
  EXPECT_EQ(credentialFormat("sk_live_" + std::string(24, '7')),
            "Stripe secret key");
  EXPECT_EQ(credentialFormat("AIza" + std::string(35, 'Q')), "Google API key");
  EXPECT_EQ(credentialFormat("xoxb-1234567890-abcdef"), "Slack token");
  EXPECT_EQ(credentialFormat("eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0"),
            "JSON web token");
  // A PEM private key needs a body; the header alone is a parser's marker.
  std::string Pem = "-----BEGIN RSA PRIVATE KEY-----\n" + std::string(64, 'A');
  EXPECT_EQ(credentialFormat(Pem), "private key");
  EXPECT_EQ(credentialFormat("-----BEGIN RSA PRIVATE KEY-----"), "");
  EXPECT_EQ(credentialFormat("hello world"), "");
}

TEST(SecretValuesTest, UrlPasswords) {
  EXPECT_EQ(urlPassword("postgres://app:s3cr3t@db.internal/app"), "s3cr3t");
  EXPECT_EQ(urlPassword("url=\"amqp://guest:guest@mq:5672\""), "guest");
  // No password, a template, or a scheme glued to a word: none.
  EXPECT_EQ(urlPassword("https://user@example.org/"), "");
  EXPECT_EQ(urlPassword("mqtt(s)://[username[:password]@]host"), "");
  EXPECT_EQ(urlPassword("id_https://a:b@c"), "");
  EXPECT_EQ(urlPassword("no url here"), "");
}

TEST(SecretValuesTest, KeyValueItems) {
  auto Items = keyValueItems("Server=db;User Id=app;Password=hunter2;");
  ASSERT_EQ(Items.size(), 3U);
  EXPECT_EQ(Items[2].first, "Password");
  EXPECT_EQ(Items[2].second, "hunter2");
  auto Flags = keyValueItems("--token=abc123 --verbose");
  ASSERT_EQ(Flags.size(), 1U);
  EXPECT_EQ(Flags[0].first, "token");
  EXPECT_EQ(Flags[0].second, "abc123");
  // A key glued to other text is no key.
  EXPECT_TRUE(keyValueItems("a+b=c").empty());
}

TEST(SecretValuesTest, GeneratedLooking) {
  EXPECT_TRUE(looksGenerated("0123456789abcdef0123"));
  EXPECT_TRUE(looksGenerated("aB3dE5fG7hJ9"));
  EXPECT_FALSE(looksGenerated("mqttv311"));
  EXPECT_FALSE(looksGenerated("inline"));
  EXPECT_FALSE(looksGenerated("aB3dE5fG7hJ9 with space"));
}

TEST(SecretValuesTest, NotSecretsByShape) {
  EXPECT_TRUE(looksLikePath("/etc/app/password.txt"));
  EXPECT_TRUE(looksLikePath("C:\\keys\\server.pem"));
  EXPECT_TRUE(looksLikePath("client.key"));
  EXPECT_FALSE(looksLikePath("hunter2"));
  EXPECT_TRUE(hasFormatConversion("postgres://app:%s@db/app"));
  EXPECT_TRUE(hasFormatConversion("token={}"));
  EXPECT_FALSE(hasFormatConversion("100%"));
  EXPECT_TRUE(hasFormatConversion("% s")); // printf's space flag
  EXPECT_TRUE(looksLikeCodeName("EVP_DigestSignInit"));
  EXPECT_FALSE(looksLikeCodeName("Hk_9f2_Qz"));
  EXPECT_TRUE(looksLikeWordList("password;passwd;secret"));
  EXPECT_TRUE(looksLikeWordList("token,apikey,bearer"));
  EXPECT_FALSE(looksLikeWordList("alpha;beta"));
  EXPECT_FALSE(looksLikeWordList("x9f;Qz7;k_2"));
  EXPECT_TRUE(onlyChars("****", "*"));
  EXPECT_FALSE(onlyChars("**x*", "*"));
  EXPECT_TRUE(isSpace('\t'));
  EXPECT_FALSE(isSpace('\v'));
}

} // namespace

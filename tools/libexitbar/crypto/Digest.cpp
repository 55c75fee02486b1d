// Digest.cpp - cryptographic digests; with signing, the only code that includes
// OpenSSL
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Digest.h"
#include "exitbar/Error.h"
#include <cstdio>
#include <memory>
#include <openssl/evp.h>
#include <vector>

namespace exitbar {

static std::string digestHex(std::string_view Data, const EVP_MD *Md) {
  unsigned char Digest[EVP_MAX_MD_SIZE];
  unsigned int Length = 0;
  EVP_Digest(Data.data(), Data.size(), Digest, &Length, Md, nullptr);
  static const char *Hex = "0123456789abcdef";
  std::string Out;
  Out.reserve(Length * 2);
  for (unsigned int I = 0; I < Length; ++I) {
    Out += Hex[Digest[I] >> 4];
    Out += Hex[Digest[I] & 0xF];
  }
  return Out;
}

static std::string toHex(const unsigned char *Digest, unsigned int Length) {
  static const char *Hex = "0123456789abcdef";
  std::string Out;
  Out.reserve(Length * 2);
  for (unsigned int I = 0; I < Length; ++I) {
    Out += Hex[Digest[I] >> 4];
    Out += Hex[Digest[I] & 0xF];
  }
  return Out;
}

std::pair<std::string, std::string> fileDigestsHex(const std::string &Path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE *)> File(
      std::fopen(Path.c_str(), "rb"), &std::fclose);
  if (!File)
    throw Error("input.file.unreadable", Path, "", "cannot open");
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX *)> Sha256(EVP_MD_CTX_new(),
                                                             &EVP_MD_CTX_free);
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX *)> Sha1(EVP_MD_CTX_new(),
                                                           &EVP_MD_CTX_free);
  EVP_DigestInit_ex(Sha256.get(), EVP_sha256(), nullptr);
  // SPDX 2.3 requires a SHA1 checksum of every file it lists; the SHA-256
  // beside it is what ExitBar itself relies on.
  // NOLINTNEXTLINE(exitbar-weak-crypto)
  EVP_DigestInit_ex(Sha1.get(), EVP_sha1(), nullptr);
  std::vector<unsigned char> Buffer(1 << 20);
  size_t Got;
  while ((Got = std::fread(Buffer.data(), 1, Buffer.size(), File.get())) > 0) {
    EVP_DigestUpdate(Sha256.get(), Buffer.data(), Got);
    EVP_DigestUpdate(Sha1.get(), Buffer.data(), Got);
  }
  if (std::ferror(File.get()))
    throw Error("input.file.unreadable", Path, "", "read failed");
  unsigned char D256[EVP_MAX_MD_SIZE], D1[EVP_MAX_MD_SIZE];
  unsigned int L256 = 0, L1 = 0;
  EVP_DigestFinal_ex(Sha256.get(), D256, &L256);
  EVP_DigestFinal_ex(Sha1.get(), D1, &L1);
  return {toHex(D256, L256), toHex(D1, L1)};
}

std::string sha1Hex(std::string_view Data) {
  // Identifiers and SPDX's package verification code (a SHA1 by the
  // specification), never a security decision.
  return digestHex(Data, EVP_sha1()); // NOLINT(exitbar-weak-crypto)
}

} // namespace exitbar

// Digest.cpp - cryptographic digests; with signing, the only code that includes OpenSSL
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Digest.h"
#include <openssl/evp.h>

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

std::string sha256Hex(std::string_view Data) {
  return digestHex(Data, EVP_sha256());
}

std::string sha1Hex(std::string_view Data) {
  return digestHex(Data, EVP_sha1());
}

} // namespace exitbar

// Digest.cpp - cryptographic digests; with signing, the only code that includes OpenSSL
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Digest.h"
#include <openssl/evp.h>

namespace exitbar {

std::string sha256Hex(std::string_view Data) {
  unsigned char Digest[EVP_MAX_MD_SIZE];
  unsigned int Length = 0;
  EVP_Digest(Data.data(), Data.size(), Digest, &Length, EVP_sha256(), nullptr);
  static const char *Hex = "0123456789abcdef";
  std::string Out;
  Out.reserve(Length * 2);
  for (unsigned int I = 0; I < Length; ++I) {
    Out += Hex[Digest[I] >> 4];
    Out += Hex[Digest[I] & 0xF];
  }
  return Out;
}

} // namespace exitbar

// signature_fuzzer.cpp - libFuzzer target: signature files (checkSignature)
// SPDX-License-Identifier: Apache-2.0
//
// The input is the signature text: base64, a cosign bundle or a Sigstore
// bundle. exitbar::Error is the expected answer to bad input; any other
// exception, crash or sanitizer report is a bug, so nothing else is caught.

#include "exitbar/Error.h"
#include "exitbar/Signing.h"
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

/// One trusted key of each type, made once: key generation is slow and the
/// keys only need to exist for verification to be attempted.
const exitbar::TrustStore &trust() {
  static const exitbar::TrustStore Trust = [] {
    exitbar::TrustStore T;
    for (auto Type : {exitbar::KeyType::Ed25519, exitbar::KeyType::EcdsaP256})
      T.Trusted.push_back(
          exitbar::parsePrivateKey(exitbar::generatePrivateKeyPem(Type), "fuzz")
              .publicKey());
    return T;
  }();
  return Trust;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string_view Text(reinterpret_cast<const char *>(Data), Size);
  try {
    exitbar::checkSignature("fuzz artifact\n", Text, "fuzz.sig", trust());
  } catch (const exitbar::Error &) {
  }
  return 0;
}

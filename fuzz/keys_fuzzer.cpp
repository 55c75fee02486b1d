// keys_fuzzer.cpp - libFuzzer target: PEM keys (parsePublicKey,
// parsePrivateKey)
// SPDX-License-Identifier: Apache-2.0
//
// exitbar::Error is the expected answer to bad input; any other exception,
// crash or sanitizer report is a bug, so nothing else is caught.

#include "exitbar/Error.h"
#include "exitbar/Signing.h"
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string_view Text(reinterpret_cast<const char *>(Data), Size);
  try {
    exitbar::PublicKey Key = exitbar::parsePublicKey(Text, "fuzz.pub");
    Key.verify("data", "signature");
  } catch (const exitbar::Error &) {
  }
  try {
    exitbar::PrivateKey Key = exitbar::parsePrivateKey(Text, "fuzz.key");
    Key.sign("data");
  } catch (const exitbar::Error &) {
  }
  // base64Decode reads the same kind of text inside signature files.
  exitbar::base64Decode(Text);
  return 0;
}

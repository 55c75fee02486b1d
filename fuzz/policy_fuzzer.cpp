// policy_fuzzer.cpp - libFuzzer target: policy files (parsePolicy, checkPolicy)
// SPDX-License-Identifier: Apache-2.0
//
// exitbar::Error is the expected answer to bad input; any other exception,
// crash or sanitizer report is a bug, so nothing else is caught.

#include "exitbar/Error.h"
#include "exitbar/Policy.h"
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string_view Text(reinterpret_cast<const char *>(Data), Size);
  try {
    exitbar::parsePolicy(Text, "fuzz-policy.json");
  } catch (const exitbar::Error &) {
  }
  // `exitbar policy check` lists every problem instead of stopping at one,
  // which walks different paths; a valid policy must also survive both.
  try {
    exitbar::checkPolicy(Text, "fuzz-policy.json");
  } catch (const exitbar::Error &) {
  }
  return 0;
}

// cyclonedx_fuzzer.cpp - libFuzzer target: CycloneDX JSON SBOMs
// (readCycloneDxComponents)
// SPDX-License-Identifier: Apache-2.0
//
// exitbar::Error is the expected answer to bad input; any other exception,
// crash or sanitizer report is a bug, so nothing else is caught.

#include "exitbar/Error.h"
#include "exitbar/Vulnerabilities.h"
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string_view Text(reinterpret_cast<const char *>(Data), Size);
  try {
    exitbar::readCycloneDxComponents(Text, "fuzz.cdx.json");
  } catch (const exitbar::Error &) {
  }
  return 0;
}

// lcov_fuzzer.cpp - libFuzzer target: LCOV tracefiles (readLcov; also what
// llvm-cov export -format=lcov gives)
// SPDX-License-Identifier: Apache-2.0
//
// exitbar::Error is the expected answer to bad input; any other exception,
// crash or sanitizer report is a bug, so nothing else is caught.

#include "exitbar/Error.h"
#include "formats/lcov/Read.h"
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string_view Text(reinterpret_cast<const char *>(Data), Size);
  try {
    exitbar::formats::readLcov(Text, "fuzz.info");
  } catch (const exitbar::Error &) {
  }
  return 0;
}

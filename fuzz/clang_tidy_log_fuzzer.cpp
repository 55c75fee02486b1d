// clang_tidy_log_fuzzer.cpp - libFuzzer target: clang-tidy logs (readClangTidyLog)
// SPDX-License-Identifier: Apache-2.0
//
// exitbar::Error is the expected answer to bad input; any other exception,
// crash or sanitizer report is a bug, so nothing else is caught.

#include "exitbar/Error.h"
#include "formats/clang-tidy-log/Read.h"
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::istringstream In(std::string(reinterpret_cast<const char *>(Data), Size));
  try {
    exitbar::formats::readClangTidyLog(In);
  } catch (const exitbar::Error &) {
  }
  return 0;
}

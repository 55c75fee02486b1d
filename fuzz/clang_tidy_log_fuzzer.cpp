// clang_tidy_log_fuzzer.cpp - libFuzzer target: clang-tidy logs
// (readClangTidyLog)
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
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  std::istringstream In(Text);
  try {
    exitbar::formats::readClangTidyLog(In);
  } catch (const exitbar::Error &) {
  }
  // Long lines: the input, newlines removed, repeated to one line of at
  // least 64 KB, alone and inside a diagnostic (a std::regex reader once
  // overflowed the stack on a 30 KB line; mutations rarely grow that long).
  std::string Piece;
  for (char C : Text)
    if (C != '\n')
      Piece += C;
  if (Piece.empty())
    return 0;
  std::string Long;
  while (Long.size() < (64U << 10))
    Long += Piece;
  std::istringstream LongIn(Long + "\na.cpp:1:2: warning: " + Long +
                            " [exitbar-x]\n" + Long + " [exitbar-x]\n");
  try {
    exitbar::formats::readClangTidyLog(LongIn);
  } catch (const exitbar::Error &) {
  }
  return 0;
}

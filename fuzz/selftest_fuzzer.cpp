// selftest_fuzzer.cpp - a target with a planted bug, so the fuzz.selftest test
// shows that StandaloneMain finds and keeps crashes
// SPDX-License-Identifier: Apache-2.0
//
// The seed is "CRAS"; the bug needs "CRASH", which only a mutation (an
// inserted byte) makes. The test passes when the smoke run fails and leaves
// the input behind.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size >= 5 && std::memcmp(Data, "CRASH", 5) == 0)
    throw std::runtime_error("planted bug");
  return 0;
}

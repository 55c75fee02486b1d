// google_benchmark_fuzzer.cpp - libFuzzer target: Google Benchmark JSON and
// baselines
// SPDX-License-Identifier: Apache-2.0
//
// exitbar::Error is the expected answer to bad input; any other exception,
// crash or sanitizer report is a bug, so nothing else is caught.

#include "exitbar/Benchmarks.h"
#include "exitbar/Error.h"
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string_view Text(reinterpret_cast<const char *>(Data), Size);
  try {
    auto Results = exitbar::readGoogleBenchmark(Text, "fuzz-bench.json");
    // Results feed the comparison and the baseline writer; both must cope
    // with whatever the reader accepted (NaN, 0, huge times).
    exitbar::compareBenchmarks(Results, std::nullopt, "cpu", "");
    exitbar::benchmarkBaselineToJson(Results);
  } catch (const exitbar::Error &) {
  }
  try {
    exitbar::parseBenchmarkBaseline(Text, "fuzz-baseline.json");
  } catch (const exitbar::Error &) {
  }
  return 0;
}

#!/usr/bin/env bash
# readers.sh - Google Benchmark microbenchmarks of the coverage and test readers (benchmarks/)
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/bench/readers.sh [google-benchmark flags...]
#   e.g. scripts/bench/readers.sh --benchmark_filter=Lcov --benchmark_repetitions=3
#
# Builds ExitBar's library and benchmarks/ in Release (build-bench, no plugin,
# no tests) and runs them. Results, with the machine and date, go to
# docs/performance.md ("Readers"). JSON for `exitbar collect benchmarks`
# is kept in build-bench/readers.json.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=build-bench
if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DEXITBAR_BUILD_CHECKS=OFF \
    -DEXITBAR_BUILD_TESTS=OFF -DEXITBAR_BUILD_BENCHMARKS=ON >/dev/null
fi
cmake --build "$build" -j2 --target exitbar_benchmarks
"$build/benchmarks/exitbar_benchmarks" --benchmark_out="$build/readers.json" \
  --benchmark_out_format=json "$@"

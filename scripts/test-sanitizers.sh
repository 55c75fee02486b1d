#!/usr/bin/env bash
# test-sanitizers.sh - builds ExitBar with ASan + UBSan and runs the unit tests and the cli/formats lit suites
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/test-sanitizers.sh [--jobs N]        (default: 2)
#
# Uses the asan-ubsan preset of CMakePresets.json (build folder build-asan).
# The clang-tidy plugin is not built there: an unsanitized clang-tidy cannot
# load a sanitized plugin, so the checks suite, and the lit tests that need
# the plugin (REQUIRES: exitbar-checks), are left to scripts/test.sh.
# Set CC/CXX to choose the compiler (gcc and clang both work).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --jobs) jobs="$2"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "test-sanitizers.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

# Leaks count as failures; the first UB report stops the program with a trace.
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

start=$(date +%s)
cmake --preset asan-ubsan
cmake --build --preset asan-ubsan -j "$jobs"
# Unit tests and the lit suites that need neither the plugin nor consumer
# projects built with the sanitized package.
ctest --preset asan-ubsan -j "$jobs"
echo "test-sanitizers.sh: passed in $(( $(date +%s) - start )) s"

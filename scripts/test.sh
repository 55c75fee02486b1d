#!/usr/bin/env bash
# test.sh - builds ExitBar with ASan + UBSan + coverage, runs the whole suite (fuzz smoke runs included), and gates ExitBar on its own policy
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/test.sh [build-folder]     (default: build-ci)
#
# What CI runs (.ci/run). Four stages, each failing the run:
#   1. the `ci` preset of CMakePresets.json: every target but the clang-tidy
#      plugin sanitized (ASan + UBSan, leaks included), all of it
#      instrumented for gcov;
#   2. the whole ctest suite on that build, its results kept as JUnit: unit
#      tests, the lit suites (checks, cli, formats, cmake, examples, docs)
#      and a 4-second smoke run of every fuzz target (fuzz/StandaloneMain.cpp;
#      the libFuzzer runs are scripts/fuzz);
#   3. scripts/dogfood.sh: ExitBar's coverage, its checks on its own code,
#      its SBOM and readiness through `exitbar gate` with .exitbar/policy.json;
#      anything but GO fails;
#   4. with CI=true only (it installs into /usr): scripts/install-package.sh,
#      the Debian package installed with apt-get, both examples built
#      against it and gated, then removed.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build-ci}"
start=$SECONDS
stage() { echo "test.sh: $1 ($((SECONDS - start)) s)"; }

scripts/setup.sh --test
# Independent validators for SARIF, CycloneDX, SPDX (npm registry).
mkdir -p "$build/validators"
cp lit-tests/validators/package.json "$build/validators/"
if ! cmp -s lit-tests/validators/package.json "$build/validators/.installed" 2>/dev/null; then
  (cd "$build/validators" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
  chmod u+x "$build"/validators/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool 2>/dev/null || true
  cp lit-tests/validators/package.json "$build/validators/.installed"
fi

stage "1/4 build (preset ci: ASan + UBSan + coverage)"
cmake --preset ci -B "$build" >/dev/null
cmake --build "$build" -j2
# Counters of an earlier run would inflate this run's coverage.
find "$build" -name '*.gcda' -delete

stage "2/4 the whole test suite (fuzz smoke runs included)"
# Leaks count as failures; the first UB report stops the program with a trace.
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
mkdir -p "$build/exitbar"
ctest --test-dir "$build" -j2 --output-on-failure --output-junit "$(realpath "$build")/exitbar/ctest-junit.xml"

stage "3/4 ExitBar's own gate"
scripts/dogfood.sh "$build"
# Installing changes the machine: on CI's throwaway machine only.
if [[ ${CI:-} == true ]]; then
  stage "4/4 the Debian package, installed for real"
  scripts/install-package.sh "$build"
else
  stage "4/4 skipped: installing the Debian package needs CI=true (it changes the machine)"
fi
stage "passed"

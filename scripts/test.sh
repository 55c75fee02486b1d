#!/usr/bin/env bash
# test.sh - builds ExitBar and runs its whole test suite (unit, lit, CMake consumers, examples)
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/test.sh [build-folder]     (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"

scripts/setup.sh --test
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j2
ctest --test-dir "$build" -j2 --output-on-failure

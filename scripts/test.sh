#!/usr/bin/env bash
# test.sh - builds ExitBar and runs its whole test suite (unit, lit, CMake consumers, examples)
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/test.sh [build-folder]     (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"

scripts/setup.sh --test
# Independent validators for SARIF, CycloneDX, SPDX (npm registry).
mkdir -p "$build/validators"
cp lit-tests/validators/package.json "$build/validators/"
if ! cmp -s lit-tests/validators/package.json "$build/validators/.installed" 2>/dev/null; then
  (cd "$build/validators" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
  chmod u+x "$build"/validators/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool 2>/dev/null || true
  cp lit-tests/validators/package.json "$build/validators/.installed"
fi
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j2
ctest --test-dir "$build" -j2 --output-on-failure

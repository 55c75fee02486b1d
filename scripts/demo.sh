#!/usr/bin/env bash
# demo.sh - builds ExitBar, builds both example projects with it and prints their verdicts
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/demo.sh     (reports land in build/examples/<example>/exitbar/)
set -uo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

scripts/setup.sh
# The README's Quick Start build, as a user makes it: no build type, so
# LLVM's assertions are live in the plugin and a check that misuses a source
# location aborts here instead of passing silently.
cmake -S . -B build -G Ninja -DEXITBAR_BUILD_TESTS=OFF >/dev/null || exit 2
cmake --build build -j2 || exit 2

status=0
for example in fails-every-bar passes; do
  out="build/examples/$example"
  echo
  echo "=== examples/$example ==="
  cmake -S "examples/$example" -B "$out" -G Ninja -DExitBar_DIR="$root/build" >/dev/null || exit 2
  echo "--- build (exitbar-* diagnostics appear in the compiler output) ---"
  cmake --build "$out" -j2 2>&1 | grep -E "warning: .*\[exitbar-" || echo "(no exitbar-* diagnostics)"
  echo "--- gate ---"
  cmake --build "$out" --target exitbar 2>&1 | grep -vE "^\[|^FAILED|^ninja|^cd |CMake Error|^  |^$|Call Stack"
  echo "reports: $out/exitbar/report.html (HTML), report.md, verdict.json, exitbar.sarif"
done
exit $status

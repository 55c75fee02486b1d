#!/usr/bin/env bash
# check-format.sh - fails when a C++ source of ExitBar is not formatted as .clang-format says
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/check-format.sh [clang-format]   (default: clang-format-14)
#
# Also fails on a file whose licence line is not a line of its own.
#
# Runs under ctest (`format`). Every tracked .cpp and .h of the tool, the
# checks, the tests, the benchmarks and the fuzz targets; not the lit
# tests' inputs (their CHECK lines must stay whole lines), the examples
# (sample projects written as their authors would) or the precision
# scripts' Windows mock headers. To fix: clang-format-14 -i <file>, or
# `git clang-format-14` on a change.
set -euo pipefail
cd "$(dirname "$0")/.."
format=${1:-clang-format-14}
mapfile -t files < <(git ls-files '*.cpp' '*.h' |
  grep -v -e '^lit-tests/' -e '^examples/' -e '^scripts/precision/winmock/')
bad=()
for f in "${files[@]}"; do
  "$format" --dry-run --Werror "$f" > /dev/null 2>&1 || bad+=("$f")
  # The licence line stands alone near the top: a reflowed first comment
  # once swallowed it into a sentence ("... by whom SPDX-License-...").
  head -n 5 "$f" | grep -qE '^(//| \*|/\*) SPDX-License-Identifier: Apache-2.0( \*/)?$' ||
    bad+=("$f (its first 5 lines have no line of its own '// SPDX-License-Identifier: Apache-2.0')")
done
if ((${#bad[@]})); then
  echo "check-format: ${#bad[@]} of ${#files[@]} files are not formatted (clang-format-14 -i FILE):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted as .clang-format says"

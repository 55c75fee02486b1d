#!/usr/bin/env bash
# coverage.sh - exitbar collect coverage against lcov, gcovr and bare gcov on one build tree, in one run
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/bench/coverage.sh <build-folder-with-gcda> <source-folder>
#
# All four read the same .gcno/.gcda files:
#   gcov     bare batched gcov --json-format --stdout (the floor)
#   exitbar  exitbar collect coverage
#   lcov     lcov --capture --initial + --capture, merged, --extract
#   gcovr    gcovr --json (skipped when it fails, as gcovr 5.2 does on some trees)
set -uo pipefail
build="$(cd "$1" && pwd)"; src="$(cd "$2" && pwd)"
here="$(cd "$(dirname "$0")/../.." && pwd)"
exitbar="${EXITBAR:-$here/build/bin/exitbar}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

clock() { date +%s.%N; }
run() { # <name> <command...>
  local start end; start=$(clock)
  if "${@:2}" >"$tmp/$1.out" 2>&1; then end=$(clock); echo "$end - $start" | bc
  else echo "failed"; fi
}

mapfile -t notes < <(find "$build" -name '*.gcno' -not -path '*CompilerId*')
echo "machine: $(nproc) cores; $(date -u +%Y-%m-%d); ${#notes[@]} .gcno files"
t_gcov=$(run gcov sh -c "cd '$tmp' && printf '%s\n' ${notes[*]@Q} | xargs -P $(nproc) -n 32 gcov --json-format --stdout --branch-probabilities")
t_exitbar=$(run exitbar "$exitbar" collect coverage --build-dir "$build" --source-dir "$src" -o "$tmp/cov.json")
t_lcov=$(run lcov sh -c "lcov -q --capture --initial -d '$build' -o '$tmp/b.info' && lcov -q --capture -d '$build' -o '$tmp/r.info' && lcov -q -a '$tmp/b.info' -a '$tmp/r.info' -o '$tmp/t.info' && lcov -q --extract '$tmp/t.info' '$src/*' -o '$tmp/f.info'")
t_gcovr=$(run gcovr gcovr -r "$src" "$build" --json -o "$tmp/gcovr.json")
for n in gcov exitbar lcov gcovr; do
  v="t_$n"; printf "%-8s %s s\n" "$n" "${!v}"
done
if [[ "$t_lcov" != failed && "$t_exitbar" != failed ]]; then
  printf "lcov / exitbar    %.1fx\n" "$(echo "$t_lcov / $t_exitbar" | bc -l)"
fi
if [[ "$t_gcov" != failed && "$t_exitbar" != failed ]]; then
  printf "exitbar / gcov    %.2fx\n" "$(echo "$t_exitbar / $t_gcov" | bc -l)"
fi

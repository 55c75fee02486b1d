#!/usr/bin/env bash
# in-compile.sh - a Clang build with ExitBar's checks inside the compile against the same build with them in clang-tidy
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/bench/in-compile.sh PROJECT-SOURCE [exitbar-build] [-- CMAKE-ARGS...]
#
# Builds PROJECT-SOURCE with clang-14/clang++-14 (e.g. fmt 11.1.4 with its
# tests: `scripts/bench/in-compile.sh ~/fmt build -- -DFMT_TEST=ON`) three
# ways from clean with Ninja -j2, back to back so that load from other
# processes falls on all of them alike:
#   plain      the project as it is
#   in-compile exitbar_enable(ALL) (injected through CMAKE_PROJECT_INCLUDE,
#              the project is not edited): the checks run inside each
#              compile, `exitbar compile` with the compile plugin
#   clang-tidy the same with -DEXITBAR_IN_COMPILE=OFF and no findings
#              cache: a second parse per translation unit, what a GCC build
#              without a cache pays
# EXITBAR_BENCH_REPEAT rounds of the three (default 1), `ninja clean`
# between them, and prints the median wall and CPU (user + sys, children
# included) per way, each ratio to plain, and whether the two ExitBar
# builds found the same.
set -euo pipefail
bench=in-compile
source "$(dirname "$0")/project-builds.sh"
clang=(-DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14)
exitbar=(-DExitBar_DIR="$exitbar_build" -DCMAKE_PROJECT_INCLUDE="$work/enable-exitbar.cmake")

cmake -S "$project" -B "$work/plain" -G Ninja "${clang[@]}" "${cmake_args[@]}" > /dev/null
cmake -S "$project" -B "$work/in-compile" -G Ninja "${clang[@]}" "${cmake_args[@]}" "${exitbar[@]}" > /dev/null
grep -q ' compile --plugin=' "$work/in-compile/CMakeFiles/rules.ninja" ||
  { echo "in-compile.sh: exitbar_enable did not choose the compile plugin" >&2; exit 1; }
cmake -S "$project" -B "$work/clang-tidy" -G Ninja "${clang[@]}" "${cmake_args[@]}" "${exitbar[@]}" \
  -DEXITBAR_IN_COMPILE=OFF > /dev/null
exec 3> "$work/results"
for round in $(seq "${EXITBAR_BENCH_REPEAT:-1}"); do
  for way in plain in-compile clang-tidy; do
    [[ $round == 1 ]] || cmake --build "$work/$way" --target clean > /dev/null
    measure "$way" "$work/$way" cmake --build "$work/$way" -j2
  done
done
exec 3>&-

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%Y-%m-%d); $(basename "$project"); compiler: clang++-14"
report_ratios "$work/results"
# The same findings both ways: the fragments' findings, by unit.
for mode in in-compile clang-tidy; do
  "$exitbar_build/bin/exitbar" collect findings --build-dir "$work/$mode" \
    --source-dir "$project" -o "$work/$mode.json" > /dev/null
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["findings"]), d["translation_units"], len(d["analysis_errors"]), json.dumps(sorted(f["fingerprint"] for f in d["findings"])))' "$work/$mode.json" > "$work/$mode.summary"
done
read -r n units errors _ < "$work/in-compile.summary"
if cmp -s "$work/in-compile.summary" "$work/clang-tidy.summary"; then
  echo "findings: the same both ways ($n findings, $units units, $errors analysis errors)"
else
  echo "findings differ: in-compile $(cut -d' ' -f1-3 "$work/in-compile.summary"), clang-tidy $(cut -d' ' -f1-3 "$work/clang-tidy.summary")"
fi

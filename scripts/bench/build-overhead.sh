#!/usr/bin/env bash
# build-overhead.sh - what exitbar_enable(ALL) adds to a real project's build, cold and with a warm findings cache
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/bench/build-overhead.sh PROJECT-SOURCE [exitbar-build] [-- CMAKE-ARGS...]
#
# Builds PROJECT-SOURCE (issue 18 measured fmt 11.1.4 with its tests:
# `scripts/bench/build-overhead.sh ~/fmt build -- -DFMT_TEST=ON`) four times
# from clean with Ninja -j2, back to back so that load from other processes
# falls on all of them alike:
#   plain   the project as it is
#   exitbar the same with ExitBar turned on (exitbar_enable(ALL), injected
#           through CMAKE_PROJECT_INCLUDE, so the project is not edited) and
#           an empty findings cache: what a first CI run pays
#   warm    `ninja clean` and the same build again: the findings cache
#           replays every translation unit's analysis (a rebuild after
#           `git switch` back, or a CI run that restored the cache)
#   nocache the exitbar build again without a cache, to show the cold run
#           was not helped by anything else
# and prints wall and CPU (user + sys, children included) per build and
# each ratio to plain. Then, unless EXITBAR_BENCH_CLANG=0, the same project
# with Clang 14 plain, with the checks inside the compile and with them in
# clang-tidy (scripts/bench/in-compile.sh); then all of it again for the
# synthetic project of scale.sh (EXITBAR_BENCH_SCALE units, default 80, 0
# for none). The ExitBar gate itself is not part of any build. CMAKE-ARGS
# must not choose the compiler. EXITBAR_BENCH_REPEAT repeats the Clang
# builds and reports medians (scripts/bench/in-compile.sh); the GCC builds
# run once, as the cache states depend on their order.
set -euo pipefail
bench=build-overhead
source "$(dirname "$0")/project-builds.sh"
exec 3> "$work/results"
cmake -S "$project" -B "$work/plain" -G Ninja "${cmake_args[@]}" > /dev/null
measure plain "$work/plain" cmake --build "$work/plain" -j2

cmake -S "$project" -B "$work/exitbar" -G Ninja "${cmake_args[@]}" -DExitBar_DIR="$exitbar_build" \
  -DCMAKE_PROJECT_INCLUDE="$work/enable-exitbar.cmake" \
  -DEXITBAR_CACHE_DIR="$work/cache" > /dev/null
measure exitbar "$work/exitbar" cmake --build "$work/exitbar" -j2
cmake --build "$work/exitbar" --target clean > /dev/null
stats="$work/exitbar/exitbar/fragments/tidy-cache-stats.txt"
rm -f "$stats"
measure warm "$work/exitbar" cmake --build "$work/exitbar" -j2

cmake -S "$project" -B "$work/nocache" -G Ninja "${cmake_args[@]}" -DExitBar_DIR="$exitbar_build" \
  -DCMAKE_PROJECT_INCLUDE="$work/enable-exitbar.cmake" > /dev/null
measure nocache "$work/nocache" cmake --build "$work/nocache" -j2
exec 3>&-

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%Y-%m-%d); $(basename "$project"); compiler: $(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$work/plain/CMakeCache.txt")"
report_ratios "$work/results"
echo "warm build's findings cache: $(grep -c 'hit' "$stats" || true) hits, $(grep -vc 'hit' "$stats" || true) other outcomes"

# Clang: the checks inside the compile against plain Clang and against the
# checks in clang-tidy (scripts/bench/in-compile.sh), in the same run.
if [[ ${EXITBAR_BENCH_CLANG:-1} != 0 ]] && command -v clang++-14 > /dev/null; then
  echo
  scripts/bench/in-compile.sh "$project" "$exitbar_build" -- "${cmake_args[@]}"
fi

# The synthetic project of scale.sh (EXITBAR_BENCH_SCALE units, default 80;
# 0: none), measured the same way.
scale=${EXITBAR_BENCH_SCALE:-80}
if [[ $scale != 0 ]]; then
  echo
  echo "synthetic project, $scale translation units (scripts/bench/scale-project.sh):"
  here=$PWD
  source scripts/bench/scale-project.sh
  generate "$work/scale-$scale" "$scale"
  EXITBAR_BENCH_SCALE=0 "$here/scripts/bench/build-overhead.sh" "$work/scale-$scale" \
    "$exitbar_build" -- -DWITH_EXITBAR=OFF
fi

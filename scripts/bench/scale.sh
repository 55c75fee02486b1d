#!/usr/bin/env bash
# scale.sh - how ExitBar's cost grows with the project: synthetic projects of
# N translation units in N/8 library targets, built without ExitBar, built
# with exitbar_enable (the checks run on every translation unit), then the
# gate (tests, coverage, findings, readiness, signatures, SBOM, verdict).
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/bench/scale.sh [N...]     (default: 8 80 800, i.e. the
# failing example's 8 translation units, 10x and 100x)
# Needs a built ExitBar in build/. Prints one table row per size.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(8 80 800)
tmp="$(mktemp -d)"; trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT

generate() { # generate DIR N
  local dir="$1" n="$2" targets=$(( ($2 + 7) / 8 ))
  mkdir -p "$dir/src" "$dir/tests"
  {
    echo 'cmake_minimum_required(VERSION 3.25)'
    echo 'project(scale VERSION 1.0.0 LANGUAGES CXX)'
    echo 'option(WITH_EXITBAR "" ON)'
    echo 'if(WITH_EXITBAR)'
    echo '  find_package(ExitBar REQUIRED)'
    echo '  exitbar_enable(ALL COVERAGE SBOM_SUPPLIER "bench")'
    echo 'endif()'
    echo 'enable_testing()'
    for t in $(seq 0 $((targets - 1))); do
      printf 'add_library(lib%d STATIC' "$t"
      for i in $(seq $((t * 8)) $((t * 8 + 7))); do
        [ "$i" -lt "$n" ] && printf ' src/u%d.cpp' "$i"
      done
      echo ')'
    done
    echo 'add_executable(scale_test tests/test.cpp)'
    echo 'target_link_libraries(scale_test PRIVATE lib0)'
    echo 'add_test(NAME scale COMMAND scale_test)'
  } > "$dir/CMakeLists.txt"
  for i in $(seq 0 $((n - 1))); do
    # Ordinary code with the usual headers, and one finding in every tenth
    # translation unit.
    cat > "$dir/src/u$i.cpp" <<CPP
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>
int u${i}_sum(const std::vector<int> &v) { int s = 0; for (int x : v) s += x; return s; }
std::string u${i}_join(const std::vector<std::string> &p) {
  std::string out;
  for (const auto &s : p) out += s + ",";
  return out;
}
std::map<std::string, int> u${i}_count(const std::vector<std::string> &w) {
  std::map<std::string, int> m;
  for (const auto &s : w) ++m[s];
  return m;
}
void u${i}_copy(char *dst, const char *src, std::size_t n) {
$( [ $((i % 10)) -eq 0 ] && echo '  std::strcpy(dst, src); (void)n;' || echo '  std::snprintf(dst, n, "%s", src);' )
}
CPP
  done
  printf '#include <vector>\nint u0_sum(const std::vector<int> &v);\nint main() { return u0_sum({1, 2}) == 3 ? 0 : 1; }\n' > "$dir/tests/test.cpp"
}

seconds() { local s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; echo "$(date +%s.%N) - $s" | bc; }

echo "machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
printf '| TUs | targets | build without ExitBar | build with checks | ratio | gate (collect + verdict) | of which SBOM |\n|---|---|---|---|---|---|---|\n'
for n in "${sizes[@]}"; do
  d="$tmp/p$n"; generate "$d" "$n"
  cmake -S "$d" -B "$d/bare" -G Ninja -DWITH_EXITBAR=OFF >/dev/null
  bare=$(seconds cmake --build "$d/bare" -j2)
  cmake -S "$d" -B "$d/eb" -G Ninja -DExitBar_DIR="$here/build" >/dev/null
  checks=$(seconds cmake --build "$d/eb" -j2)
  gate=$(seconds cmake --build "$d/eb" --target exitbar)
  sbom=$(seconds "$here/build/bin/exitbar" collect sbom --build-dir "$d/eb" --no-refresh -o "$tmp/sbom.json")
  printf '| %d | %d | %.1f s | %.1f s | %.2fx | %.1f s | %.2f s |\n' "$n" $(( (n + 7) / 8 )) \
    "$bare" "$checks" "$(echo "$checks / $bare" | bc -l)" "$gate" "$sbom"
done

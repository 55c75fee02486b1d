#!/usr/bin/env bash
# parallel-builds.sh - builds examples/fails-every-bar with -jN, R times from
# clean, and interrupts R builds part-way; the findings evidence must be the
# same every time (no lost, duplicated or half-written fragment).
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/reliability/parallel-builds.sh [runs=10] [jobs=8]
# Needs a built ExitBar in build/ (scripts/test.sh or cmake --build build).
set -euo pipefail
runs="${1:-10}"
jobs="${2:-8}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
exitbar="$here/build/bin/exitbar"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

cmake -S "$here/examples/fails-every-bar" -B "$tmp/b" -G Ninja \
  -DExitBar_DIR="$here/build" >/dev/null

findings_digest() {
  "$exitbar" collect findings --build-dir "$tmp/b" -o "$tmp/findings.json" >/dev/null
  echo "$(sha256sum "$tmp/findings.json" | cut -c1-16) ($(grep -c '"check":' "$tmp/findings.json") findings)"
}

# From clean: the build's outputs and every findings fragment go, so each
# build must write all fragments again.
clean() {
  cmake --build "$tmp/b" --target clean >/dev/null
  rm -rf "$tmp/b/exitbar/fragments"
}

echo "machine: $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ); $runs runs, -j$jobs"
declare -A seen
for i in $(seq 1 "$runs"); do
  clean
  start=$(date +%s.%N)
  cmake --build "$tmp/b" -j"$jobs" >/dev/null 2>&1
  d=$(findings_digest)
  seen[$d]=$(( ${seen[$d]:-0} + 1 ))
  printf 'clean build %2d: %.1f s  findings %s\n' "$i" "$(echo "$(date +%s.%N) - $start" | bc)" "$d"
done

# Interrupted builds: kill the build after a random part of its run, then
# finish it; the fragments the killed compilations left must not count.
for i in $(seq 1 "$runs"); do
  clean
  delay=$(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.1f", 0.5 + rand() * 3 }')
  timeout -s INT "$delay" cmake --build "$tmp/b" -j"$jobs" >/dev/null 2>&1 || true
  cmake --build "$tmp/b" -j"$jobs" >/dev/null 2>&1
  d=$(findings_digest)
  seen[$d]=$(( ${seen[$d]:-0} + 1 ))
  printf 'interrupted after %s s, then finished %2d: findings %s\n' "$delay" "$i" "$d"
done

if [ "${#seen[@]}" -ne 1 ]; then
  echo "FAIL: ${#seen[@]} different findings evidence files" >&2
  exit 1
fi
echo "OK: identical findings evidence in all $((2 * runs)) builds"

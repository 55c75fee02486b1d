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

# generate DIR N: the synthetic project (scale-project.sh).
source "$here/scripts/bench/scale-project.sh"

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

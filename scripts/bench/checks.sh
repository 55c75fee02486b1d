#!/usr/bin/env bash
# checks.sh - what the exitbar-* suite adds to a clang-tidy run, as a ratio in one run
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/bench/checks.sh [build-folder] [max-translation-units]
#
# Runs clang-tidy over the same real translation units (ExitBar's own
# library, from the build's compile_commands.json: nlohmann/json, fmt and the
# standard library make them realistically heavy) with four check sets:
#   bare     -*,misc-misplaced-const       (a near-empty set: the parse alone)
#   exitbar  -*,exitbar-*                  (ExitBar's whole suite)
#   linked   -*,exitbar-* writing the taint summaries `exitbar tidy` asks
#            for (EXITBAR_TAINT_SUMMARIES), as a build with ExitBar does
#   peers    -*,bugprone-*,cert-*          (what teams run instead)
# and prints each total and the ratios to bare.
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build}"
max="${2:-12}"
plugin="$build/bin/libExitBarChecks.so"
tidy="$(grep -m1 '^EXITBAR_CLANG_TIDY:' "$build/CMakeCache.txt" | cut -d= -f2)"
db="$build/compile_commands.json"
[[ -f "$plugin" && -x "$tidy" && -f "$db" ]] || { echo "build ExitBar first ($build)"; exit 2; }

mapfile -t files < <(python3 -c "
import json, sys
entries = [e['file'] for e in json.load(open('$db')) if '/tools/libexitbar/' in e['file']]
print('\n'.join(sorted(set(entries))[:$max]))")

# Each file is run with every check set back to back, so load from other
# processes falls on all sets alike and the ratios stay meaningful.
summaries=$(mktemp)
trap 'rm -f "$summaries"' EXIT
tidy_once() { # <checks> <file> [summaries file]: seconds
  local start end
  start=$(date +%s.%N)
  EXITBAR_TAINT_SUMMARIES="${3:-}" "$tidy" --load="$plugin" -p "$build" --quiet --checks="$1" "$2" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%Y-%m-%d); ${#files[@]} translation units"
bare=0 exitbar=0 linked=0 peers=0
for f in "${files[@]}"; do
  bare=$(echo "$bare + $(tidy_once '-*,misc-misplaced-const' "$f")" | bc)
  exitbar=$(echo "$exitbar + $(tidy_once '-*,exitbar-*' "$f")" | bc)
  linked=$(echo "$linked + $(tidy_once '-*,exitbar-*' "$f" "$summaries")" | bc)
  peers=$(echo "$peers + $(tidy_once '-*,bugprone-*,cert-*' "$f")" | bc)
done
printf "bare     %7.2f s\n" "$bare"
printf "exitbar  %7.2f s  ratio %.3f  (+%.1f %%)\n" "$exitbar" "$(echo "$exitbar / $bare" | bc -l)" "$(echo "($exitbar / $bare - 1) * 100" | bc -l)"
printf "linked   %7.2f s  ratio %.3f  (+%.1f %%)\n" "$linked" "$(echo "$linked / $bare" | bc -l)" "$(echo "($linked / $bare - 1) * 100" | bc -l)"
printf "peers    %7.2f s  ratio %.3f  (+%.1f %%)\n" "$peers" "$(echo "$peers / $bare" | bc -l)" "$(echo "($peers / $bare - 1) * 100" | bc -l)"

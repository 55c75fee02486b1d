#!/usr/bin/env bash
# analysis-pool.sh - whether the analysis of a GCC build delays its links less in Ninja edges and a job pool of its own
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/bench/analysis-pool.sh PROJECT-SOURCE [exitbar-build] [-- CMAKE-ARGS...]
#
# Issue 18 asked whether, with Ninja, analysis jobs can stay out of the way
# of links and tests. With GCC, exitbar_enable() runs the checks through
# <LANG>_CLANG_TIDY, which CMake runs inside each compile edge (`cmake -E
# __run_co_compile`): an object, and every link waiting for it, waits for
# its unit's analysis. This script builds PROJECT-SOURCE with GCC, Ninja
# -j2, no findings cache, five ways, EXITBAR_BENCH_REPEAT rounds (default
# 1), `ninja clean` between them:
#   plain     the project alone
#   inline    exitbar_enable(ALL) as it is: analysis inside the compile edges
#   separate  the plain build plus one analysis edge per unit (the same
#             `exitbar tidy` command), in a Ninja file that includes the
#             project's: Ninja 1.11 starts ready edges in the order the file
#             declares them, so compiles and links come first
#   pool-1    the same with the analysis edges in a Ninja pool of depth 1
#   deferred  -DEXITBAR_DEFER_ANALYSIS=ON: each compile records its unit's
#             analysis, and the build step exitbar_analysis runs them all
#             after the links (what ExitBar ships)
# and prints, per way, the median wall and CPU time of the whole build and
# the time until its last link ended (from .ninja_log): what a developer
# waits for before the tests can run. ExitBar's gate needs every analysis,
# so the whole build is what CI waits for.
set -euo pipefail
bench=analysis-pool
source "$(dirname "$0")/project-builds.sh"
gcc=(-DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++)
exitbar=(-DExitBar_DIR="$exitbar_build" -DCMAKE_PROJECT_INCLUDE="$work/enable-exitbar.cmake")

cmake -S "$project" -B "$work/plain" -G Ninja "${gcc[@]}" "${cmake_args[@]}" > /dev/null
cmake -S "$project" -B "$work/inline" -G Ninja "${gcc[@]}" "${cmake_args[@]}" "${exitbar[@]}" > /dev/null
cmake -S "$project" -B "$work/deferred" -G Ninja "${gcc[@]}" "${cmake_args[@]}" "${exitbar[@]}" \
  -DEXITBAR_DEFER_ANALYSIS=ON > /dev/null
for way in separate pool-1; do
  cmake -S "$project" -B "$work/$way" -G Ninja "${gcc[@]}" "${cmake_args[@]}" \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON > /dev/null
  # One analysis edge per unit of compile_commands.json, with the command
  # exitbar_enable() gives CMake's co-compile in the inline build.
  python3 - "$work/inline/CMakeFiles/rules.ninja" "$work/$way" "$way" <<'PY'
import json, re, shlex, sys
rules, build, way = sys.argv[1:]
tidy = re.search(r'__run_co_compile --tidy="([^"]*)"', open(rules).read()).group(1)
tidy = [a.replace("/inline/exitbar/fragments", "/%s/exitbar/fragments" % way)
        for a in tidy.split(";")]
out = ["include build.ninja",
       "pool exitbar_analysis", "  depth = %d" % (1 if way == "pool-1" else 2),
       "rule exitbar_analyse", "  command = $cmd", "  pool = exitbar_analysis",
       "  description = Analysing $in"]
names = []
for i, unit in enumerate(json.load(open(build + "/compile_commands.json"))):
    command = shlex.split(unit["command"])
    cmd = " ".join(shlex.quote(a) for a in tidy + [unit["file"], "--"] + command)
    names.append("exitbar-analysis/%d.done" % i)
    out += ["build %s: exitbar_analyse %s" % (names[-1], unit["file"]),
            "  cmd = cd %s && %s && mkdir -p exitbar-analysis && touch %s"
            % (shlex.quote(unit["directory"]), cmd, names[-1])]
out += ["build exitbar-analysis-all: phony " + " ".join(names),
        "build everything: phony all exitbar-analysis-all", ""]
open(build + "/separate.ninja", "w").write("\n".join(out))
PY
done

exec 3> "$work/results"
for round in $(seq "${EXITBAR_BENCH_REPEAT:-1}"); do
  for way in plain inline separate pool-1 deferred; do
    if [[ $round != 1 ]]; then
      cmake --build "$work/$way" --target clean > /dev/null
      rm -rf "$work/$way/exitbar-analysis"
    fi
    rm -f "$work/$way/.ninja_log"
    case $way in
      separate|pool-1) measure "$way" "$work/$way" ninja -C "$work/$way" -f separate.ninja -j2 everything ;;
      *) measure "$way" "$work/$way" ninja -C "$work/$way" -j2 ;;
    esac
    # When the last link (an edge whose output is not an object or an
    # analysis stamp) ended, in seconds from the build's start.
    links=$(awk 'NR > 1 && $4 !~ /\.o$/ && $4 !~ /exitbar[-_]analysis/ && $2 > m { m = $2 } END { printf "%.1f", m / 1000 }' "$work/$way/.ninja_log")
    echo "$way $links" >> "$work/links"
  done
done
exec 3>&-

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%Y-%m-%d); $(basename "$project"); compiler: g++ $(g++ -dumpversion); ninja $(ninja --version)"
report_ratios "$work/results"
python3 - "$work/links" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
for way in dict.fromkeys(r[0] for r in rows):
    print("%-10s last link ended at %6.1f s (median)" % (
        way, statistics.median(float(r[1]) for r in rows if r[0] == way)))
PY
# Every way analysed every unit alike.
for way in inline separate pool-1 deferred; do
  "$exitbar_build/bin/exitbar" collect findings --build-dir "$work/$way" \
    --source-dir "$project" -o "$work/$way.json" > /dev/null
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["findings"]), d["translation_units"], len(d["analysis_errors"]))' "$work/$way.json"
done | sort | uniq -c | sed 's/^/findings, units, analysis errors (ways agreeing): /'

# project-builds.sh - what build-overhead.sh and in-compile.sh share: their
# arguments, a scratch folder with the file that turns ExitBar on, and the
# timing of one build. Sourced after `set -euo pipefail`, with the script's
# usage on its lines 4-5 and $bench naming it in messages.
# SPDX-License-Identifier: Apache-2.0

# Usage: PROJECT-SOURCE [exitbar-build] [-- CMAKE-ARGS...]; sets project,
# exitbar_build and, from what follows `--`, the array cmake_args.
cd "$(dirname "$0")/../.."
[[ $# -ge 1 ]] || { sed -n 4,5p "$0"; exit 2; }
project=$(realpath "$1"); shift
exitbar_build=build
if [[ $# -ge 1 && $1 != -- ]]; then exitbar_build=$1; shift; fi
[[ ${1:-} == -- ]] && shift
cmake_args=("$@")
exitbar_build=$(realpath "$exitbar_build")
[[ -f $exitbar_build/ExitBarConfig.cmake ]] || { echo "build ExitBar first ($exitbar_build)" >&2; exit 2; }
[[ -f $project/CMakeLists.txt ]] || { echo "$project has no CMakeLists.txt" >&2; exit 2; }

# The scratch folder, and exitbar_enable(ALL) injected with
# CMAKE_PROJECT_INCLUDE, so the project is not edited.
work=$(mktemp -d "${TMPDIR:-/tmp}/exitbar-$bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cat > "$work/enable-exitbar.cmake" <<'CMAKE'
find_package(ExitBar REQUIRED CONFIG)
exitbar_enable(ALL)
CMAKE

# <name> <build-dir> <command...>: one line "name wall cpu" on fd 3.
measure() {
  local name=$1 dir=$2; shift 2
  /usr/bin/time -f "%e %U %S" -o "$work/$name.time" "$@" > "$work/$name.log" 2>&1 ||
    { echo "$bench.sh: the $name build failed; see $work/$name.log" >&2; tail -20 "$work/$name.log" >&2; trap - EXIT; exit 1; }
  read -r wall user sys < "$work/$name.time"
  echo "$name $wall $(echo "$user + $sys" | bc)" >&3
}

# Prints, per build name in the order first measured, the median wall and
# CPU time of its lines in the results file $1 and their ratios to the
# median of the build named "plain". A VM shared with other machines
# varies by 5 to 15 % from one build to the next; medians of alternated
# repetitions (EXITBAR_BENCH_REPEAT) are what the documented ratios use.
report_ratios() {
  python3 - "$1" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
names = list(dict.fromkeys(r[0] for r in rows))
med = {n: (statistics.median(float(r[1]) for r in rows if r[0] == n),
           statistics.median(float(r[2]) for r in rows if r[0] == n),
           sum(1 for r in rows if r[0] == n)) for n in names}
pw, pc, _ = med["plain"]
for n in names:
    w, c, k = med[n]
    print("%-10s wall %7.1f s  ratio %.2f   cpu %7.1f s  ratio %.2f%s"
          % (n, w, w / pw, c, c / pc, "   (median of %d)" % k if k > 1 else ""))
PY
}

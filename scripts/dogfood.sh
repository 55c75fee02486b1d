#!/usr/bin/env bash
# dogfood.sh - ExitBar's own exit bar: runs ExitBar on ExitBar and fails unless the verdict is GO
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/dogfood.sh BUILD
#
# BUILD is a build of the `ci` preset (coverage-instrumented) whose test
# suite has just run with `ctest --output-junit BUILD/exitbar/ctest-junit.xml`;
# scripts/test.sh does both and then calls this. ExitBar cannot
# find_package itself in its own build, so two steps the `exitbar` target
# of a project gets from exitbar_enable() are done here first:
#
#   1. coverage of tools/ and checks/ from the suite's .gcda files (first,
#      before anything below runs instrumented code and adds to the counts);
#   2. the exitbar-* checks and the root .clang-tidy's lint checks over every
#      translation unit of tools/ and checks/, one `exitbar tidy` each, as
#      CMAKE_CXX_CLANG_TIDY would run them;
#   3. `exitbar run`, the pipeline every project's gate runs, with the
#      suite's JUnit results and the coverage of step 1, .exitbar/policy.json
#      and --fail-on conditional.
#
# Reports land in BUILD/exitbar/report (verdict.json, report.md, report.html,
# exitbar.sarif, exitbar-junit.xml). Exit status: the gate's (0 GO, 1 not GO,
# 2 bad input).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -ne 1 || ! -f $1/CMakeCache.txt ]]; then
  echo "usage: scripts/dogfood.sh BUILD (a configured and tested build of the ci preset)" >&2
  exit 2
fi
build=$(realpath "$1")
exe=$build/bin/exitbar
plugin=$build/bin/libExitBarChecks.so
tidy=$(sed -n 's/^EXITBAR_CLANG_TIDY:FILEPATH=//p' "$build/CMakeCache.txt")
version=$(sed -n 's/^set(PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/ExitBarConfigVersion.cmake")
junit=$build/exitbar/ctest-junit.xml
evidence=$build/exitbar/evidence
for f in "$exe" "$plugin" "$tidy" "$junit"; do
  [[ -e $f ]] || { echo "dogfood.sh: $f is missing (build and run ctest first)" >&2; exit 2; }
done
if ! grep -q '^EXITBAR_COVERAGE:BOOL=ON' "$build/CMakeCache.txt"; then
  echo "dogfood.sh: $build is not built with EXITBAR_COVERAGE=ON (use the ci preset)" >&2
  exit 2
fi
rm -rf "$evidence" "$build/exitbar/fragments" "$build/exitbar/report"
mkdir -p "$evidence"
start=$SECONDS

# 1. Coverage of ExitBar's own code, from the object folders of its own
#    targets: the rest of the build tree holds the lit tests' projects, some
#    with deliberately corrupt .gcda files. Tests, fuzz targets and generated
#    files are not what the bar is about. `exitbar run` reads the two parts.
for part in tools checks; do
  "$exe" collect coverage --build-dir "$build/$part" --source-dir . -j 2 \
    --filter 'tools/*' --filter 'checks/*' -o "$build/exitbar/coverage-$part.json"
done

# 2. The checks over every source file of tools/ and checks/, each with one
# compile command. The plugins are unity builds (checks/CMakeLists.txt), so
# the build's compile_commands.json names CMake's generated unity_N_cxx.cxx
# files, not the check sources: each source a unity file includes gets that
# file's command in a database of its own, and the checks still analyse
# every source by itself. The first command for a source wins: the main
# plugin's, which CMake lists before the other LLVM majors'. The lint checks
# come from the root .clang-tidy, which clang-tidy finds beside the sources;
# --checks adds exitbar-* to them, so one parse serves both.
mkdir -p "$build/exitbar/own-db"
python3 - "$build/compile_commands.json" "$PWD" "$build/exitbar/own-db/compile_commands.json" \
  > "$build/exitbar/own-sources.txt" <<'EOF'
import json, os, re, sys
db_path, root, out_path = sys.argv[1], sys.argv[2] + os.sep, sys.argv[3]
own_dirs = (root + "tools" + os.sep, root + "checks" + os.sep)
entries = {}
for e in json.load(open(db_path)):
    unit = os.path.join(e["directory"], e["file"])
    if os.path.basename(unit).startswith("unity_") and "Unity" in unit:
        sources = re.findall(r'^#include "([^"]+)"', open(unit).read(), re.M)
    else:
        sources = [unit]
    for src in sources:
        if not src.startswith(own_dirs) or src in entries:
            continue
        entry = dict(e, file=src)
        if "command" in e:
            entry["command"] = e["command"].replace(e["file"], src)
        else:
            entry["arguments"] = [src if a == e["file"] else a for a in e["arguments"]]
        entries[src] = entry
json.dump(list(entries.values()), open(out_path, "w"), indent=1)
print("\n".join(sorted(entries)))
EOF
xargs -P 2 -I{} "$exe" tidy --clang-tidy "$tidy" --source-dir . \
  --fragments "$build/exitbar/fragments/findings" -- \
  "--load=$plugin" '--checks=exitbar-*' "--header-filter=^$PWD/(tools|checks)/" --quiet "-p=$build/exitbar/own-db" {} \
  < "$build/exitbar/own-sources.txt"

# 3. The rest of the pipeline and the verdict: `exitbar run`, the one
#    pipeline the `exitbar` target of every project runs, given the suite's
#    results and the coverage of step 1 instead of running them again.
rc=0
"$exe" run --build-dir "$build" --source-dir . --policy .exitbar/policy.json \
  --release-version "$version" --junit "$junit" \
  --coverage-input "$build/exitbar/coverage-tools.json" \
  --coverage-input "$build/exitbar/coverage-checks.json" \
  --report-dir "$build/exitbar/report" --fail-on conditional || rc=$?
echo "dogfood.sh: ExitBar's own gate took $((SECONDS - start)) s; report: $build/exitbar/report/report.html"
exit $rc

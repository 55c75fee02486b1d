#!/usr/bin/env bash
# install-package.sh - the Debian package of a build, installed for real: both examples built against /usr with find_package(ExitBar) alone, gated, compared with the build tree; then removed
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/install-package.sh [build-folder]     (default: build-ci)
#
# It changes the machine (apt-get install, then apt-get purge), so
# scripts/test.sh runs it as its last stage only when CI=true, on CI's
# throwaway machine, as root. lit.package covers the rest without
# installing (control fields, files, an unpacked copy). The examples' own
# findings from the build tree (lit.examples) must exist: run the test
# suite first.
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:-build-ci}")
tree="$build/lit-tests/examples/Output"
for example in fails-every-bar passes; do
  [[ -f $tree/$example.test.tmp/exitbar/evidence/findings.json ]] ||
    { echo "install-package.sh: no $example findings from lit.examples in $build; run the tests first" >&2; exit 2; }
done
if dpkg-query -W -f '${Status}' exitbar 2> /dev/null | grep -q "ok installed"; then
  echo "install-package.sh: an exitbar package is installed already; not replacing it" >&2
  exit 2
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/exitbar-install.XXXXXX")
cleanup() {
  apt-get purge -y -qq exitbar > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "install-package.sh: $1; see $2" >&2; trap - EXIT; apt-get purge -y -qq exitbar > /dev/null 2>&1 || true; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" > "$work/cpack.log" 2>&1 ||
  fail "cpack failed" "$work/cpack.log"
deb=$(ls "$work"/out/exitbar_*.deb)
apt-get install -y -qq "$deb" > "$work/apt.log" 2>&1 || fail "apt-get install failed" "$work/apt.log"
[[ -x /usr/bin/exitbar && -f /usr/lib/cmake/ExitBar/ExitBarConfig.cmake ]] ||
  fail "the package did not install /usr/bin/exitbar and its CMake package" "$work/apt.log"

# fails-every-bar: NO_GO, with the findings the build tree gave.
cmake -S examples/fails-every-bar -B "$work/fails" -G Ninja > "$work/fails-configure.log" 2>&1 ||
  fail "configuring fails-every-bar failed" "$work/fails-configure.log"
grep -qx "ExitBar_DIR:PATH=/usr/lib/cmake/ExitBar" "$work/fails/CMakeCache.txt" ||
  fail "find_package(ExitBar) did not find the installed package" "$work/fails/CMakeCache.txt"
cmake --build "$work/fails" -j2 > "$work/fails-build.log" 2>&1 || fail "building fails-every-bar failed" "$work/fails-build.log"
if cmake --build "$work/fails" --target exitbar > "$work/fails-gate.log" 2>&1; then
  fail "fails-every-bar passed the gate" "$work/fails-gate.log"
fi
grep -q "exitbar: NO_GO" "$work/fails-gate.log" || fail "fails-every-bar: no NO_GO verdict" "$work/fails-gate.log"

# passes: GO, in a git work tree as lit.examples builds it (its demo approval).
mkdir -p "$work/src/examples"
cp -R examples/passes examples/osv-demo "$work/src/examples/"
git -C "$work/src" init -q
git -C "$work/src" add -A
git -C "$work/src" -c user.name=ci -c user.email=ci@example.org commit -qm example
cmake -S "$work/src/examples/passes" -B "$work/passes" -G Ninja > "$work/passes-configure.log" 2>&1 ||
  fail "configuring passes failed" "$work/passes-configure.log"
cmake --build "$work/passes" -j2 > "$work/passes-build.log" 2>&1 || fail "building passes failed" "$work/passes-build.log"
cmake --build "$work/passes" --target exitbar > "$work/passes-gate.log" 2>&1 ||
  fail "passes failed the gate" "$work/passes-gate.log"
grep -q "exitbar: GO" "$work/passes-gate.log" || fail "passes: no GO verdict" "$work/passes-gate.log"

python3 lit-tests/utils/compare_findings.py \
  "$tree/fails-every-bar.test.tmp/exitbar/evidence/findings.json" "$work/fails/exitbar/evidence/findings.json" \
  "$tree/passes.test.tmp/exitbar/evidence/findings.json" "$work/passes/exitbar/evidence/findings.json" ||
  fail "the installed package found other findings than the build tree" "$work"
echo "install-package.sh: $(basename "$deb") installed under /usr; fails-every-bar NO_GO and passes GO with the build tree's findings; removed again"

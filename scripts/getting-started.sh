#!/usr/bin/env bash
# getting-started.sh - runs docs/getting-started.md on the real tinyxml2
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/getting-started.sh BUILD_DIR [TINYXML2]
#   BUILD_DIR  a build tree of this ExitBar checkout (built: exitbar and the
#              plugin); it is installed into a temporary prefix, as the page's
#              step 1 installs ExitBar.
#   TINYXML2   a local tinyxml2 repository or folder to copy; without it the
#              page's own step 2 clones it (network needed).
# Then the page's walkthrough blocks run in that copy, exactly as written
# (scripts/getting_started.py reads them out of the page). The ctest test
# lit.docs runs the same blocks on a project of tinyxml2's shape that needs
# no network (lit-tests/docs/getting-started.test).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: scripts/getting-started.sh BUILD_DIR [TINYXML2]}
work=$(mktemp -d "${TMPDIR:-/tmp}/exitbar-getting-started.XXXXXX")
echo "getting-started: working in $work"

cmake --install "$build" --prefix "$work/prefix" > "$work/install.log"
export EXITBAR_PREFIX="$work/prefix"
python3 "$here/scripts/getting_started.py" --blocks walkthrough > "$work/walkthrough.sh"

cd "$work"
if [[ -n "${2:-}" ]]; then
  # A repository (bare ones too) is cloned, a plain folder copied.
  if git -C "$2" rev-parse --git-dir > /dev/null 2>&1; then
    git clone --quiet "$2" tinyxml2
  else
    cp -r "$2" tinyxml2
  fi
  cd tinyxml2
  test -f CMakeLists.txt || { echo "getting-started: $2 has no CMakeLists.txt" >&2; exit 2; }
else
  python3 "$here/scripts/getting_started.py" --blocks project > "$work/project.sh"
  # The project block ends in `cd tinyxml2`: source it so that stays.
  # shellcheck disable=SC1091
  source "$work/project.sh"
fi
bash "$work/walkthrough.sh"
echo "getting-started: done; the project and its reports are in $PWD"

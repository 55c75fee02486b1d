#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Runs the eight checks of docs/checks/precision/{secrets,taint,random-stub-unsafe,juliet-flow}.md
# over a list of Juliet C/C++ 1.3 files, one clang-tidy per file ($JOBS at a time, default 1):
#   P=<plugin .so> JULIET=<suite root> WINMOCK=<dir with windows.h/process.h stand-ins> \
#     run-juliet.sh <file list, paths relative to $JULIET> > results.txt
# The Windows stand-ins (scripts/precision/winmock/) only declare what the suite uses
# (LogonUserA/W, CreateFileA/W, the CryptoAPI calls of CWE-321, LOGON32_*, GENERIC_*, MAX_PATH, ...).
# EXTRA_ARGS are passed to clang-tidy before the file (e.g. a -config= with options;
# it then replaces the threat models' one, so name exitbar.ThreatModels in it too).
# THREAT_MODELS (default all): Juliet's sources are the network, the console,
# the environment and files, so the taint checks analyse every threat model.
P=${P:?plugin}
JULIET=${JULIET:?suite root}
THREATS="--config={CheckOptions: [{key: exitbar.ThreatModels, value: '${THREAT_MODELS:-all}'}]}"
[[ $EXTRA_ARGS == *-config* ]] && THREATS=
export P WINMOCK EXTRA_ARGS THREATS
export CT=${CLANG_TIDY:-/usr/lib/llvm-14/bin/clang-tidy}
export C='--checks=-*,exitbar-hardcoded-secret,exitbar-default-credentials,exitbar-secret-in-log,exitbar-command-injection,exitbar-path-traversal,exitbar-insecure-random,exitbar-stub-implementation,exitbar-unsafe-function'
LIST=$(realpath "$1")
cd "$JULIET"
one() {
  case $1 in *.cpp) S=-std=c++17;; *) S=;; esac
  $CT --load=$P "$C" ${THREATS:+"$THREATS"} $EXTRA_ARGS "$1" -- $S -I testcasesupport ${WINMOCK:+-I $WINMOCK} -ferror-limit=0 -Wno-everything 2>/dev/null | grep 'warning:'
}
export -f one
xargs -a "$LIST" -P "${JOBS:-1}" -I{} bash -c 'one "$1"' _ {}

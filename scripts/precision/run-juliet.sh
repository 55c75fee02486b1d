#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Runs the eight checks of docs/checks/precision/{secrets,taint,random-stub-unsafe}.md
# over a list of Juliet C/C++ 1.3 files, one clang-tidy at a time.
#   P=<plugin .so> JULIET=<suite root> WINMOCK=<dir with windows.h/process.h stand-ins> \
#     run-juliet.sh <file list, paths relative to $JULIET> > results.txt
# The Windows stand-ins only declare what the suite uses (LogonUserA/W, CreateFileA/W,
# _spawnl..., LOGON32_*, GENERIC_*, MAX_PATH, ...); they are not part of this repository.
P=${P:?plugin}
JULIET=${JULIET:?suite root}
CT=${CLANG_TIDY:-/usr/lib/llvm-14/bin/clang-tidy}
C='--checks=-*,exitbar-hardcoded-secret,exitbar-default-credentials,exitbar-secret-in-log,exitbar-command-injection,exitbar-path-traversal,exitbar-insecure-random,exitbar-stub-implementation,exitbar-unsafe-function'
LIST=$(realpath "$1")
cd "$JULIET"
while read f; do
  case $f in *.cpp) S=-std=c++17;; *) S=;; esac
  $CT --load=$P "$C" $f -- $S -I testcasesupport ${WINMOCK:+-I $WINMOCK} -ferror-limit=0 -Wno-everything 2>/dev/null | grep 'warning:'
done < "$LIST"

#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Writes the Juliet samples of docs/checks/precision/{secrets,taint,random-stub-unsafe,juliet-flow}.md
# (paths relative to the suite's root) into the current directory.
J=${JULIET:?suite root}
T=testcases
( cd "$J"
  find $T/CWE259_* $T/CWE321_* $T/CWE338_* $T/CWE534_* $T/CWE535_* $T/CWE242_* $T/CWE676_* \
       $T/CWE377_* $T/CWE546_* -name '*.c' -o -name '*.cpp' | sort
) > jf-small.txt
( cd "$J"
  (find $T/CWE78_OS_Command_Injection -name '*_01.c'
   find $T/CWE78_OS_Command_Injection -name '*__char_environment_system_*.c') | sort -u
) > jf-78.txt
( cd "$J"
  (find $T/CWE23_Relative_Path_Traversal $T/CWE36_Absolute_Path_Traversal -name '*_01.cpp'
   find $T/CWE23_Relative_Path_Traversal -name '*__char_environment_fopen_*.cpp'
   find $T/CWE36_Absolute_Path_Traversal -name '*__char_connect_socket_fopen_*.cpp') | sort -u
) > jf-path.txt
wc -l jf-small.txt jf-78.txt jf-path.txt
# Flow variants whose source and sink sit in different functions or files
# (21-22, 41-45, 51-54, 61-68, 72-74, 81-84; docs/checks/precision/juliet-flow.md),
# for the source x sink pairs that compile on Linux without the Windows stand-ins.
flow='_(2[12]|4[1-5]|5[1-4]|6[1-8]|7[2-4]|8[1-4])([a-e]|_bad|_good[A-Za-z0-9]*)?\.(c|cpp)$'
( cd "$J"
  for src in connect_socket listen_socket console environment file; do
    for sink in system execl; do
      find $T/CWE78_OS_Command_Injection -name "*__char_${src}_${sink}_*"; done; done |
    grep -E "$flow" | sort
) > jf-flow-78.txt
( cd "$J"
  for cwe in CWE23_Relative_Path_Traversal CWE36_Absolute_Path_Traversal; do
    for src in connect_socket listen_socket console environment file; do
      for sink in fopen; do find $T/$cwe -name "*__char_${src}_${sink}_*"; done; done; done |
    grep -E "$flow" | sort
) > jf-flow-path.txt
( cd "$J"
  find $T/CWE259_* $T/CWE321_* -name '*.c' -o -name '*.cpp' | grep -E "$flow" | sort
) > jf-flow-secrets.txt
# CWE-121 cases that copy with strcpy/strcat/wcscpy/wcscat: every single-function
# variant (01-18, 31-34) of the 20 families, and the flow variants of four of them.
c121=CWE121_Stack_Based_Buffer_Overflow
( cd "$J"
  for fam in src dest CWE193; do for ty in char wchar_t; do for mem in declare alloca; do
    for op in cpy cat; do
      [[ $fam == CWE193 && $op == cat ]] && continue
      find $T/$c121 -name "*__${fam}_${ty}_${mem}_${op}_*" | grep -E '_(0[1-9]|1[0-8]|3[1-4])\.(c|cpp)$'
  done; done; done; done | sort
) > jf-121.txt
( cd "$J"
  for fam in src_char_declare_cpy dest_char_declare_cpy CWE193_char_declare_cpy dest_char_alloca_cat; do
    find $T/$c121 -name "*__${fam}_*"; done | grep -E "$flow" | sort
) > jf-flow-121.txt
wc -l jf-flow-78.txt jf-flow-path.txt jf-flow-secrets.txt jf-121.txt jf-flow-121.txt

#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Writes the Juliet samples of docs/checks/precision/{secrets,taint,random-stub-unsafe}.md
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

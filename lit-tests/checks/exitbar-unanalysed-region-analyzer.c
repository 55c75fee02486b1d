// clang-tidy defines __clang_analyzer__ as well as __clang__, so code under
// `#ifndef __clang_analyzer__` is hidden from the checks there; a Clang
// compile does not define it, and the checks inside the compile
// (checks/plugin/CompilePlugin.cpp) analyse that code like the rest, while
// other compilers take the #else. Both ways are run here (the in-compile
// variant of the suite would only repeat the second).
// REQUIRES: compile-plugin
// UNSUPPORTED: in-compile
// RUN: %check_exitbar_tidy %s exitbar-unanalysed-region %t
// RUN: %check_exitbar_tidy --compile-plugin %compile_plugin --clang %clangc \
// RUN:   -check-suffix=COMPILE %s exitbar-unanalysed-region %t

#ifndef __clang_analyzer__
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: code under '#ifndef __clang_analyzer__' is compiled by other compilers but not analysed (2 lines) [exitbar-unanalysed-region]
int not_for_analysers(void);
#endif

#if defined(__clang__) && !defined(__clang_analyzer__)
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: code under '#if defined(__clang__) && !defined(__clang_analyzer__)' is compiled by other compilers but not analysed (2 lines) [exitbar-unanalysed-region]
int clang_compiles_this(void);
#else
// CHECK-MESSAGES-COMPILE: :[[@LINE-1]]:1: warning: code under '#else of #if defined(__clang__) && !defined(__clang_analyzer__)' is compiled by other compilers but not analysed (2 lines) [exitbar-unanalysed-region]
int other_compilers_compile_this(void);
#endif

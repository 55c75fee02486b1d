// RUN: %check_exitbar_tidy %s exitbar-unanalysed-region %t -- -- -isystem %S/Inputs/exitbar-unanalysed-region
// RUN: %check_exitbar_tidy -check-suffix=MIN %s exitbar-unanalysed-region %t \
// RUN:   -- -config="{CheckOptions: [{key: exitbar-unanalysed-region.MinLines, value: 3}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-unanalysed-region

// Blocks that clang-tidy skips because their condition is about __clang__:
// GCC compiles them, no exitbar-* check ever sees them.

#include <sysconf.h>

// --- Reported ---------------------------------------------------------------

#ifndef __clang__
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: code under '#ifndef __clang__' is compiled by other compilers but not analysed (3 lines) [exitbar-unanalysed-region]
// CHECK-MESSAGES-MIN: :[[@LINE-2]]:1: warning: code under '#ifndef __clang__' is compiled by other compilers but not analysed (3 lines)
int gcc_only(void) { return 1; }
#endif

#if !defined(__clang__)
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: code under '#if !defined(__clang__)' is compiled by other compilers but not analysed (1 line)
#endif

// __clang_analyzer__: exitbar-unanalysed-region-analyzer.c.

#if defined(__GNUC__) && !defined(__clang__)
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: code under '#if defined(__GNUC__) && !defined(__clang__)' is compiled by other compilers but not analysed (2 lines)
int gcc_builtin(void);
#endif

#ifdef __clang__
int analysed_with_clang(void);
#else
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: code under '#else of #ifdef __clang__' is compiled by other compilers but not analysed (1 line)
#endif

#if defined(__clang__)
int clang_branch(void);
#elif defined(__GNUC__)
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: code under '#elif defined(__GNUC__) after #if defined(__clang__)' is compiled by other compilers but not analysed (2 lines)
int gcc_branch(void);
#endif

#if defined(__clang__) && __clang_major__ >= 3
int modern_clang(void);
#else
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: code under '#else of #if defined(__clang__) && __clang_major__ >= 3' is compiled by other compilers but not analysed (2 lines)
int everyone_else(void);
#endif

#if 1
#  if   !defined( __clang__ )   /* indented, spaced, commented */
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: code under '#if !defined( __clang__ )' is compiled by other compilers but not analysed (1 line)
#  endif
#endif

// --- Not reported -----------------------------------------------------------

// Blocks that clang-tidy does analyse.
#ifdef __clang__
int clang_only(void);
#endif
#if defined(__clang__) || defined(__GNUC__)
int both(void);
#endif
#ifndef __clang__
#else
int empty_gcc_branch(void);
#endif

// A branch GCC takes too: the #elif is MSVC's, not skipped because of Clang.
#if defined(__GNUC__) && __GNUC__ > 3 || defined(__clang__)
#define BARRIER() __sync_synchronize()
#elif defined(_MSC_VER)
#define BARRIER() MemoryBarrier()
#endif
// False for a reason other than __clang__ being defined.
#if defined(__clang__) && __clang_major__ < 3
int ancient_clang(void);
#endif

// Skipped for reasons other than __clang__.
#if 0
int disabled(void);
#endif
#ifdef _MSC_VER
int msvc(void);
#endif
#if __clang_major__ < 3
int old_clang(void);
#endif
#ifdef NOT__clang__
int other_macro(void);
#endif

// A __clang__ block inside a block skipped for another reason is that
// block's business.
#ifdef _WIN32
#ifndef __clang__
int windows_gcc(void);
#endif
#endif

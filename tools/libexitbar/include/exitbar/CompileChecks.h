// CompileChecks.h - a Clang compile that runs the exitbar-* checks on its
// own AST (the compile plugin) and keeps their findings
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_COMPILECHECKS_H
#define EXITBAR_COMPILECHECKS_H

#include "exitbar/Evidence.h"
#include <string>
#include <vector>

namespace exitbar {

/// How to run one compile as CMake's `<LANG>_COMPILER_LAUNCHER` with the
/// checks inside it (docs/in-compile.md).
struct CompileRunOptions {
  std::string Plugin;       ///< libExitBarCompilePlugin.so
  std::string Checks;       ///< clang-tidy's check list, e.g. "-*,exitbar-*"
  std::string HeaderFilter; ///< headers whose findings count (a regex)
  std::string SourceDir;    ///< findings below it get relative paths
  std::string FragmentDir;  ///< where the per-translation-unit fragment goes
  /// The compiler as CMake names it (CMAKE_<LANG>_COMPILER). The command may
  /// start with another launcher (ccache); when that one answers from its
  /// cache the checks did not run, and the compiler is run alone to
  /// analyse the unit.
  std::string Compiler;
  /// The compile command CMake passes to the launcher.
  std::vector<std::string> Command;
};

/// What one compile produced.
struct CompileRunResult {
  int ExitCode = 0;   ///< the compile's, for the build
  std::string Output; ///< the checks' diagnostics, for the build log
  std::string Stderr; ///< the compiler's own messages, for the build log
  FindingsEvidence Evidence;
  std::string FragmentPath; ///< empty when the command compiled no source
};

/// Runs the compile with the checks plugin and atomically writes the
/// fragment of the translation unit. A compile that fails only with the
/// plugin is re-run without it: the object is built, and the unit gets an
/// analysis error instead of a failed build. A compile that did not run the
/// checks (a compiler cache replayed the object, a compiler that cannot
/// load the plugin) is followed by a syntax-only run of the compiler with
/// them; when that does not analyse either, the unit gets an analysis
/// error. Throws Error (tool.not-found) when the compiler cannot be started.
/// Example: auto R = runCompileWithChecks({P, "-*,exitbar-*", "^/src/", "/src",
///                                        "/b/exitbar/fragments/findings",
///                                        "/usr/bin/clang++", Cmd});
CompileRunResult runCompileWithChecks(const CompileRunOptions &Options);

} // namespace exitbar

#endif // EXITBAR_COMPILECHECKS_H

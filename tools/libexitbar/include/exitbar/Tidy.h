// Tidy.h - running clang-tidy for one translation unit and keeping its findings
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_TIDY_H
#define EXITBAR_TIDY_H

#include "exitbar/Evidence.h"
#include <cstdint>
#include <string>
#include <vector>

namespace exitbar {

/// How to run clang-tidy as CMake's `<LANG>_CLANG_TIDY` launcher.
struct TidyRunOptions {
  std::string ClangTidy;   ///< the clang-tidy executable
  std::string SourceDir;   ///< findings below it get relative paths
  std::string FragmentDir; ///< where the per-translation-unit fragment goes
  /// clang-tidy's arguments as CMake passes them: options, the source file,
  /// `--`, and the compiler command line.
  std::vector<std::string> Arguments;
  /// The findings cache (docs/cache.md); empty: no cache.
  std::string CacheDir;
  std::uint64_t CacheMaxBytes = 5ULL << 30;
  /// A shared cache server (`http://host:port/path`, WebDAV); empty: none.
  std::string RemoteCache;
};

/// An option of `exitbar tidy` that sets a text member of TidyRunOptions.
/// The CLI registers these, and a deferred analysis (DeferredTidy.cpp)
/// writes its recorded `exitbar tidy` command from the same list, so the
/// two cannot drift apart. (--cache-max-size, a size, and --defer, a flag,
/// are the CLI's own.)
struct TidyTextOption {
  const char *Flag; ///< "--clang-tidy"
  std::string TidyRunOptions::*Member;
  const char *Help;
  bool Required = false;
};

/// Every TidyTextOption, in the order `exitbar tidy --help` shows them.
const std::vector<TidyTextOption> &tidyTextOptions();

/// What one run produced.
struct TidyRunResult {
  int ClangTidyExitCode = 0;
  std::string Output; ///< clang-tidy's stdout, to be shown in the build log
  FindingsEvidence Evidence;
  std::string FragmentPath;
  /// "hit", "miss", "corrupt" (a damaged entry ignored) or "" (no cache).
  std::string Cache;
};

/// Runs clang-tidy and atomically writes the findings fragment of the
/// translation unit (replacing the previous build's).
/// Example: auto R = runTidy({"clang-tidy", "/src", "/b/exitbar/...", Args});
TidyRunResult runTidy(const TidyRunOptions &Options);

/// The NOLINT, NOLINTNEXTLINE and NOLINTBEGIN comments of \p Text (a source
/// file, shown as \p File) that silence exitbar-* checks: bare ones, those
/// whose check list has a wildcard matching an exitbar-* check, and those
/// naming exitbar-* checks. Blanket unless they name exactly one check and
/// give a reason after the parenthesis.
/// Example: scanSuppressions("f(); // NOLINT\n", "a.cpp")[0].Blanket
std::vector<Suppression> scanSuppressions(std::string_view Text,
                                          const std::string &File);

} // namespace exitbar

#endif // EXITBAR_TIDY_H

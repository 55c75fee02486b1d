// TidyRun.h - what the two per-unit launchers share: `exitbar tidy` (a
// clang-tidy process beside the compile) and `exitbar compile` (the checks
// inside a Clang compile). Internal to the library.
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_COLLECT_TIDYRUN_H
#define EXITBAR_COLLECT_TIDYRUN_H

#include "exitbar/Evidence.h"
#include <string>
#include <utility>
#include <vector>

namespace exitbar {

/// The source file (first operand before `--`) and the object file (`-o`
/// after it) of a CMake clang-tidy command line; they name the fragment, so
/// a source compiled into two targets keeps two fragments.
std::pair<std::string, std::string>
tidySourceAndObject(const std::vector<std::string> &Args);

/// \p Source as the findings show it: displayPath of the absolute paths
/// (a launcher runs in the build folder, so both may be relative to it).
std::string shownPath(const std::string &Source, const std::string &SourceDir);

/// The fragment of one translation unit: named by its source and object
/// file, so a source compiled into two targets keeps two fragments.
std::string fragmentPathFor(const std::string &FragmentDir,
                            const std::string &AbsoluteSource,
                            const std::string &Object);

/// Writes the fragment atomically (a reader sees the old or the new one).
void writeFragment(const std::string &Path, const FindingsEvidence &Evidence,
                   const std::string &AbsoluteSource);

/// The fragment that stands until the analysis has finished: an analysis
/// error, so a launcher killed with the build fails closed. \p Tool names
/// what was running ("clang-tidy", "the compiler").
FindingsEvidence pendingAnalysis(const std::string &Shown,
                                 const std::string &Tool);

/// Configuration errors the checks printed (`error: ... [clang-tidy-config]`
/// and `.clang-tidy` YAML errors) in \p Text.
std::vector<std::string> configurationErrors(const std::string &Text);

/// Tells the checks, through the environment the analysing process
/// inherits, where to write their taint summaries (\p SummaryFile, removed
/// first) and where the project's source folder is.
void exportCheckEnvironment(const std::string &SummaryFile,
                            const std::string &SourceDir);

/// The evidence of one analysed unit: the findings in \p Output (clang-tidy's
/// diagnostics as it prints them), configuration errors there and in
/// \p Stderr, the taint summaries in \p SummaryFile (then removed) and the
/// NOLINT comments of the source.
FindingsEvidence evidenceOfAnalysis(const std::string &Output,
                                    const std::string &Stderr,
                                    const std::string &SummaryFile,
                                    const std::string &AbsoluteSource,
                                    const std::string &Shown,
                                    const std::string &SourceDir);

} // namespace exitbar

#endif // EXITBAR_COLLECT_TIDYRUN_H

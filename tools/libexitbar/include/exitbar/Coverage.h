// Coverage.h - coverage and test-result evidence
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_COVERAGE_H
#define EXITBAR_COVERAGE_H

#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exitbar {

/// Adds \p Hits to \p Count, stopping at the limits of long long: counts
/// read from a corrupt or hostile file must not overflow (undefined
/// behaviour), and a count that large means "hit" as much as any other.
/// Example: addHits(Cov.Lines[3], Hits);
inline void addHits(long long &Count, long long Hits) {
  constexpr long long Max = std::numeric_limits<long long>::max();
  constexpr long long Min = std::numeric_limits<long long>::min();
  if (Hits > 0 && Count > Max - Hits)
    Count = Max;
  else if (Hits < 0 && Count < Min - Hits)
    Count = Min;
  else
    Count += Hits;
}

/// A function of a source file and how often it was entered.
struct FunctionCoverage {
  int Line = 0;
  long long Hits = 0;
};

/// Coverage of one source file: hit counts per line, per branch (keyed by
/// line and the branch's index on that line) and per function.
struct FileCoverage {
  std::map<int, long long> Lines;
  std::map<std::pair<int, int>, long long> Branches;
  std::map<std::string, FunctionCoverage> Functions; ///< by demangled name

  /// Adds \p Other's hit counts (the union of two runs or shards).
  void merge(const FileCoverage &Other);
};

/// Found/hit counts of lines, branches and functions.
struct CoverageTotals {
  long long LinesFound = 0, LinesHit = 0;
  long long BranchesFound = 0, BranchesHit = 0;
  long long FunctionsFound = 0, FunctionsHit = 0;
  void add(const CoverageTotals &Other);
};
CoverageTotals totalsOf(const FileCoverage &F);
/// Percentage hit of found; 100 when nothing was found.
double percent(long long Hit, long long Found);

/// Coverage of the lines changed since a git revision ("new code must be
/// covered"): only changed lines that hold code count.
struct DiffCoverage {
  std::string Base; ///< the revision compared with, as given
  long long LinesFound = 0, LinesHit = 0;
  /// Changed lines never run, per file (relative path).
  std::map<std::string, std::vector<int>> Missed;
};

/// evidence/coverage.json: coverage of every file of the project, keyed by
/// path relative to the source folder.
struct CoverageEvidence {
  std::map<std::string, FileCoverage> Files;
  std::string Tool; ///< "gcov", "llvm-cov", "lcov", "cobertura", ...
  std::optional<DiffCoverage> Diff;
  CoverageTotals totals() const;
  /// Union of hit counts; associative and order-independent.
  void merge(const CoverageEvidence &Other);
};

/// How `exitbar collect coverage` finds and filters coverage data.
struct CoverageOptions {
  std::string BuildDir;
  std::string SourceDir;
  std::string Gcov = "gcov";
  std::vector<std::string> Filters;  ///< globs of files to keep (default: all
                                     ///< under SourceDir)
  std::vector<std::string> Excludes; ///< globs of files to drop; the build
                                     ///< folder is always dropped
  unsigned Jobs = 0;                 ///< parallel gcov runs (0: one per core)
  /// Clang builds: llvm-profdata and llvm-cov matching the compiler; when
  /// set, coverage comes from the build tree's .profraw files instead of gcov.
  std::string LlvmProfdata, LlvmCov;
  /// Called as work completes (done, total), e.g. to draw a progress line.
  std::function<void(size_t, size_t)> Progress;
};

/// Two shards' coverage as one (`exitbar merge`, the coverage kind's
/// AddUp): hit counts summed per line, branch and function; tools that differ
/// become "mixed". Diff coverage needs the same base in both (else Error
/// input.merge.conflict); its missed lines are those no shard ran.
/// Example: CoverageEvidence C = mergeCoverage(Shard1, Shard2);
CoverageEvidence mergeCoverage(CoverageEvidence A, const CoverageEvidence &B);

/// Runs gcov (JSON intermediate format, batches in parallel) over every
/// .gcno of the build tree, so compiled-but-never-run files count with zero
/// hits, merges the results and keeps the project's files. Throws Error
/// (tool.not-found, input.gcov.*).
/// Example: auto E = collectGcovCoverage({"build", "."});
CoverageEvidence collectGcovCoverage(const CoverageOptions &Options);

/// Merges the build tree's .profraw files with llvm-profdata and exports
/// them with llvm-cov (every ELF executable and shared library of the build
/// tree as an object, so instrumented code never run counts with zero hits),
/// then filters like collectGcovCoverage. Throws Error (tool.not-found,
/// input.llvm-cov.*).
/// Example: auto E = collectLlvmCoverage({"build", ".", ...,
/// "llvm-profdata-14", "llvm-cov-14"});
CoverageEvidence collectLlvmCoverage(const CoverageOptions &Options);

/// Coverage of the lines in \p ChangedLines (relative path -> line numbers)
/// as measured by \p E.
/// Example: auto D = diffCoverage(E, changedLinesSince("main", "."), "main");
DiffCoverage
diffCoverage(const CoverageEvidence &E,
             const std::map<std::string, std::vector<int>> &ChangedLines,
             const std::string &Base);

/// Lines added or changed in the work tree of \p SourceDir since the git
/// revision \p Base, per file relative to \p SourceDir. Throws Error
/// (tool.git.failed) when git cannot compare, (tool.git.output) when its
/// output cannot be read with certainty.
std::map<std::string, std::vector<int>>
changedLinesSince(const std::string &Base, const std::string &SourceDir);

/// Parses `git diff --unified=0` output into the new-side lines of each
/// file's hunks. \p Names are the files of the same diff, in its order, as
/// `git diff -z --name-only` lists them (verbatim, whatever the bytes); the
/// K-th "diff --git" section is Names[K]. Throws Error (tool.git.output)
/// when the two disagree or a hunk header cannot be read.
/// Example: parseUnifiedDiff(Patch, {"src/a b.c"});
std::map<std::string, std::vector<int>>
parseUnifiedDiff(const std::string &Diff,
                 const std::vector<std::string> &Names);

/// Keeps only the files \p Options selects and makes their paths relative to
/// the source folder.
CoverageEvidence filterCoverage(const CoverageEvidence &E,
                                const CoverageOptions &Options);

} // namespace exitbar

#endif // EXITBAR_COVERAGE_H

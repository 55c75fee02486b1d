// Collect.h - collectors that turn raw inputs into evidence
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_COLLECT_H
#define EXITBAR_COLLECT_H

#include "exitbar/Coverage.h"
#include <ostream>
#include <string>
#include <vector>

namespace exitbar {

/// Writes coverage as an LCOV tracefile (geninfo(1) format).
/// Example: writeLcov(E, Out);
void writeLcov(const CoverageEvidence &E, std::ostream &Out);

/// What a Cobertura report says besides the coverage itself.
struct CoberturaOptions {
  std::string SourceDir;   ///< the <source> file names are relative to
  long long Timestamp = 0; ///< seconds since the epoch (SOURCE_DATE_EPOCH)
  std::string ToolVersion = "0.1.0";
};

/// Writes coverage as Cobertura XML (coverage-04.dtd), the format GitLab,
/// Jenkins and Azure DevOps show in merge requests.
/// Example: writeCobertura(E, {".", Env.now(), "0.1.0"}, Out);
void writeCobertura(const CoverageEvidence &E, const CoberturaOptions &Options,
                    std::ostream &Out);

/// Writes a per-file HTML coverage view into \p OutDir: index.html and one
/// page per file with covered, missed and partly covered lines highlighted
/// (source text read from \p SourceDir). Throws Error when it cannot write.
/// Example: writeCoverageHtml(E, ".", "build/exitbar/coverage");
void writeCoverageHtml(const CoverageEvidence &E, const std::string &SourceDir,
                       const std::string &OutDir);

/// Reads an existing coverage report, recognised by its content: an LCOV
/// tracefile, Cobertura XML, gcov JSON (plain or .gz) or llvm-cov export
/// JSON. Paths stay as the report has them; filterCoverage makes them
/// relative. Throws Error (input.coverage.format and the readers' ids).
/// Example: auto E = readCoverageReport("build/coverage.info");
CoverageEvidence readCoverageReport(const std::string &Path);

/// Coverage as `exitbar collect coverage` measures it: from the reports
/// \p Inputs when there are any (merged, then filtered by \p Options),
/// else from Options.BuildDir with llvm-cov (Options.LlvmCov set) or gcov.
/// Example: auto E = measureCoverage({"build", "."}, {});
CoverageEvidence measureCoverage(const CoverageOptions &Options,
                                 const std::vector<std::string> &Inputs);

/// The views of coverage evidence written besides it; an empty name is
/// not written.
struct CoverageViews {
  std::string Lcov;
  std::string Cobertura;
  std::string Html;        ///< a folder
  long long Timestamp = 0; ///< Cobertura's (SOURCE_DATE_EPOCH)
};

/// Writes each view of \p Views, each file whole or not at all.
/// Example: writeCoverageViews(E, ".", {"", "build/exitbar/coverage.xml"});
void writeCoverageViews(const CoverageEvidence &E, const std::string &SourceDir,
                        const CoverageViews &Views);

/// The line `exitbar collect coverage` prints: "coverage: lines 80.00 %
/// (8/10), branches ..., functions ... in 3 files".
std::string coverageSummary(const CoverageEvidence &E);

} // namespace exitbar

#endif // EXITBAR_COLLECT_H

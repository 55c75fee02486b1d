// Reports.h - the reports of a verdict: Markdown, HTML, SARIF, JUnit, GitLab,
// verdict.json
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_REPORTS_H
#define EXITBAR_REPORTS_H

#include "exitbar/Coverage.h"
#include "exitbar/Verdict.h"
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace exitbar {

/// What reports need beyond the verdict.
struct ReportOptions {
  std::string SourceDir; ///< the project's source folder (SARIF base URI)
  std::string ToolVersion = "0.1.0";
  /// Source lines around each finding, by "file:line" (HTML snippets).
  std::map<std::string, std::vector<std::pair<int, std::string>>> Snippets;
  /// The coverage evidence, for the HTML report's coverage by directory.
  const CoverageEvidence *Coverage = nullptr;
};

/// Writes the Markdown report: verdict, scorecard, blocking items.
/// Example: writeMarkdownReport(V, std::cout);
void writeMarkdownReport(const Verdict &V, std::ostream &Out);

/// Writes one self-contained HTML page (no external assets).
/// Example: writeHtmlReport(V, Out, {"/src"});
void writeHtmlReport(const Verdict &V, std::ostream &Out,
                     const ReportOptions &Options);

/// Writes the findings as SARIF 2.1.0, as GitHub code scanning reads it.
/// Example: writeSarif(V, Out, {"/src"});
void writeSarif(const Verdict &V, std::ostream &Out,
                const ReportOptions &Options);

/// Writes the findings as a GitLab Code Quality report (CodeClimate JSON:
/// description, check_name, fingerprint, severity, location.path and
/// location.lines.begin), as the merge-request widget reads it; waived
/// findings are left out.
/// Example: writeCodeQuality(V, Out); // gl-code-quality-report.json
void writeCodeQuality(const Verdict &V, std::ostream &Out);

/// Writes the findings as a GitLab SAST security report (schema 15.0.7),
/// as the merge-request security widget reads it; waived findings are left
/// out. Example: writeGitLabSast(V, Out, {}); // gl-sast-report.json
void writeGitLabSast(const Verdict &V, std::ostream &Out,
                     const ReportOptions &Options);

/// Writes JUnit XML with one test case per criterion.
/// Example: writeJUnitReport(V, Out);
void writeJUnitReport(const Verdict &V, std::ostream &Out);

/// The verdict as canonical verdict.json text.
std::string verdictToJson(const Verdict &V);

/// Reads up to \p Context lines either side of each finding's line from the
/// files under \p SourceDir; unreadable files, and files outside
/// \p SourceDir (absolute paths, `..`, symlinks leading out; everything
/// when \p SourceDir is empty), are skipped.
std::map<std::string, std::vector<std::pair<int, std::string>>>
readSnippets(const Verdict &V, const std::string &SourceDir, int Context);

} // namespace exitbar

#endif // EXITBAR_REPORTS_H

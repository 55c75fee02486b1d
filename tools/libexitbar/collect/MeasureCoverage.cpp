// MeasureCoverage.cpp - coverage evidence from a build tree or from reports,
// and the views written beside it
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Collect.h"
#include "exitbar/Files.h"
#include <filesystem>
#include <fmt/core.h>
#include <sstream>

namespace exitbar {

CoverageEvidence measureCoverage(const CoverageOptions &Options,
                                 const std::vector<std::string> &Inputs) {
  if (Inputs.empty())
    return Options.LlvmCov.empty() ? collectGcovCoverage(Options)
                                   : collectLlvmCoverage(Options);
  CoverageEvidence E;
  for (const std::string &Input : Inputs) {
    CoverageEvidence R = readCoverageReport(Input);
    E.Tool = E.Tool.empty() || E.Tool == R.Tool ? R.Tool : "mixed";
    E.merge(R);
  }
  std::string Tool = E.Tool;
  E = filterCoverage(E, Options);
  E.Tool = Tool;
  return E;
}

void writeCoverageViews(const CoverageEvidence &E, const std::string &SourceDir,
                        const CoverageViews &Views) {
  if (!Views.Lcov.empty()) {
    std::ostringstream Lcov;
    writeLcov(E, Lcov);
    writeFileAtomically(Views.Lcov, Lcov.str());
  }
  if (!Views.Cobertura.empty()) {
    std::ostringstream Xml;
    CoberturaOptions CO;
    CO.SourceDir =
        std::filesystem::absolute(SourceDir).lexically_normal().string();
    CO.Timestamp = Views.Timestamp;
    writeCobertura(E, CO, Xml);
    writeFileAtomically(Views.Cobertura, Xml.str());
  }
  if (!Views.Html.empty())
    writeCoverageHtml(E, SourceDir, Views.Html);
}

std::string coverageSummary(const CoverageEvidence &E) {
  CoverageTotals T = E.totals();
  return fmt::format("coverage: lines {:.2f} % ({}/{}), branches {:.2f} % "
                     "({}/{}), functions {:.2f} % ({}/{}) in {} files",
                     percent(T.LinesHit, T.LinesFound), T.LinesHit,
                     T.LinesFound, percent(T.BranchesHit, T.BranchesFound),
                     T.BranchesHit, T.BranchesFound,
                     percent(T.FunctionsHit, T.FunctionsFound), T.FunctionsHit,
                     T.FunctionsFound, E.Files.size());
}

} // namespace exitbar

// Metrics.cpp - the metric table: every metric a criterion can name, the
// evidence it is measured from, how, and when it does not apply
// SPDX-License-Identifier: Apache-2.0
//
// One row per metric replaces the if-chain of measure() and the second list
// of the same names in Policy.cpp: a metric exists when it has a row here.

#include "exitbar/Metrics.h"
#include "exitbar/EvidenceKinds.h"
#include "exitbar/Findings.h"
#include "exitbar/Verdict.h"
#include "support/Strings.h"
#include <algorithm>
#include <functional>
#include <regex>

namespace exitbar {
namespace {

std::string describe(const Finding &F) {
  return F.File + ":" + std::to_string(F.Line) + ":" +
         std::to_string(F.Column) + ": " + std::string(toString(F.Level)) +
         ": " + F.Message + " [" + F.Check + "]";
}

/// The findings evidence, or null with \p M saying why there is no value:
/// zero findings of zero analysed files is no evidence of anything.
const FindingsEvidence *findingsOf(const EvidenceSet &E, Measurement &M) {
  M = {std::nullopt, "findings.json", {}};
  if (!E.Findings)
    return nullptr;
  if (E.Findings->TranslationUnits <= 0) {
    M.NoData = "no translation unit was analysed";
    return nullptr;
  }
  return &*E.Findings;
}

/// Counts the new findings (not baselined, not waived) that \p Match.
Measurement countFindings(const MetricInput &In,
                          const std::function<bool(const Finding &)> &Match) {
  Measurement M;
  if (!findingsOf(In.Evidence, M))
    return M;
  double Count = 0;
  for (const FindingResult &R : In.Findings) {
    const Finding &F = R.Item;
    if (R.State != FindingState::New || !Match(F))
      continue;
    ++Count;
    if (M.Items.size() < MaxItems)
      M.Items.push_back(describe(F));
  }
  if (Count > static_cast<double>(M.Items.size()))
    M.Items.push_back("... and " +
                      std::to_string(static_cast<long long>(Count) -
                                     static_cast<long long>(M.Items.size())) +
                      " more");
  M.Value = Count;
  return M;
}

/// The part of \p In's metric after the family prefix \p Prefix.
std::string after(const MetricInput &In, std::string_view Prefix) {
  return In.Metric.substr(Prefix.size());
}

Measurement suppressed(const MetricInput &In, bool BlanketOnly) {
  Measurement M;
  const FindingsEvidence *F = findingsOf(In.Evidence, M);
  if (!F)
    return M;
  M.Value = 0;
  for (const Suppression &S : F->Suppressions)
    if (!BlanketOnly || S.Blanket) {
      *M.Value += 1;
      if (M.Items.size() < MaxItems)
        M.Items.push_back(S.File + ":" + std::to_string(S.Line) + ": " +
                          S.Text);
    }
  return M;
}

/// Line, branch or function coverage (\p Unit) of the whole project, or the
/// least-covered file's (\p FileMin); the least-covered files, in the
/// metric's own unit, are the items behind a failure.
Measurement coverage(const MetricInput &In, const char *Unit,
                     bool FileMin = false) {
  const EvidenceSet &E = In.Evidence;
  if (!E.Coverage)
    return {std::nullopt, "coverage.json", {}};
  CoverageTotals T = E.Coverage->totals();
  Measurement M{std::nullopt, "coverage.json", {}};
  const bool Branch = std::string_view(Unit) == "branches";
  const bool Function = std::string_view(Unit) == "functions";
  // No line measured is no data, not 100 % (fail closed); a project may
  // have no branches, but code without lines is no measurement at all.
  if (T.LinesFound == 0 && !Branch && !Function) {
    M.NoData = "no line of code was measured";
    return M;
  }
  if (FileMin) {
    double Min = 100;
    for (const auto &[Path, F] : E.Coverage->Files) {
      CoverageTotals FT = totalsOf(F);
      Min = std::min(Min, percent(FT.LinesHit, FT.LinesFound));
    }
    M.Value = Min;
  } else if (Branch) {
    M.Value = percent(T.BranchesHit, T.BranchesFound);
  } else if (Function) {
    M.Value = percent(T.FunctionsHit, T.FunctionsFound);
  } else {
    M.Value = percent(T.LinesHit, T.LinesFound);
  }
  std::vector<std::pair<double, std::string>> Files;
  for (const auto &[Path, F] : E.Coverage->Files) {
    CoverageTotals FT = totalsOf(F);
    long long Hit = Branch     ? FT.BranchesHit
                    : Function ? FT.FunctionsHit
                               : FT.LinesHit;
    long long Found = Branch     ? FT.BranchesFound
                      : Function ? FT.FunctionsFound
                                 : FT.LinesFound;
    if (Found == 0)
      continue;
    char Line[80];
    std::snprintf(Line, sizeof Line, "%.1f %% %s (%lld/%lld)",
                  percent(Hit, Found), Unit, Hit, Found);
    Files.emplace_back(percent(Hit, Found), Path + ": " + Line);
  }
  std::sort(Files.begin(), Files.end());
  for (size_t I = 0; I < Files.size() && I < 10; ++I)
    M.Items.push_back(Files[I].second);
  return M;
}

/// Only lines changed since the base revision count, and only the changed
/// lines never run are the items.
Measurement diffCoverage(const MetricInput &In) {
  const EvidenceSet &E = In.Evidence;
  if (!E.Coverage)
    return {std::nullopt, "coverage.json", {}};
  if (!E.Coverage->Diff)
    return {std::nullopt, "coverage.json (run with --diff-base)", {}};
  Measurement M{std::nullopt, "coverage.json", {}};
  const DiffCoverage &D = *E.Coverage->Diff;
  if (D.LinesFound == 0) {
    M.NoData = "no changed line since " + D.Base + " holds measured code";
    return M;
  }
  M.Value = percent(D.LinesHit, D.LinesFound);
  for (const auto &[Path, Lines] : D.Missed) {
    std::string Item = Path + ": changed lines not run:";
    for (size_t I = 0; I < Lines.size() && I < 20; ++I)
      Item += " " + std::to_string(Lines[I]);
    if (Lines.size() > 20)
      Item += " ...";
    M.Items.push_back(Item);
  }
  return M;
}

std::vector<MetricDef> builtInMetrics() {
  using In = const MetricInput &;
  return {
      // findings.json: new findings (neither baselined nor waived); zero
      // analysed translation units is no data.
      {"findings.total", "findings.json", "new findings",
       [](In I) {
         return countFindings(I, [](const Finding &) { return true; });
       }},
      {"findings.severity.", "findings.json", "new findings of one severity",
       [](In I) {
         auto Level = parseSeverity(after(I, "findings.severity."));
         return countFindings(
             I, [&](const Finding &X) { return X.Level == Level; });
       },
       nullptr,
       [](std::string_view S) { return parseSeverity(S).has_value(); }},
      {"findings.check.", "findings.json", "new findings of one check",
       [](In I) {
         std::string Check = after(I, "findings.check.");
         return countFindings(
             I, [&](const Finding &X) { return X.Check == Check; });
       },
       nullptr, [](std::string_view S) { return isKnownCheckName(S); }},
      {"findings.cwe.", "findings.json", "new findings of one CWE",
       [](In I) {
         std::string Cwe = after(I, "findings.cwe.");
         return countFindings(I, [&](const Finding &X) {
           return std::find(X.Cwe.begin(), X.Cwe.end(), Cwe) != X.Cwe.end();
         });
       },
       nullptr,
       [](std::string_view S) {
         return std::regex_match(std::string(S), std::regex("CWE-[1-9][0-9]*"));
       }},
      {"findings.analysis_errors", "findings.json",
       "translation units whose analysis failed",
       [](In I) {
         Measurement M;
         const FindingsEvidence *F = findingsOf(I.Evidence, M);
         if (!F)
           return M;
         M.Value = static_cast<double>(F->AnalysisErrors.size());
         for (const AnalysisError &A : F->AnalysisErrors)
           if (M.Items.size() < MaxItems)
             M.Items.push_back(A.File + ": " + A.Message);
         return M;
       }},
      {"findings.unanalysed_regions", "findings.json",
       "preprocessor regions no check analysed",
       [](In I) {
         Measurement M;
         const FindingsEvidence *F = findingsOf(I.Evidence, M);
         if (!F)
           return M;
         M.Value = static_cast<double>(F->UnanalysedRegions.size());
         for (const UnanalysedRegion &R : F->UnanalysedRegions)
           if (M.Items.size() < MaxItems)
             M.Items.push_back(R.File + ":" + std::to_string(R.Line) + ": '" +
                               R.Condition + "' (" + std::to_string(R.Lines) +
                               " lines)");
         return M;
       }},
      {"findings.suppressed", "findings.json", "NOLINT suppressions",
       [](In I) { return suppressed(I, false); }},
      {"findings.suppressed_blanket", "findings.json",
       "NOLINT suppressions naming no check",
       [](In I) { return suppressed(I, true); }},
      // coverage.json
      {"coverage.line", "coverage.json", "percent of lines run",
       [](In I) { return coverage(I, "lines"); }},
      {"coverage.branch", "coverage.json", "percent of branches taken",
       [](In I) { return coverage(I, "branches"); }},
      {"coverage.function", "coverage.json", "percent of functions called",
       [](In I) { return coverage(I, "functions"); }},
      {"coverage.file_min_line", "coverage.json",
       "line coverage of the least-covered file",
       [](In I) { return coverage(I, "lines", /*FileMin=*/true); }},
      {"coverage.diff_line", "coverage.json",
       "percent of lines changed since --diff-base that ran", diffCoverage},
  };
}

} // namespace

const std::vector<MetricDef> &metricTable() {
  static const std::vector<MetricDef> Table = [] {
    std::vector<MetricDef> T = builtInMetrics();
    for (const EvidenceKind *K : evidenceKinds())
      T.insert(T.end(), K->Metrics.begin(), K->Metrics.end());
    return T;
  }();
  return Table;
}

const MetricDef *findMetric(std::string_view Metric) {
  for (const MetricDef &D : metricTable()) {
    std::string_view Name = D.Name;
    if (!D.Accepts ? Metric == Name
                   : Metric.size() > Name.size() &&
                         Metric.substr(0, Name.size()) == Name &&
                         D.Accepts(Metric.substr(Name.size())))
      return &D;
  }
  return nullptr;
}

} // namespace exitbar

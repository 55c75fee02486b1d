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

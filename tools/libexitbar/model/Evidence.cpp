// Evidence.cpp - canonical form and merging of evidence
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Evidence.h"
#include <algorithm>
#include <tuple>
#include <unordered_set>

namespace exitbar {

std::string_view toString(Severity S) {
  switch (S) {
  case Severity::Critical:
    return "critical";
  case Severity::High:
    return "high";
  case Severity::Medium:
    return "medium";
  case Severity::Low:
    return "low";
  }
  return "low";
}

std::optional<Severity> parseSeverity(std::string_view Name) {
  for (Severity S :
       {Severity::Critical, Severity::High, Severity::Medium, Severity::Low})
    if (toString(S) == Name)
      return S;
  return std::nullopt;
}

static auto sortKey(const Finding &F) {
  return std::tie(F.File, F.Line, F.Column, F.Check, F.Fingerprint, F.Message);
}

bool Finding::operator==(const Finding &O) const {
  return sortKey(*this) == sortKey(O) && Level == O.Level && Cwe == O.Cwe;
}

void FindingsEvidence::normalize() {
  std::sort(Findings.begin(), Findings.end(),
            [](const Finding &A, const Finding &B) {
              return sortKey(A) < sortKey(B);
            });
  // One finding per fingerprint: a header's finding is reported by every
  // translation unit that includes it.
  std::vector<Finding> Unique;
  std::unordered_set<std::string> Seen;
  for (Finding &F : Findings)
    if (Seen.insert(F.Fingerprint).second)
      Unique.push_back(std::move(F));
  Findings = std::move(Unique);

  std::sort(AnalysisErrors.begin(), AnalysisErrors.end(),
            [](const AnalysisError &A, const AnalysisError &B) {
              return std::tie(A.File, A.Message) < std::tie(B.File, B.Message);
            });
  AnalysisErrors.erase(
      std::unique(AnalysisErrors.begin(), AnalysisErrors.end()),
      AnalysisErrors.end());

  auto SuppressionKey = [](const Suppression &S) {
    return std::tie(S.File, S.Line, S.Text, S.Blanket);
  };
  std::sort(Suppressions.begin(), Suppressions.end(),
            [&](const Suppression &A, const Suppression &B) {
              return SuppressionKey(A) < SuppressionKey(B);
            });
  Suppressions.erase(std::unique(Suppressions.begin(), Suppressions.end()),
                     Suppressions.end());
}

void FindingsEvidence::merge(const FindingsEvidence &Other) {
  append(Other);
  normalize();
}

void FindingsEvidence::append(const FindingsEvidence &Other) {
  Findings.insert(Findings.end(), Other.Findings.begin(), Other.Findings.end());
  AnalysisErrors.insert(AnalysisErrors.end(), Other.AnalysisErrors.begin(),
                        Other.AnalysisErrors.end());
  Suppressions.insert(Suppressions.end(), Other.Suppressions.begin(),
                      Other.Suppressions.end());
  TranslationUnits += Other.TranslationUnits;
}

} // namespace exitbar

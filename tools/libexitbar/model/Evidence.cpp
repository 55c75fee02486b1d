// Evidence.cpp - canonical form and merging of evidence
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Evidence.h"
#include <algorithm>
#include <tuple>
#include <unordered_map>

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

static auto stepKey(const PathStep &S) {
  return std::tie(S.File, S.Line, S.Column, S.Message);
}

static auto sortKey(const Finding &F) {
  return std::tie(F.File, F.Line, F.Column, F.Check, F.Fingerprint, F.Message);
}

bool Finding::operator==(const Finding &O) const {
  return sortKey(*this) == sortKey(O) && Level == O.Level && Cwe == O.Cwe &&
         Path == O.Path;
}

/// Orders findings by sortKey, then by their paths: two translation units
/// may report one header finding with different paths, and which copy
/// survives de-duplication must not depend on the order of the input.
static bool findingLess(const Finding &A, const Finding &B) {
  auto KeyA = sortKey(A), KeyB = sortKey(B);
  if (KeyA != KeyB)
    return KeyA < KeyB;
  return std::lexicographical_compare(A.Path.begin(), A.Path.end(),
                                      B.Path.begin(), B.Path.end(),
                                      [](const PathStep &X, const PathStep &Y) {
                                        return stepKey(X) < stepKey(Y);
                                      });
}

static auto summaryKey(const TaintSummary &S) {
  return std::tie(S.Check, S.K, S.Function, S.Parameter, S.Callee, S.Argument,
                  S.File, S.Line, S.Column, S.Remote, S.Appended, S.Combined,
                  S.NeedsRemoteOrAppended, S.Message, S.LineText);
}

static auto serverKey(const ServerSummary &S) {
  return std::tie(S.K, S.Server, S.Library, S.Prefix, S.To, S.Check, S.Pattern,
                  S.File, S.Line, S.Column, S.Message, S.LineText);
}

bool ServerSummary::operator==(const ServerSummary &O) const {
  return serverKey(*this) == serverKey(O);
}

bool ServerSummary::operator<(const ServerSummary &O) const {
  return serverKey(*this) < serverKey(O);
}

bool TaintSummary::operator==(const TaintSummary &O) const {
  return summaryKey(*this) == summaryKey(O) && Steps == O.Steps;
}

bool TaintSummary::operator<(const TaintSummary &O) const {
  if (summaryKey(*this) != summaryKey(O))
    return summaryKey(*this) < summaryKey(O);
  return std::lexicographical_compare(Steps.begin(), Steps.end(),
                                      O.Steps.begin(), O.Steps.end(),
                                      [](const PathStep &X, const PathStep &Y) {
                                        return stepKey(X) < stepKey(Y);
                                      });
}

void FindingsEvidence::normalize() {
  std::sort(Findings.begin(), Findings.end(), findingLess);
  // One finding per fingerprint: a header's finding is reported by every
  // translation unit that includes it. The most severe copy survives, so a
  // planted fragment with the same fingerprint and "low" cannot replace a
  // real high finding; among equally severe copies the first in sort order.
  std::vector<Finding> Unique;
  std::unordered_map<std::string, size_t> Seen;
  bool Replaced = false;
  for (Finding &F : Findings) {
    auto [It, New] = Seen.emplace(F.Fingerprint, Unique.size());
    if (New) {
      Unique.push_back(std::move(F));
    } else if (F.Level < Unique[It->second].Level) {
      Unique[It->second] = std::move(F);
      Replaced = true;
    }
  }
  Findings = std::move(Unique);
  if (Replaced)
    std::sort(Findings.begin(), Findings.end(), findingLess);

  std::sort(AnalysisErrors.begin(), AnalysisErrors.end(),
            [](const AnalysisError &A, const AnalysisError &B) {
              return std::tie(A.File, A.Message) < std::tie(B.File, B.Message);
            });
  AnalysisErrors.erase(
      std::unique(AnalysisErrors.begin(), AnalysisErrors.end()),
      AnalysisErrors.end());

  std::sort(UnanalysedRegions.begin(), UnanalysedRegions.end(),
            [](const UnanalysedRegion &A, const UnanalysedRegion &B) {
              return std::tie(A.File, A.Line, A.Lines, A.Condition) <
                     std::tie(B.File, B.Line, B.Lines, B.Condition);
            });
  UnanalysedRegions.erase(
      std::unique(UnanalysedRegions.begin(), UnanalysedRegions.end()),
      UnanalysedRegions.end());
  auto SuppressionKey = [](const Suppression &S) {
    return std::tie(S.File, S.Line, S.Text, S.Blanket);
  };
  std::sort(Suppressions.begin(), Suppressions.end(),
            [&](const Suppression &A, const Suppression &B) {
              return SuppressionKey(A) < SuppressionKey(B);
            });
  Suppressions.erase(std::unique(Suppressions.begin(), Suppressions.end()),
                     Suppressions.end());
  std::sort(TaintSummaries.begin(), TaintSummaries.end());
  TaintSummaries.erase(
      std::unique(TaintSummaries.begin(), TaintSummaries.end()),
      TaintSummaries.end());
  std::sort(ServerSummaries.begin(), ServerSummaries.end());
  ServerSummaries.erase(
      std::unique(ServerSummaries.begin(), ServerSummaries.end()),
      ServerSummaries.end());
}

void FindingsEvidence::merge(const FindingsEvidence &Other) {
  append(Other);
  normalize();
}

void FindingsEvidence::append(const FindingsEvidence &Other) {
  Findings.insert(Findings.end(), Other.Findings.begin(), Other.Findings.end());
  AnalysisErrors.insert(AnalysisErrors.end(), Other.AnalysisErrors.begin(),
                        Other.AnalysisErrors.end());
  UnanalysedRegions.insert(UnanalysedRegions.end(),
                           Other.UnanalysedRegions.begin(),
                           Other.UnanalysedRegions.end());
  Suppressions.insert(Suppressions.end(), Other.Suppressions.begin(),
                      Other.Suppressions.end());
  TaintSummaries.insert(TaintSummaries.end(), Other.TaintSummaries.begin(),
                        Other.TaintSummaries.end());
  ServerSummaries.insert(ServerSummaries.end(), Other.ServerSummaries.begin(),
                         Other.ServerSummaries.end());
  TranslationUnits += Other.TranslationUnits;
}

} // namespace exitbar

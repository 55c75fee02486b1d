// Sbom.cpp - the SBOM model: canonical order, associative merge, NTIA
// completeness
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Sbom.h"
#include <algorithm>
#include <cctype>
#include <set>

namespace exitbar {

namespace {

void sortUnique(std::vector<std::string> &V) {
  std::sort(V.begin(), V.end());
  V.erase(std::unique(V.begin(), V.end()), V.end());
}

/// Fills \p Into's empty fields from \p From and unites the lists; the
/// smaller value wins a conflict so the result does not depend on order.
void absorb(SbomComponent &Into, const SbomComponent &From) {
  for (auto Field :
       {&SbomComponent::Name, &SbomComponent::Version, &SbomComponent::Type,
        &SbomComponent::Purl, &SbomComponent::Supplier, &SbomComponent::Author,
        &SbomComponent::Origin, &SbomComponent::DownloadLocation,
        &SbomComponent::License, &SbomComponent::File, &SbomComponent::Sha256,
        &SbomComponent::Sha1}) {
    std::string &A = Into.*Field;
    const std::string &B = From.*Field;
    if (A.empty() || (!B.empty() && B < A))
      A = B;
  }
  Into.Sources.insert(Into.Sources.end(), From.Sources.begin(),
                      From.Sources.end());
  sortUnique(Into.Sources);
  Into.DependsOn.insert(Into.DependsOn.end(), From.DependsOn.begin(),
                        From.DependsOn.end());
  sortUnique(Into.DependsOn);
  for (const auto &[K, V] : From.Properties) {
    auto It = Into.Properties.find(K);
    if (It == Into.Properties.end() || V < It->second)
      Into.Properties[K] = V;
  }
}

} // namespace

void SbomDocument::normalize() {
  std::stable_sort(Components.begin(), Components.end(),
                   [](const SbomComponent &A, const SbomComponent &B) {
                     return A.Ref < B.Ref;
                   });
  std::vector<SbomComponent> Out;
  Out.reserve(Components.size());
  for (SbomComponent &C : Components) {
    sortUnique(C.Sources);
    sortUnique(C.DependsOn);
    if (!Out.empty() && Out.back().Ref == C.Ref)
      absorb(Out.back(), C);
    else
      Out.push_back(std::move(C));
  }
  Components = std::move(Out);
  sortUnique(Root.DependsOn);
  sortUnique(Authors);
}

void SbomDocument::merge(const SbomDocument &Other) {
  Components.insert(Components.end(), Other.Components.begin(),
                    Other.Components.end());
  if (Root.Ref.empty())
    Root = Other.Root;
  else if (!Other.Root.Ref.empty())
    absorb(Root, Other.Root);
  Authors.insert(Authors.end(), Other.Authors.begin(), Other.Authors.end());
  if (Supplier.empty() ||
      (!Other.Supplier.empty() && Other.Supplier < Supplier))
    Supplier = Other.Supplier;
  if (Timestamp.empty() ||
      (!Other.Timestamp.empty() && Other.Timestamp > Timestamp))
    Timestamp = Other.Timestamp;
  normalize();
}

const SbomComponent *SbomDocument::find(const std::string &Ref) const {
  auto It = std::lower_bound(
      Components.begin(), Components.end(), Ref,
      [](const SbomComponent &C, const std::string &R) { return C.Ref < R; });
  return It != Components.end() && It->Ref == Ref ? &*It : nullptr;
}

int SbomEvidence::incomplete() const {
  if (!HasAuthor || !HasTimestamp)
    return static_cast<int>(Checks.size());
  return static_cast<int>(std::count_if(
      Checks.begin(), Checks.end(),
      [](const SbomComponentCheck &C) { return !C.Missing.empty(); }));
}

std::string SbomEvidence::completeness() const {
  std::string Out = Components == 0
                        ? std::string("the project alone")
                        : "the project and " + std::to_string(Components) +
                              (Components == 1 ? " component" : " components");
  int Incomplete = incomplete();
  int Total = static_cast<int>(Checks.size());
  if (Incomplete == 0)
    return Out + (Total > 1 ? ", all complete" : ", complete");
  // Per missing element, how many components lack it, in the NTIA order.
  std::vector<std::pair<std::string, int>> Lacking;
  for (const SbomComponentCheck &C : Checks)
    for (const std::string &M : C.Missing) {
      auto It = std::find_if(Lacking.begin(), Lacking.end(),
                             [&](const auto &L) { return L.first == M; });
      if (It == Lacking.end())
        Lacking.emplace_back(M, 1);
      else
        ++It->second;
    }
  std::string Why;
  if (!HasAuthor || !HasTimestamp)
    Why = std::string("the document has no ") +
          (!HasAuthor ? (!HasTimestamp ? "author and no timestamp" : "author")
                      : "timestamp");
  std::string Counts;
  for (const auto &[Element, Count] : Lacking)
    Counts += (Counts.empty() ? "" : ", ") + std::to_string(Count) +
              " without a " + Element;
  if (!Counts.empty())
    Why += (Why.empty() ? "" : "; ") + Counts;
  Out += Total == 1 ? std::string(", incomplete")
         : Incomplete == Total
             ? ", all " + std::to_string(Total) + " incomplete"
             : ", " + std::to_string(Incomplete) + " of the " +
                   std::to_string(Total) + " incomplete";
  return Out + " (" + Why + ")";
}

SbomEvidence checkSbom(const SbomDocument &Doc) {
  SbomEvidence E;
  E.HasAuthor = !Doc.Authors.empty();
  E.HasTimestamp = !Doc.Timestamp.empty();
  E.Components = static_cast<int>(Doc.Components.size());
  std::set<std::string> Related;
  for (const std::string &R : Doc.Root.DependsOn)
    Related.insert(R);
  E.Edges = static_cast<int>(Doc.Root.DependsOn.size());
  for (const SbomComponent &C : Doc.Components) {
    E.Edges += static_cast<int>(C.DependsOn.size());
    Related.insert(C.DependsOn.begin(), C.DependsOn.end());
  }
  auto Check = [&](const SbomComponent &C, bool IsRoot) {
    SbomComponentCheck R{C.Ref, C.Name, C.Origin, {}};
    if (C.Supplier.empty())
      R.Missing.emplace_back("supplier");
    if (C.Name.empty())
      R.Missing.emplace_back("name");
    if (C.Version.empty())
      R.Missing.emplace_back("version");
    if (C.Purl.empty())
      R.Missing.emplace_back("unique identifier");
    // The project relates to what it describes; everything else must be
    // reachable from some other component.
    if (!IsRoot && !Related.count(C.Ref))
      R.Missing.emplace_back("dependency relationship");
    E.Checks.push_back(std::move(R));
  };
  Check(Doc.Root, true);
  for (const SbomComponent &C : Doc.Components)
    Check(C, false);
  return E;
}

std::string makePurl(const std::string &Type, const std::string &Namespace,
                     const std::string &Name, const std::string &Version,
                     const std::map<std::string, std::string> &Qualifiers) {
  // purl-spec: percent-encode everything but unreserved characters.
  auto Encode = [](const std::string &S) {
    static const char *Hex = "0123456789ABCDEF";
    std::string Out;
    for (unsigned char C : S) {
      if (std::isalnum(C) || C == '-' || C == '.' || C == '_' || C == '~') {
        Out += static_cast<char>(C);
      } else {
        Out += '%';
        Out += Hex[C >> 4];
        Out += Hex[C & 0xF];
      }
    }
    return Out;
  };
  std::string Out = "pkg:" + Type + "/";
  if (!Namespace.empty())
    Out += Encode(Namespace) + "/";
  Out += Encode(Name);
  if (!Version.empty())
    Out += "@" + Encode(Version);
  char Sep = '?';
  for (const auto &[K, V] : Qualifiers) { // std::map: sorted keys, as required
    if (V.empty())
      continue;
    Out += Sep + K + "=" + Encode(V);
    Sep = '&';
  }
  return Out;
}

} // namespace exitbar

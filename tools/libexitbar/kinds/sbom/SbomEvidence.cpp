// SbomEvidence.cpp - evidence/sbom.json's content: the NTIA minimum
// elements each component has, and shards' evidence added up
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Sbom.h"
#include "kinds/sbom/Sbom.h"
#include <algorithm>
#include <map>
#include <set>

namespace exitbar {

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

SbomEvidence mergeSbom(const SbomEvidence &A, const SbomEvidence &B) {
  SbomEvidence Out;
  // Document paths are each shard's own; the smaller, for any order.
  auto Smaller = [](const std::string &X, const std::string &Y) {
    return X.empty() ? Y : Y.empty() ? X : std::min(X, Y);
  };
  Out.CycloneDx = Smaller(A.CycloneDx, B.CycloneDx);
  Out.Spdx = Smaller(A.Spdx, B.Spdx);
  Out.HasAuthor = A.HasAuthor && B.HasAuthor;
  Out.HasTimestamp = A.HasTimestamp && B.HasTimestamp;
  // The evidence holds no edge list to unite: the larger count.
  Out.Edges = std::max(A.Edges, B.Edges);
  std::map<std::string, SbomComponentCheck> ByRef;
  for (const SbomEvidence *Side : {&A, &B})
    for (const SbomComponentCheck &C : Side->Checks) {
      auto [It, New] = ByRef.emplace(C.Ref, C);
      if (New)
        continue;
      // Lacking in any shard is lacking.
      std::set<std::string> Missing(It->second.Missing.begin(),
                                    It->second.Missing.end());
      Missing.insert(C.Missing.begin(), C.Missing.end());
      It->second.Missing.assign(Missing.begin(), Missing.end());
      It->second.Name = std::min(It->second.Name, C.Name);
      It->second.Origin = std::min(It->second.Origin, C.Origin);
    }
  // The project first, then bom-ref order, as `collect sbom` writes it.
  for (int Project = 1; Project >= 0; --Project)
    for (auto &[Ref, C] : ByRef)
      if ((C.Origin == "project") == (Project == 1)) {
        std::sort(C.Missing.begin(), C.Missing.end());
        Out.Checks.push_back(C);
      }
  Out.Components = static_cast<int>(std::count_if(
      Out.Checks.begin(), Out.Checks.end(),
      [](const SbomComponentCheck &C) { return C.Origin != "project"; }));
  return Out;
}

} // namespace exitbar

// Sbom.cpp - the SBOM model: canonical order, associative merge, purls
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Sbom.h"
#include "exitbar/SbomBuild.h"
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

// Match.cpp - OSV range evaluation and package URL parsing
// SPDX-License-Identifier: Apache-2.0
//
// Range semantics: OSV schema 1.6, "Evaluation" of affected[].ranges: sort
// the events by version ("0" first), then walk them: introduced at or below
// the version makes it affected, fixed at or below (or last_affected
// below) makes it unaffected again.

#include "vuln/Match.h"
#include "support/Strings.h"
#include <algorithm>
#include <cctype>

namespace exitbar::vuln {
namespace {

std::string percentDecode(std::string_view S) {
  std::string Out;
  for (size_t I = 0; I < S.size(); ++I) {
    if (S[I] == '%' && I + 2 < S.size() &&
        std::isxdigit(static_cast<unsigned char>(S[I + 1])) &&
        std::isxdigit(static_cast<unsigned char>(S[I + 2]))) {
      Out += static_cast<char>(
          std::stoi(std::string(S.substr(I + 1, 2)), nullptr, 16));
      I += 2;
    } else {
      Out += S[I];
    }
  }
  return Out;
}

/// One range evaluated; nothing when its events cannot be ordered.
std::optional<AffectedMatch> evaluateRange(const OsvRange &R,
                                           VersionScheme Scheme,
                                           const std::string &Version) {
  // "introduced: 0" means "since the beginning" in every scheme.
  auto Cmp = [&](const std::string &A,
                 const std::string &B) -> std::optional<int> {
    if (A == "0" && B == "0")
      return 0;
    if (A == "0")
      return -1;
    if (B == "0")
      return 1;
    return compareVersions(Scheme, A, B);
  };
  // Check every version can be ordered first, so the sort is a strict weak
  // order. Under Exact only "introduced: 0" alone (every version) is usable.
  for (const OsvEvent &E : R.Events)
    if (!Cmp(E.Version, E.Version) || !Cmp(Version, E.Version))
      return std::nullopt;
  if (Scheme == VersionScheme::Exact &&
      !std::all_of(R.Events.begin(), R.Events.end(), [](const OsvEvent &E) {
        return E.Type == OsvEvent::Introduced && E.Version == "0";
      }))
    return std::nullopt;
  if (!compareVersions(Scheme, Version, Version))
    return std::nullopt;
  std::vector<OsvEvent> Events = R.Events;
  std::stable_sort(Events.begin(), Events.end(),
                   [&](const OsvEvent &A, const OsvEvent &B) {
                     int C = *Cmp(A.Version, B.Version);
                     return C != 0 ? C < 0 : A.Type < B.Type;
                   });
  AffectedMatch M;
  for (const OsvEvent &E : Events) {
    std::optional<int> C = Cmp(Version, E.Version);
    switch (E.Type) {
    case OsvEvent::Introduced:
      if (*C >= 0)
        M.Affected = true;
      break;
    case OsvEvent::Fixed:
    case OsvEvent::Limit:
      if (*C >= 0)
        M.Affected = false;
      else if (M.Affected && M.Fixed.empty() && E.Type == OsvEvent::Fixed)
        M.Fixed = E.Version;
      break;
    case OsvEvent::LastAffected:
      if (*C > 0)
        M.Affected = false;
      break;
    }
  }
  if (!M.Affected)
    M.Fixed.clear();
  return M;
}

} // namespace

std::string Purl::base() const {
  std::string Out = Type + "/";
  if (!Namespace.empty())
    Out += Namespace + "/";
  return Out + Name;
}

std::optional<Purl> parsePurl(std::string_view Text) {
  if (Text.rfind("pkg:", 0) != 0)
    return std::nullopt;
  Text.remove_prefix(4);
  while (!Text.empty() && Text.front() == '/')
    Text.remove_prefix(1);
  if (size_t Hash = Text.find('#'); Hash != std::string_view::npos)
    Text = Text.substr(0, Hash);
  Purl P;
  if (size_t Q = Text.find('?'); Q != std::string_view::npos) {
    std::string_view Qs = Text.substr(Q + 1);
    Text = Text.substr(0, Q);
    while (!Qs.empty()) {
      size_t Amp = Qs.find('&');
      std::string_view Pair = Qs.substr(0, Amp);
      size_t Eq = Pair.find('=');
      if (Eq != std::string_view::npos)
        P.Qualifiers[toLower(std::string(Pair.substr(0, Eq)))] =
            percentDecode(Pair.substr(Eq + 1));
      if (Amp == std::string_view::npos)
        break;
      Qs.remove_prefix(Amp + 1);
    }
  }
  if (size_t At = Text.rfind('@'); At != std::string_view::npos) {
    P.Version = percentDecode(Text.substr(At + 1));
    Text = Text.substr(0, At);
  }
  size_t Slash = Text.find('/');
  if (Slash == std::string_view::npos || Slash == 0)
    return std::nullopt;
  // The type is case-insensitive; so, for most types, are namespace and name.
  P.Type = toLower(std::string(Text.substr(0, Slash)));
  Text.remove_prefix(Slash + 1);
  size_t Last = Text.rfind('/');
  if (Last != std::string_view::npos) {
    P.Namespace = percentDecode(Text.substr(0, Last));
    Text.remove_prefix(Last + 1);
  }
  P.Name = percentDecode(Text);
  if (P.Name.empty())
    return std::nullopt;
  return P;
}

VersionScheme ecosystemScheme(std::string_view Ecosystem) {
  std::string_view Family = Ecosystem.substr(0, Ecosystem.find(':'));
  if (Family == "Debian" || Family == "Ubuntu")
    return VersionScheme::Dpkg;
  // Registries whose versions are SemVer by rule.
  if (Family == "npm" || Family == "crates.io" || Family == "Go" ||
      Family == "Hex" || Family == "Pub" || Family == "SwiftURL")
    return VersionScheme::Semver;
  return VersionScheme::Exact;
}

AffectedMatch evaluateAffected(const OsvAffected &A, const std::string &Version,
                               bool SemverOnly) {
  VersionScheme Scheme = ecosystemScheme(A.Ecosystem);
  for (const std::string &V : A.Versions)
    if (V == Version ||
        (Scheme == VersionScheme::Dpkg && compareDpkg(V, Version) == 0)) {
      AffectedMatch M;
      M.Affected = true;
      return M;
    }
  AffectedMatch Result;
  for (const OsvRange &R : A.Ranges) {
    if (R.Type == "GIT" || (SemverOnly && R.Type != "SEMVER"))
      continue;
    std::optional<AffectedMatch> M = evaluateRange(
        R, R.Type == "SEMVER" ? VersionScheme::Semver : Scheme, Version);
    if (!M || !M->Affected)
      continue;
    if (!Result.Affected || (Result.Fixed.empty() && !M->Fixed.empty()))
      Result = *M;
  }
  return Result;
}

std::string debianRelease(std::string_view Distro) {
  static const std::pair<const char *, const char *> Codenames[] = {
      {"jessie", "8"},    {"stretch", "9"},   {"buster", "10"},
      {"bullseye", "11"}, {"bookworm", "12"}, {"trixie", "13"},
      {"forky", "14"}};
  std::string D = toLower(std::string(Distro));
  for (const auto &[Name, Number] : Codenames)
    if (D == Name)
      return Number;
  if (D.rfind("debian-", 0) == 0)
    D = D.substr(7);
  D = D.substr(0, D.find('.'));
  if (D.empty() || !std::all_of(D.begin(), D.end(), [](unsigned char C) {
        return std::isdigit(C);
      }))
    return "";
  return D;
}

} // namespace exitbar::vuln

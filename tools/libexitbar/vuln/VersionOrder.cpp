// VersionOrder.cpp - dpkg and SemVer 2.0 version ordering
// SPDX-License-Identifier: Apache-2.0
//
// dpkg: the algorithm of dpkg's lib/dpkg/version.c (verrevcmp and
// dpkg_version_compare), as documented in deb-version(7).
// SemVer: https://semver.org/spec/v2.0.0.html, section 11.

#include "vuln/VersionOrder.h"
#include <string>
#include <vector>

namespace exitbar::vuln {
namespace {

bool isDigit(char C) { return C >= '0' && C <= '9'; }
bool isAlpha(char C) {
  return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z');
}

/// dpkg's order(): '~' before the end, the end before letters, letters
/// before every other character. Digits never reach it except as "end".
int order(int C) {
  if (isDigit(static_cast<char>(C)))
    return 0;
  if (isAlpha(static_cast<char>(C)))
    return C;
  if (C == '~')
    return -1;
  if (C)
    return C + 256;
  return 0;
}

/// dpkg's verrevcmp over one part (upstream or revision). Past the end reads
/// as '\0', as the C code's NUL terminator does.
int verrevcmp(std::string_view A, std::string_view B) {
  size_t I = 0, J = 0;
  auto At = [](std::string_view S, size_t K) -> unsigned char {
    return K < S.size() ? static_cast<unsigned char>(S[K]) : 0;
  };
  while (I < A.size() || J < B.size()) {
    int FirstDiff = 0;
    while ((At(A, I) && !isDigit(At(A, I))) ||
           (At(B, J) && !isDigit(At(B, J)))) {
      int AC = order(At(A, I)), BC = order(At(B, J));
      if (AC != BC)
        return AC - BC;
      ++I;
      ++J;
    }
    while (At(A, I) == '0')
      ++I;
    while (At(B, J) == '0')
      ++J;
    while (isDigit(At(A, I)) && isDigit(At(B, J))) {
      if (!FirstDiff)
        FirstDiff = At(A, I) - At(B, J);
      ++I;
      ++J;
    }
    if (isDigit(At(A, I)))
      return 1;
    if (isDigit(At(B, J)))
      return -1;
    if (FirstDiff)
      return FirstDiff;
  }
  return 0;
}

struct DpkgVersion {
  unsigned long Epoch = 0;
  std::string_view Upstream, Revision;
};

/// Splits like dpkg's parseversion: the epoch ends at the first ':', the
/// revision starts after the last '-'. A malformed epoch counts as 0, as
/// dpkg would refuse such a version rather than order it.
DpkgVersion split(std::string_view V) {
  DpkgVersion Out;
  while (!V.empty() && V.front() == ' ')
    V.remove_prefix(1);
  while (!V.empty() && V.back() == ' ')
    V.remove_suffix(1);
  if (size_t Colon = V.find(':'); Colon != std::string_view::npos) {
    for (char C : V.substr(0, Colon))
      if (isDigit(C))
        Out.Epoch = Out.Epoch * 10 + static_cast<unsigned long>(C - '0');
    V.remove_prefix(Colon + 1);
  }
  if (size_t Dash = V.rfind('-'); Dash != std::string_view::npos) {
    Out.Revision = V.substr(Dash + 1);
    V = V.substr(0, Dash);
  }
  Out.Upstream = V;
  return Out;
}

struct Semver {
  unsigned long long Core[3] = {0, 0, 0};
  std::vector<std::string_view> Pre;
};

std::optional<Semver> parseSemver(std::string_view V) {
  if (!V.empty() && (V.front() == 'v' || V.front() == 'V'))
    V.remove_prefix(1);
  if (size_t Plus = V.find('+'); Plus != std::string_view::npos)
    V = V.substr(0, Plus); // build metadata has no precedence
  std::string_view Pre;
  if (size_t Dash = V.find('-'); Dash != std::string_view::npos) {
    Pre = V.substr(Dash + 1);
    V = V.substr(0, Dash);
    if (Pre.empty())
      return std::nullopt;
  }
  Semver S;
  int Part = 0;
  size_t I = 0;
  while (true) {
    if (Part == 3 || I >= V.size() || !isDigit(V[I]))
      return std::nullopt;
    unsigned long long N = 0;
    while (I < V.size() && isDigit(V[I])) {
      if (N > 1000000000000ULL)
        return std::nullopt;
      N = N * 10 + static_cast<unsigned long long>(V[I++] - '0');
    }
    S.Core[Part++] = N;
    if (I == V.size())
      break;
    if (V[I++] != '.')
      return std::nullopt;
  }
  while (!Pre.empty()) {
    size_t Dot = Pre.find('.');
    std::string_view Id = Pre.substr(0, Dot);
    if (Id.empty())
      return std::nullopt;
    S.Pre.push_back(Id);
    if (Dot == std::string_view::npos)
      break;
    Pre.remove_prefix(Dot + 1);
    if (Pre.empty())
      return std::nullopt;
  }
  return S;
}

bool allDigits(std::string_view S) {
  for (char C : S)
    if (!isDigit(C))
      return false;
  return !S.empty();
}

int sign(long long V) { return V < 0 ? -1 : V > 0 ? 1 : 0; }

} // namespace

int compareDpkg(std::string_view A, std::string_view B) {
  DpkgVersion X = split(A), Y = split(B);
  if (X.Epoch != Y.Epoch)
    return X.Epoch < Y.Epoch ? -1 : 1;
  if (int R = verrevcmp(X.Upstream, Y.Upstream))
    return R;
  return verrevcmp(X.Revision, Y.Revision);
}

std::optional<int> compareSemver(std::string_view A, std::string_view B) {
  std::optional<Semver> X = parseSemver(A), Y = parseSemver(B);
  if (!X || !Y)
    return std::nullopt;
  for (int I = 0; I < 3; ++I)
    if (X->Core[I] != Y->Core[I])
      return X->Core[I] < Y->Core[I] ? -1 : 1;
  // A pre-release sorts before its release.
  if (X->Pre.empty() || Y->Pre.empty())
    return sign(static_cast<long long>(!Y->Pre.empty()) -
                static_cast<long long>(!X->Pre.empty()));
  for (size_t I = 0; I < X->Pre.size() && I < Y->Pre.size(); ++I) {
    std::string_view P = X->Pre[I], Q = Y->Pre[I];
    bool PN = allDigits(P), QN = allDigits(Q);
    if (PN && QN) {
      // Numerically: the longer number (no leading zeros in SemVer) is larger.
      while (P.size() > 1 && P.front() == '0')
        P.remove_prefix(1);
      while (Q.size() > 1 && Q.front() == '0')
        Q.remove_prefix(1);
      if (P.size() != Q.size())
        return P.size() < Q.size() ? -1 : 1;
      if (int R = P.compare(Q))
        return sign(R);
    } else if (PN != QN) {
      return PN ? -1 : 1; // numeric identifiers sort before alphanumeric ones
    } else if (int R = P.compare(Q)) {
      return sign(R);
    }
  }
  return sign(static_cast<long long>(X->Pre.size()) -
              static_cast<long long>(Y->Pre.size()));
}

std::optional<int> compareVersions(VersionScheme Scheme, std::string_view A,
                                   std::string_view B) {
  switch (Scheme) {
  case VersionScheme::Dpkg:
    return compareDpkg(A, B);
  case VersionScheme::Semver:
    return compareSemver(A, B);
  case VersionScheme::Exact:
    if (A == B)
      return 0;
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace exitbar::vuln

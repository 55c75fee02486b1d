// Signatures.cpp - the signature statuses: their names and counts
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Signatures.h"
#include <algorithm>

namespace exitbar {

std::string_view toString(SignatureStatus S) {
  switch (S) {
  case SignatureStatus::Good:
    return "good";
  case SignatureStatus::Unsigned:
    return "unsigned";
  case SignatureStatus::Invalid:
    return "invalid";
  case SignatureStatus::UntrustedKey:
    return "untrusted-key";
  case SignatureStatus::NeedsOnlineCheck:
    return "needs-online-check";
  case SignatureStatus::Missing:
    return "missing";
  }
  return "invalid";
}

std::optional<SignatureStatus> parseSignatureStatus(std::string_view Name) {
  for (SignatureStatus S :
       {SignatureStatus::Good, SignatureStatus::Unsigned,
        SignatureStatus::Invalid, SignatureStatus::UntrustedKey,
        SignatureStatus::NeedsOnlineCheck, SignatureStatus::Missing})
    if (toString(S) == Name)
      return S;
  return std::nullopt;
}

int SignaturesEvidence::count(SignatureStatus S) const {
  return static_cast<int>(
      std::count_if(Artifacts.begin(), Artifacts.end(),
                    [&](const ArtifactSignature &A) { return A.Status == S; }));
}

int SignaturesEvidence::bad() const {
  return static_cast<int>(Artifacts.size()) - count(SignatureStatus::Good);
}

} // namespace exitbar

// Registry.cpp - the one list of registered evidence kinds
// SPDX-License-Identifier: Apache-2.0
//
// A new kind is a folder kinds/<kind>/ defining `const EvidenceKind &
// <kind>::kind()`, two lines below, and its docs; nothing else names it.

#include "exitbar/EvidenceKinds.h"

namespace exitbar {

namespace approvals {
const EvidenceKind &kind();
} // namespace approvals
namespace benchmarks {
const EvidenceKind &kind();
} // namespace benchmarks
namespace coverage {
const EvidenceKind &kind();
} // namespace coverage
namespace energy {
const EvidenceKind &kind();
} // namespace energy
namespace findings {
const EvidenceKind &kind();
} // namespace findings
namespace readiness {
const EvidenceKind &kind();
} // namespace readiness
namespace sbom {
const EvidenceKind &kind();
} // namespace sbom
namespace signatures {
const EvidenceKind &kind();
} // namespace signatures
namespace tests {
const EvidenceKind &kind();
} // namespace tests
namespace vulnerabilities {
const EvidenceKind &kind();
} // namespace vulnerabilities

const std::vector<const EvidenceKind *> &evidenceKinds() {
  // One line per kind, so adding one is a one-line change.
  // clang-format off
  static const std::vector<const EvidenceKind *> Kinds = {
      &approvals::kind(),
      &benchmarks::kind(),
      &coverage::kind(),
      &energy::kind(),
      &findings::kind(),
      &readiness::kind(),
      &sbom::kind(),
      &signatures::kind(),
      &tests::kind(),
      &vulnerabilities::kind(),
  };
  // clang-format on
  return Kinds;
}

const EvidenceKind *findEvidenceKind(const std::string &Name) {
  for (const EvidenceKind *K : evidenceKinds())
    if (Name == K->Name)
      return K;
  return nullptr;
}

const EvidenceKind *findPolicySectionOwner(const std::string &Section) {
  for (const EvidenceKind *K : evidenceKinds())
    if (K->PolicySection && Section == K->PolicySection)
      return K;
  return nullptr;
}

} // namespace exitbar

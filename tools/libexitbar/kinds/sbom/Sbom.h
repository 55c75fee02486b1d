// Sbom.h - the sbom kind's completeness check, shard merge and JSON
// SPDX-License-Identifier: Apache-2.0
//
// Internal to the kind (and its unit tests): the SBOM types are in
// exitbar/Sbom.h, building and writing SBOM documents in exitbar/SbomBuild.h.

#ifndef EXITBAR_KINDS_SBOM_SBOM_H
#define EXITBAR_KINDS_SBOM_SBOM_H

#include "exitbar/Sbom.h"
#include <nlohmann/json_fwd.hpp>
#include <string>

namespace exitbar {

/// Checks \p Doc against the NTIA minimum elements.
/// Example: SbomEvidence E = checkSbom(Doc);
SbomEvidence checkSbom(const SbomDocument &Doc);

/// SBOM components united by ref; a component lacks an NTIA element when
/// any shard found it lacking; the document elements hold only when they
/// hold in both.
/// Example: SbomEvidence S = mergeSbom(Shard1, Shard2);
SbomEvidence mergeSbom(const SbomEvidence &A, const SbomEvidence &B);

/// evidence/sbom.json, written and read (schema and members checked;
/// Error with the file and JSON pointer otherwise).
void to_json(nlohmann::json &J, const SbomEvidence &E);
SbomEvidence sbomFromJson(const nlohmann::json &J, const std::string &File);

} // namespace exitbar

#endif // EXITBAR_KINDS_SBOM_SBOM_H

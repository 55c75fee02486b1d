// SbomJson.cpp - JSON serialisation of evidence/sbom.json
// SPDX-License-Identifier: Apache-2.0
//
// Schema: docs/evidence-schema/sbom.md.

#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"

using nlohmann::json;

namespace exitbar {

void to_json(json &J, const SbomEvidence &E) {
  json Components = json::array();
  for (const SbomComponentCheck &C : E.Checks)
    Components.push_back({{"ref", C.Ref},
                          {"name", C.Name},
                          {"origin", C.Origin},
                          {"missing", C.Missing},
                          {"complete", C.Missing.empty()}});
  J = json{{"schema", "exitbar.sbom"},
           {"schema_version", EvidenceSchemaVersion},
           {"documents", {{"cyclonedx", E.CycloneDx}, {"spdx", E.Spdx}}},
           {"counts",
            {{"components", E.Components},
             {"edges", E.Edges},
             {"incomplete", E.incomplete()}}},
           {"document_elements",
            {{"author", E.HasAuthor}, {"timestamp", E.HasTimestamp}}},
           {"components", Components}};
}

SbomEvidence sbomFromJson(const json &J, const std::string &File) {
  if (!memberIs(J, "schema", "exitbar.sbom"))
    throw Error("input.evidence.schema", File, "/schema",
                "expected 'exitbar.sbom'");
  if (!memberIs(J, "schema_version", EvidenceSchemaVersion))
    throw Error("input.evidence.schema-version", File, "/schema_version",
                "unsupported schema version");
  SbomEvidence E;
  std::string Pointer;
  try {
    Pointer = "/documents";
    E.CycloneDx = J.at("documents").at("cyclonedx").get<std::string>();
    E.Spdx = J.at("documents").at("spdx").get<std::string>();
    Pointer = "/counts";
    E.Components = asInteger<int>(J.at("counts").at("components"));
    E.Edges = asInteger<int>(J.at("counts").at("edges"));
    Pointer = "/document_elements";
    E.HasAuthor = J.at("document_elements").at("author").get<bool>();
    E.HasTimestamp = J.at("document_elements").at("timestamp").get<bool>();
    const json &Components = J.at("components");
    for (size_t I = 0; I < Components.size(); ++I) {
      Pointer = "/components/" + std::to_string(I);
      const json &C = Components[I];
      E.Checks.push_back({C.at("ref").get<std::string>(),
                          C.at("name").get<std::string>(),
                          C.at("origin").get<std::string>(),
                          C.at("missing").get<std::vector<std::string>>()});
    }
  } catch (const json::exception &X) {
    throw Error("input.evidence.invalid", File, Pointer, X.what());
  }
  return E;
}

} // namespace exitbar

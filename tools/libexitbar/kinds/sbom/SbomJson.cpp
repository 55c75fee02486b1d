// SbomJson.cpp - JSON serialisation of evidence/sbom.json
// SPDX-License-Identifier: Apache-2.0
//
// Schema: docs/evidence-schema/sbom.md.

#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/JsonCursor.h"
#include "kinds/sbom/Sbom.h"

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
  JsonCursor C = openEvidence(J, "exitbar.sbom", File);
  SbomEvidence E;
  E.CycloneDx = C.at("documents").at("cyclonedx").string();
  E.Spdx = C.at("documents").at("spdx").string();
  E.Components = C.at("counts").at("components").integer<int>();
  E.Edges = C.at("counts").at("edges").integer<int>();
  E.HasAuthor = C.at("document_elements").at("author").boolean();
  E.HasTimestamp = C.at("document_elements").at("timestamp").boolean();
  for (const JsonCursor &X : C.at("components").elements())
    E.Checks.push_back({X.at("ref").string(), X.at("name").string(),
                        X.at("origin").string(), X.at("missing").strings()});
  return E;
}

} // namespace exitbar

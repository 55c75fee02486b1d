// SignaturesJson.cpp - JSON serialisation of signatures evidence
// SPDX-License-Identifier: Apache-2.0
//
// Schema: docs/evidence-schema/signatures.md.

#include "exitbar/Error.h"
#include "exitbar/Evidence.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/JsonCursor.h"
#include "kinds/signatures/Signatures.h"

using nlohmann::json;

namespace exitbar {

void to_json(json &J, const SignaturesEvidence &E) {
  json Keys = json::array();
  for (const TrustedKeyInfo &K : E.TrustedKeys)
    Keys.push_back(json{{"id", K.Id}, {"type", K.Type}, {"file", K.File}});
  json Artifacts = json::array();
  json Totals = json::object();
  for (SignatureStatus S :
       {SignatureStatus::Good, SignatureStatus::Unsigned,
        SignatureStatus::Invalid, SignatureStatus::UntrustedKey,
        SignatureStatus::NeedsOnlineCheck, SignatureStatus::Missing})
    Totals[std::string(toString(S))] = E.count(S);
  Totals["artifacts"] = E.Artifacts.size();
  for (const ArtifactSignature &A : E.Artifacts)
    Artifacts.push_back(json{{"path", A.Path},
                             {"target", A.Target},
                             {"kind", A.Kind},
                             {"sha256", A.Sha256},
                             {"status", toString(A.Status)},
                             {"signature", A.SignatureFile},
                             {"format", A.Format},
                             {"key_id", A.KeyId},
                             {"detail", A.Detail}});
  J = json{{"schema", "exitbar.signatures"},
           {"schema_version", EvidenceSchemaVersion},
           {"trusted_keys", Keys},
           {"artifacts", Artifacts},
           {"totals", Totals}};
}

SignaturesEvidence signaturesFromJson(const json &J, const std::string &File) {
  JsonCursor C = openEvidence(J, "exitbar.signatures", File);
  SignaturesEvidence E;
  for (const JsonCursor &K : C.at("trusted_keys").elements())
    E.TrustedKeys.push_back(
        {K.at("id").string(), K.at("type").string(), K.at("file").string()});
  for (const JsonCursor &A : C.at("artifacts").elements()) {
    ArtifactSignature S;
    S.Path = A.at("path").string();
    S.Target = A.at("target").string();
    S.Kind = A.at("kind").string();
    S.Sha256 = A.at("sha256").string();
    auto Status = parseSignatureStatus(A.at("status").string());
    if (!Status)
      A.at("status").fail("input.evidence.invalid", "unknown signature status");
    S.Status = *Status;
    S.SignatureFile = A.at("signature").string();
    S.Format = A.at("format").string();
    S.KeyId = A.at("key_id").string();
    S.Detail = A.at("detail").string();
    E.Artifacts.push_back(std::move(S));
  }
  return E;
}

} // namespace exitbar

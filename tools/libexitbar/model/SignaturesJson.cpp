// SignaturesJson.cpp - JSON serialisation of signatures evidence
// SPDX-License-Identifier: Apache-2.0
//
// Schema: docs/evidence-schema/signatures.md.

#include "exitbar/Error.h"
#include "exitbar/Evidence.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Signatures.h"

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
  if (!J.is_object())
    throw Error("input.evidence.wrong-type", File, "", "not a JSON object");
  if (!memberIs(J, "schema", "exitbar.signatures"))
    throw Error("input.evidence.schema", File, "/schema",
                "expected 'exitbar.signatures'");
  if (!memberIs(J, "schema_version", EvidenceSchemaVersion))
    throw Error("input.evidence.schema-version", File, "/schema_version",
                "unsupported schema version");
  SignaturesEvidence E;
  std::string Pointer;
  try {
    Pointer = "/trusted_keys";
    for (const json &K : J.at("trusted_keys"))
      E.TrustedKeys.push_back({K.at("id").get<std::string>(),
                               K.at("type").get<std::string>(),
                               K.at("file").get<std::string>()});
    const json &Artifacts = J.at("artifacts");
    for (size_t I = 0; I < Artifacts.size(); ++I) {
      Pointer = "/artifacts/" + std::to_string(I);
      const json &A = Artifacts.at(I);
      ArtifactSignature S;
      S.Path = A.at("path").get<std::string>();
      S.Target = A.at("target").get<std::string>();
      S.Kind = A.at("kind").get<std::string>();
      S.Sha256 = A.at("sha256").get<std::string>();
      auto Status = parseSignatureStatus(A.at("status").get<std::string>());
      if (!Status)
        throw Error("input.evidence.invalid", File, Pointer + "/status",
                    "unknown signature status");
      S.Status = *Status;
      S.SignatureFile = A.at("signature").get<std::string>();
      S.Format = A.at("format").get<std::string>();
      S.KeyId = A.at("key_id").get<std::string>();
      S.Detail = A.at("detail").get<std::string>();
      E.Artifacts.push_back(std::move(S));
    }
  } catch (const json::exception &X) {
    throw Error("input.evidence.invalid", File, Pointer, X.what());
  }
  return E;
}

} // namespace exitbar

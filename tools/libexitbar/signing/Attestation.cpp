// Attestation.cpp - in-toto Statement v1 + SLSA VSA v1 predicate in a DSSE
// envelope
// SPDX-License-Identifier: Apache-2.0
//
// Specifications implemented:
// - DSSE v1 envelope and PAE: https://github.com/secure-systems-lab/dsse
//   (envelope.md, protocol.md)
// - in-toto Statement v1: https://github.com/in-toto/attestation
//   (spec/v1/statement.md)
// - SLSA Verification Summary Attestation v1:
//   https://slsa.dev/spec/v1.0/verification_summary
// The layout is documented in docs/signing.md.

#include "exitbar/Attestation.h"
#include "exitbar/Digest.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include <algorithm>
#include <ctime>
#include <filesystem>

namespace fs = std::filesystem;
using nlohmann::json;

namespace exitbar {

std::string dssePae(std::string_view PayloadType, std::string_view Payload) {
  std::string Out = "DSSEv1 ";
  Out += std::to_string(PayloadType.size());
  Out += ' ';
  Out += PayloadType;
  Out += ' ';
  Out += std::to_string(Payload.size());
  Out += ' ';
  Out += Payload;
  return Out;
}

static json digestSet(const std::string &Sha256) {
  return json{{"sha256", Sha256}};
}

std::string makeVerdictStatement(const Verdict &V,
                                 const StatementOptions &Options) {
  json Subjects = json::array();
  for (const DigestedFile &S : Options.Subjects)
    Subjects.push_back(json{{"name", S.Name}, {"digest", digestSet(S.Sha256)}});
  json Inputs = json::array();
  for (const DigestedFile &I : Options.Inputs)
    Inputs.push_back(json{{"uri", I.Name}, {"digest", digestSet(I.Sha256)}});
  // Waivers and a baseline turn failures into passes: a verifier must be
  // able to tell which ones the verdict rests on.
  json GateInputs = json::object();
  for (const GateInput &I : V.Inputs) {
    Inputs.push_back(
        json{{"uri", I.Kind + ":" + I.Path}, {"digest", digestSet(I.Sha256)}});
    GateInputs[I.Kind] = json{{"path", I.Path}, {"sha256", I.Sha256}};
  }
  json Failing = json::array();
  json Waived = json::array();
  for (const CriterionResult &R : V.Criteria) {
    if (!R.Passed)
      Failing.push_back(json{{"id", R.Rule.Id},
                             {"level", toString(R.Rule.Required)},
                             {"detail", R.Detail}});
    // A waiver turns a failure into a pass; whoever relies on the verdict
    // must see which criteria passed that way.
    if (R.Waived)
      Waived.push_back(json{{"id", R.Rule.Id},
                            {"level", toString(R.Rule.Required)},
                            {"detail", R.Detail}});
  }
  std::string Resource = Options.ResourceUri;
  if (Resource.empty())
    Resource = "urn:exitbar:release:" + (V.ReleaseVersion.empty()
                                             ? std::string("unversioned")
                                             : V.ReleaseVersion);
  json Predicate{
      {"verifier",
       {{"id", "urn:exitbar:gate"}, {"version", {{"exitbar", "0.1.0"}}}}},
      {"timeVerified",
       Options.TimeVerified.empty() ? V.GeneratedAt : Options.TimeVerified},
      {"resourceUri", Resource},
      {"policy",
       {{"uri", Options.PolicyUri},
        {"digest", digestSet(Options.PolicySha256)}}},
      {"inputAttestations", Inputs},
      {"verificationResult", Options.Passed ? "PASSED" : "FAILED"},
      // SLSA levels are not what ExitBar verifies: custom values (not
      // SLSA_*) as the VSA spec allows, or FAILED.
      {"verifiedLevels",
       json::array({Options.Passed
                        ? "EXITBAR_" + std::string(toString(V.Result))
                        : std::string("FAILED")})},
      {"slsaVersion", "1.0"},
      // Consumers ignore fields they do not know (in-toto parsing rules);
      // ExitBar's own reader uses these.
      {"exitbar",
       {{"status", toString(V.Result)},
        {"release_version", V.ReleaseVersion},
        {"readiness_score", V.ReadinessScore},
        {"must_pass", {{"passed", V.MustPassed}, {"total", V.MustTotal}}},
        {"should_pass", {{"passed", V.ShouldPassed}, {"total", V.ShouldTotal}}},
        {"failing_criteria", Failing},
        {"waived_criteria", Waived},
        {"warnings", V.Warnings}}}};
  if (!GateInputs.empty())
    Predicate["exitbar"]["inputs"] = GateInputs;
  if (!V.AuditLogHead.empty())
    Predicate["exitbar"]["audit_log"] = {{"head", V.AuditLogHead},
                                         {"entry", V.AuditLogEntry}};
  json Statement{{"_type", "https://in-toto.io/Statement/v1"},
                 {"subject", Subjects},
                 {"predicateType", VsaPredicateType},
                 {"predicate", Predicate}};
  return dumpCanonical(Statement);
}

std::string signEnvelope(std::string_view PayloadType, std::string_view Payload,
                         const std::vector<PrivateKey> &Keys) {
  std::string Pae = dssePae(PayloadType, Payload);
  json Signatures = json::array();
  for (const PrivateKey &K : Keys)
    Signatures.push_back(json{{"keyid", K.publicKey().id()},
                              {"sig", base64Encode(K.sign(Pae))}});
  return dumpCanonical(json{{"payloadType", PayloadType},
                            {"payload", base64Encode(Payload)},
                            {"signatures", Signatures}});
}

namespace {

[[noreturn]] void malformed(const std::string &File, const std::string &Pointer,
                            const std::string &Message) {
  throw Error("input.attestation.invalid", File, Pointer, Message);
}

std::string stringAt(const json &J, const char *Key, const std::string &File,
                     const std::string &Pointer) {
  auto It = J.find(Key);
  if (It == J.end() || !It->is_string())
    malformed(File, Pointer + "/" + Key, "missing or not a string");
  return It->get<std::string>();
}

} // namespace

std::optional<long long> parseTimestamp(std::string_view Text) {
  std::tm T{};
  if (Text.size() != 20 || Text[4] != '-' || Text[7] != '-' ||
      Text[10] != 'T' || Text[13] != ':' || Text[16] != ':' || Text[19] != 'Z')
    return std::nullopt;
  std::string S(Text);
  const char *End = strptime(S.c_str(), "%Y-%m-%dT%H:%M:%SZ", &T);
  if (!End || *End != '\0')
    return std::nullopt;
  return static_cast<long long>(timegm(&T));
}

AttestationCheck verifyAttestation(std::string_view EnvelopeText,
                                   const std::string &File,
                                   const TrustStore &Trust,
                                   const std::vector<DigestedFile> &Artifacts) {
  AttestationExpectations Expect;
  Expect.Artifacts = Artifacts;
  return verifyAttestationFor(EnvelopeText, File, Trust, Expect);
}

AttestationCheck verifyAttestationFor(std::string_view EnvelopeText,
                                      const std::string &File,
                                      const TrustStore &Trust,
                                      const AttestationExpectations &Expect) {
  const std::vector<DigestedFile> &Artifacts = Expect.Artifacts;
  json Envelope = parseJsonText(EnvelopeText, File);
  if (!Envelope.is_object())
    malformed(File, "", "a DSSE envelope is a JSON object");
  std::string PayloadType = stringAt(Envelope, "payloadType", File, "");
  auto Payload = base64Decode(stringAt(Envelope, "payload", File, ""));
  if (!Payload)
    malformed(File, "/payload", "not base64");
  auto Sigs = Envelope.find("signatures");
  if (Sigs == Envelope.end() || !Sigs->is_array())
    malformed(File, "/signatures", "missing or not an array");

  AttestationCheck C;
  if (PayloadType != InTotoPayloadType)
    C.Problems.push_back("payloadType is '" + PayloadType + "', not " +
                         InTotoPayloadType);
  // Signatures are over the PAE of type and payload, so neither can be
  // swapped without breaking them.
  std::string Pae = dssePae(PayloadType, *Payload);
  // With --signer, a signature by one of the pinned keys is preferred over
  // another trusted key's.
  auto Pinned = [&](const std::string &Id) {
    return Expect.Signers.empty() ||
           std::find(Expect.Signers.begin(), Expect.Signers.end(), Id) !=
               Expect.Signers.end();
  };
  for (size_t I = 0; I < Sigs->size(); ++I) {
    const json &S = (*Sigs)[I];
    std::string Pointer = "/signatures/" + std::to_string(I);
    auto Sig = base64Decode(stringAt(S, "sig", File, Pointer));
    if (!Sig)
      continue;
    for (const PublicKey &K : Trust.Trusted)
      if ((!C.SignedByTrustedKey || (Pinned(K.id()) && !Pinned(C.KeyId))) &&
          K.verify(Pae, *Sig)) {
        C.SignedByTrustedKey = true;
        C.KeyId = K.id();
      }
  }
  if (!C.SignedByTrustedKey)
    C.Problems.emplace_back(Sigs->empty()
                                ? "the envelope has no signature"
                                : "no trusted key signed the envelope (or its "
                                  "payload was changed)");

  json Statement;
  try {
    checkJsonDepth(*Payload, File);
    Statement = json::parse(*Payload);
  } catch (const json::exception &) {
    malformed(File, "/payload", "the payload is not JSON");
  }
  if (!Statement.is_object())
    malformed(File, "/payload", "the statement is not a JSON object");
  if (Statement.value("_type", "") != "https://in-toto.io/Statement/v1")
    C.Problems.emplace_back("the payload is not an in-toto Statement v1");
  if (Statement.value("predicateType", "") != VsaPredicateType)
    C.Problems.push_back(std::string("predicateType is not ") +
                         VsaPredicateType);
  if (auto Subjects = Statement.find("subject");
      Subjects != Statement.end() && Subjects->is_array())
    for (const json &S : *Subjects)
      if (S.is_object() && S.contains("digest") && S["digest"].is_object())
        C.Subjects.push_back(
            {S.value("name", ""), S["digest"].value("sha256", "")});
  if (const json *P =
          Statement.contains("predicate") && Statement["predicate"].is_object()
              ? &Statement["predicate"]
              : nullptr) {
    C.VerificationResult = P->value("verificationResult", "");
    if (P->contains("timeVerified") && (*P)["timeVerified"].is_string())
      C.TimeVerified = (*P)["timeVerified"].get<std::string>();
    if (const json *Policy = P->contains("policy") && (*P)["policy"].is_object()
                                 ? &(*P)["policy"]
                                 : nullptr)
      if (Policy->contains("digest") && (*Policy)["digest"].is_object())
        C.PolicySha256 = (*Policy)["digest"].value("sha256", "");
    if (P->contains("exitbar") && (*P)["exitbar"].is_object()) {
      const json &X = (*P)["exitbar"];
      C.Status = X.value("status", "");
      C.ReleaseVersion = X.value("release_version", "");
      if (X.contains("waived_criteria") && X["waived_criteria"].is_array())
        for (const json &W : X["waived_criteria"])
          if (W.is_object() && W.value("level", "") == "must")
            C.WaivedMustPass.push_back(W.value("id", "") + ": " +
                                       W.value("detail", ""));
    }
  }
  if (C.VerificationResult != "PASSED")
    C.Problems.push_back(
        "verificationResult is " +
        (C.VerificationResult.empty() ? std::string("missing")
                                      : C.VerificationResult) +
        (C.Status.empty() ? "" : " (verdict " + C.Status + ")"));
  // PASSED covers CONDITIONAL (the gate's exit code is 0 for it); a
  // verifier accepts it only when asked to.
  if (C.VerificationResult == "PASSED" && C.Status != "GO" &&
      !(Expect.AcceptConditional && C.Status == "CONDITIONAL"))
    C.Problems.push_back(
        "the verdict is " +
        (C.Status.empty() ? std::string("missing") : C.Status) + ", not GO" +
        (C.Status == "CONDITIONAL" ? " (pass --accept conditional to accept it)"
                                   : ""));
  if (!Expect.PolicySha256.empty() && C.PolicySha256 != Expect.PolicySha256)
    C.Problems.push_back(
        "the policy's sha256 is " +
        (C.PolicySha256.empty() ? std::string("missing") : C.PolicySha256) +
        ", not " + Expect.PolicySha256);
  if (!Expect.ReleaseVersion.empty() &&
      C.ReleaseVersion != Expect.ReleaseVersion)
    C.Problems.push_back("the release version is '" + C.ReleaseVersion +
                         "', not '" + Expect.ReleaseVersion + "'");
  if (!Expect.Signers.empty() && C.SignedByTrustedKey &&
      std::find(Expect.Signers.begin(), Expect.Signers.end(), C.KeyId) ==
          Expect.Signers.end())
    C.Problems.push_back("signed by " + C.KeyId + ", not by a --signer key");
  if (Expect.MaxAgeSeconds) {
    auto Time = parseTimestamp(C.TimeVerified);
    if (!Time)
      C.Problems.push_back("timeVerified '" + C.TimeVerified +
                           "' is not an RFC 3339 UTC time");
    else if (*Time > Expect.Now + 300)
      C.Problems.push_back("timeVerified " + C.TimeVerified +
                           " is in the future");
    else if (Expect.Now - *Time > *Expect.MaxAgeSeconds)
      C.Problems.push_back("timeVerified " + C.TimeVerified +
                           " is older than " +
                           std::to_string(*Expect.MaxAgeSeconds) + " seconds");
  }
  for (const DigestedFile &A : Artifacts)
    if (std::none_of(
            C.Subjects.begin(), C.Subjects.end(),
            [&](const DigestedFile &S) { return S.Sha256 == A.Sha256; }))
      C.Problems.push_back(A.Name +
                           ": not a subject of the attestation (sha256 " +
                           A.Sha256 + " was not verified)");
  return C;
}

std::vector<DigestedFile> digestEvidence(const std::string &EvidenceDir) {
  std::vector<DigestedFile> Out;
  std::error_code Ec;
  for (const auto &Entry : fs::directory_iterator(EvidenceDir, Ec))
    if (Entry.is_regular_file(Ec) && Entry.path().extension() == ".json")
      Out.push_back({"evidence/" + Entry.path().filename().string(),
                     sha256Hex(readFile(Entry.path().string()))});
  std::sort(Out.begin(), Out.end(),
            [](const DigestedFile &A, const DigestedFile &B) {
              return A.Name < B.Name;
            });
  return Out;
}

} // namespace exitbar

// Attestation.h - the signed verdict: an in-toto Statement with a SLSA VSA
// predicate in a DSSE envelope
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_ATTESTATION_H
#define EXITBAR_ATTESTATION_H

#include "exitbar/Signing.h"
#include "exitbar/Verdict.h"
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exitbar {

/// The payload type of in-toto statements in DSSE envelopes.
inline constexpr const char *InTotoPayloadType = "application/vnd.in-toto+json";
/// The SLSA Verification Summary Attestation predicate type.
inline constexpr const char *VsaPredicateType =
    "https://slsa.dev/verification_summary/v1";

/// A file named by its SHA-256: an attestation subject or input.
struct DigestedFile {
  std::string Name;
  std::string Sha256; ///< lower-case hex
};

/// DSSE v1 pre-authentication encoding:
/// "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in ASCII
/// decimal. Signatures are made over this, never over the bare payload.
/// Example: dssePae("t", "hi") == "DSSEv1 1 t 2 hi"
std::string dssePae(std::string_view PayloadType, std::string_view Payload);

/// What the statement says besides the verdict itself.
struct StatementOptions {
  std::vector<DigestedFile> Subjects; ///< the release artifacts
  std::vector<DigestedFile> Inputs;   ///< the evidence files
  std::string PolicyUri;              ///< the policy file, or "builtin:"
  std::string PolicySha256;
  std::string ResourceUri; ///< what was verified (default from the version)
  bool Passed = false;     ///< the gate passed (exit code 0)
  /// timeVerified: the real clock (Env::clock()), because verifiers judge
  /// the attestation's age by it; V.GeneratedAt when empty.
  std::string TimeVerified;
};

/// The in-toto Statement v1 (canonical JSON text) whose subjects are the
/// artifacts and whose predicate is a SLSA VSA v1 carrying the verdict.
/// Example: auto S = makeVerdictStatement(V, Options);
std::string makeVerdictStatement(const Verdict &V,
                                 const StatementOptions &Options);

/// A DSSE envelope (JSON text) of \p Payload signed by every key in \p Keys.
/// Example: auto Env = signEnvelope(InTotoPayloadType, Statement, {Key});
std::string signEnvelope(std::string_view PayloadType, std::string_view Payload,
                         const std::vector<PrivateKey> &Keys);

/// What verify-attestation found.
struct AttestationCheck {
  bool SignedByTrustedKey = false;
  std::string KeyId;              ///< the trusted key that verified
  std::string VerificationResult; ///< "PASSED" or "FAILED"
  std::string Status;             ///< the ExitBar verdict, e.g. "GO"
  std::string ReleaseVersion;
  std::string PolicySha256;
  std::string TimeVerified;
  /// Must-pass criteria that passed only by a waiver ("id: detail").
  std::vector<std::string> WaivedMustPass;
  std::vector<DigestedFile> Subjects;
  std::vector<std::string> Problems; ///< why it does not hold, one each
  bool holds() const { return Problems.empty(); }
};

/// Checks a DSSE envelope: a trusted key signed its PAE, it holds an
/// in-toto Statement v1 with a SLSA VSA v1 predicate, verificationResult is
/// PASSED, and every file in \p Artifacts is a subject with its digest.
/// Throws Error (input.attestation.invalid) when the envelope or statement
/// is malformed, naming \p File and the JSON pointer.
/// Example: auto C = verifyAttestation(readFile("verdict.intoto.json"), ...);
AttestationCheck verifyAttestation(std::string_view EnvelopeText,
                                   const std::string &File,
                                   const TrustStore &Trust,
                                   const std::vector<DigestedFile> &Artifacts);

/// What a verifier pins besides the signature (empty: not checked).
struct AttestationExpectations {
  std::vector<DigestedFile> Artifacts; ///< each must be a subject
  std::string PolicySha256;            ///< hex, the policy's digest
  std::string ReleaseVersion;
  std::vector<std::string> Signers; ///< key ids; the verifying key is one
  std::optional<long long> MaxAgeSeconds;
  long long Now = 0; ///< the real clock (Env::clock()), for MaxAgeSeconds
  /// CONDITIONAL holds too; by default only GO does.
  bool AcceptConditional = false;
};

/// verifyAttestation with every pin of \p Expect: the policy digest, the
/// release version, the signer, the age of timeVerified (and never in the
/// future by more than five minutes), and GO (or CONDITIONAL when
/// accepted). Example: auto C = verifyAttestationFor(Text, F, Trust, X);
AttestationCheck verifyAttestationFor(std::string_view EnvelopeText,
                                      const std::string &File,
                                      const TrustStore &Trust,
                                      const AttestationExpectations &Expect);

/// Seconds since the epoch of an RFC 3339 UTC time "YYYY-MM-DDTHH:MM:SSZ",
/// or nothing. Example: parseTimestamp("1970-01-02T00:00:00Z") == 86400
std::optional<long long> parseTimestamp(std::string_view Text);

/// The evidence files of \p EvidenceDir with their digests, sorted by name.
std::vector<DigestedFile> digestEvidence(const std::string &EvidenceDir);

} // namespace exitbar

#endif // EXITBAR_ATTESTATION_H

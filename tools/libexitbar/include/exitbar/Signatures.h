// Signatures.h - signatures evidence: which release artifacts are signed, and
// by whom
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_SIGNATURES_H
#define EXITBAR_SIGNATURES_H

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exitbar {

/// What verification made of one artifact.
enum class SignatureStatus {
  Good,             ///< signed by a trusted key
  Unsigned,         ///< no signature found
  Invalid,          ///< a signature that no known key made over these bytes
  UntrustedKey,     ///< a valid signature by a key outside the trust store
  NeedsOnlineCheck, ///< keyless (certificate) bundle: needs Sigstore online
  Missing           ///< the artifact itself does not exist (not built)
};
/// "good", "unsigned", "invalid", "untrusted-key", "needs-online-check",
/// "missing".
std::string_view toString(SignatureStatus S);
inline std::string_view format_as(SignatureStatus S) { return toString(S); }
/// Parses a status name. Example: parseSignatureStatus("good")
std::optional<SignatureStatus> parseSignatureStatus(std::string_view Name);

/// One artifact and the verdict on its signature.
struct ArtifactSignature {
  std::string Path;   ///< relative to the build folder when inside it
  std::string Target; ///< the CMake target that builds it, or ""
  /// "executable", "shared-library", "static-library", "module-library" or
  /// "file" (named in the policy or on the command line).
  std::string Kind;
  std::string Sha256; ///< hex; empty when missing
  SignatureStatus Status = SignatureStatus::Unsigned;
  std::string SignatureFile;
  std::string Format; ///< "base64", "cosign-bundle", "sigstore-bundle"
  std::string KeyId;  ///< the key that verified it
  std::string Detail; ///< why it is not good, or a note
};

/// A key of the trust store the artifacts were checked against.
struct TrustedKeyInfo {
  std::string Id;   ///< "sha256:<hex of the DER public key>"
  std::string Type; ///< "ed25519" or "ecdsa-p256"
  std::string File;
};

/// evidence/signatures.json.
struct SignaturesEvidence {
  std::vector<TrustedKeyInfo> TrustedKeys;  ///< sorted by id
  std::vector<ArtifactSignature> Artifacts; ///< sorted by path
  /// How many artifacts have status \p S.
  int count(SignatureStatus S) const;
  /// Artifacts whose status is not Good.
  int bad() const;
};

/// The policy's "signing" section: what `collect signatures` and
/// `verify --policy` trust and check.
struct SigningSettings {
  /// PEM public key files trusted to sign releases, relative to the policy
  /// file's folder.
  std::vector<std::string> TrustedKeys;
  /// Files or globs of release artifacts besides the targets' own files,
  /// relative to the build folder.
  std::vector<std::string> Artifacts;
};

/// The "signing" section \p Section of the policy file \p File (see
/// Policy::KindSections); Error input.policy.invalid at the first problem.
/// Example: SigningSettings S = signingSettings(P.KindSections["signing"], F);
SigningSettings signingSettings(const nlohmann::json &Section,
                                const std::string &File);

} // namespace exitbar

#endif // EXITBAR_SIGNATURES_H

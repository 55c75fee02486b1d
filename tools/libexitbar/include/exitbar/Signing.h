// Signing.h - keys, detached signatures and their verification (Ed25519, ECDSA
// P-256)
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_SIGNING_H
#define EXITBAR_SIGNING_H

#include "exitbar/Env.h"
#include "exitbar/Signatures.h"
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exitbar {

class Env;
class PrivateKey;

/// The key algorithms ExitBar signs and verifies with.
enum class KeyType { Ed25519, EcdsaP256 };
std::string_view toString(KeyType T); ///< "ed25519" or "ecdsa-p256"
inline std::string_view format_as(KeyType T) { return toString(T); }

/// A public key: verifies signatures. Copyable; the OpenSSL key is shared.
class PublicKey {
public:
  KeyType type() const { return Type; }
  /// "sha256:" + hex SHA-256 of the DER SubjectPublicKeyInfo.
  const std::string &id() const { return Id; }
  /// Where the key came from (file name), for messages.
  const std::string &source() const { return Source; }
  /// The key as PEM "PUBLIC KEY" text.
  std::string pem() const;
  /// True when \p Signature is \p Data signed by this key (ECDSA: DER over
  /// SHA-256 of the data; Ed25519: PureEdDSA over the data). Never throws.
  /// Example: bool Ok = Key.verify(readFile("app"), Signature);
  bool verify(std::string_view Data, std::string_view Signature) const;

  struct Impl;

private:
  friend PublicKey parsePublicKey(std::string_view, const std::string &);
  friend class PrivateKey;
  friend PrivateKey parsePrivateKey(std::string_view, const std::string &);
  std::shared_ptr<Impl> Key;
  KeyType Type = KeyType::Ed25519;
  std::string Id, Source;
};

/// A private key: signs. Its bytes are never printed, logged or put into an
/// error message.
class PrivateKey {
public:
  KeyType type() const { return Public.type(); }
  const PublicKey &publicKey() const { return Public; }
  /// The raw signature of \p Data (ECDSA: DER, SHA-256; Ed25519: 64 bytes).
  /// Example: std::string Sig = Key.sign(readFile("app"));
  std::string sign(std::string_view Data) const;

  struct Impl;

private:
  friend PrivateKey parsePrivateKey(std::string_view, const std::string &);
  std::shared_ptr<Impl> Key;
  PublicKey Public;
};

/// Parses a PEM private key (PKCS#8 "PRIVATE KEY" or SEC1 "EC PRIVATE KEY");
/// \p Source names it in errors. Throws Error: input.key.not-private (a
/// public key or certificate), input.key.encrypted, input.key.unsupported
/// (another algorithm or curve), input.key.invalid.
/// Example: PrivateKey K = parsePrivateKey(Pem, "release.key");
PrivateKey parsePrivateKey(std::string_view Pem, const std::string &Source);

/// Parses a PEM public key ("PUBLIC KEY"); throws Error like parsePrivateKey
/// (input.key.invalid, input.key.unsupported).
/// Example: PublicKey K = parsePublicKey(Pem, "release.pub");
PublicKey parsePublicKey(std::string_view Pem, const std::string &Source);

/// A fresh private key as unencrypted PKCS#8 PEM (for tests and demos;
/// release keys belong in a secret store).
/// Example: PrivateKey K = parsePrivateKey(generatePrivateKeyPem(T), "t");
std::string generatePrivateKeyPem(KeyType Type);

/// Where a private key is read from: a file name, or `env://NAME` for the
/// PEM text in environment variable NAME (read through \p Environment).
/// \p Warning receives a warning for a key file that group or others can
/// read. Throws Error (input.file.unreadable, input.key.env-unset, and the
/// parsePrivateKey ids).
/// Example: PrivateKey K = loadPrivateKey("env://RELEASE_KEY", Env, Warn);
PrivateKey loadPrivateKey(const std::string &Location, const Env &Environment,
                          std::string &Warning);

/// Reads one public key file. Example: loadPublicKey("keys/release.pub")
PublicKey loadPublicKey(const std::string &Path);

/// Every public key in \p Dir (files ending .pem, .pub or .key that hold a
/// "PUBLIC KEY" block), sorted by file name. Throws Error
/// (input.keys.dir, or the parsePublicKey ids naming the bad file).
/// Example: auto Trusted = loadTrustStore("keys/");
std::vector<PublicKey> loadTrustStore(const std::string &Dir);

/// Base64 (RFC 4648, with padding). Example: base64Encode("hi") == "aGk="
std::string base64Encode(std::string_view Data);
/// Decodes base64, ignoring whitespace; nothing when the text is not base64.
/// Example: base64Decode("aGk=") == "hi"
std::optional<std::string> base64Decode(std::string_view Text);

/// What a trusted key may sign. A key has exactly one purpose: a key
/// trusted for one is never accepted for another (docs/security-model.md).
enum class KeyPurpose { ArtifactSigning, Attestation, Approval };
/// "artifact-signing", "attestation", "approval".
std::string_view toString(KeyPurpose P);
inline std::string_view format_as(KeyPurpose P) { return toString(P); }

/// A key of the trust anchors, with its purpose and (for approval keys) the
/// roles it may approve as.
struct TrustedKey {
  PublicKey Key;
  KeyPurpose Purpose = KeyPurpose::ArtifactSigning;
  std::vector<std::string> Roles; ///< approval keys only
};

/// The trust file name looked for in a trust folder.
inline constexpr const char *TrustFileName = "trust.json";

/// Loads the trust anchors at \p Location: a trust file (JSON, schema
/// exitbar.trust, key paths relative to it), a folder holding `trust.json`,
/// or (the layout before trust files) a folder of PEM public keys or one
/// key file, whose keys are trusted for artifact signing only. \p Warnings
/// receives a line for each legacy location. Throws Error
/// (input.keys.dir, input.trust.invalid, input.trust.shared-key and the
/// key ids).
/// Example: auto Keys = loadTrustedKeys("/etc/exitbar/trust.json", Warn);
std::vector<TrustedKey> loadTrustedKeys(const std::string &Location,
                                        std::vector<std::string> &Warnings);

/// The outcome for one artifact.
struct SignatureCheck {
  SignatureStatus Status = SignatureStatus::Unsigned;
  std::string SignatureFile; ///< empty when unsigned
  std::string Format;        ///< "base64", "cosign-bundle", "sigstore-bundle"
  std::string KeyId;         ///< the key that verified, if any
  std::string KeySource;     ///< its file
  std::string Detail;        ///< why it is not good, or a note
};

/// The keys verification knows: trusted ones, and keys that may have signed
/// but are not trusted (to tell "untrusted key" from "invalid").
struct TrustStore {
  std::vector<PublicKey> Trusted;
  std::vector<PublicKey> Known;
  /// Known keys that the trust file trusts for another purpose: key id ->
  /// that purpose ("attestation"), for messages.
  std::map<std::string, std::string> OtherPurpose;
  /// Why a key the user may expect to be trusted is not (legacy folders).
  std::vector<std::string> Warnings;
};

/// Where the keys of a TrustStore come from, and for what.
struct TrustOptions {
  /// Public key files trusted for Purpose (named one by one on the command
  /// line, e.g. `verify-attestation --key gate.pub`).
  std::vector<std::string> KeyFiles;
  /// Trust files, folders with trust.json, or legacy key folders (artifact
  /// signing only): their keys with Purpose are trusted.
  std::vector<std::string> TrustedDirs;
  std::vector<std::string> KnownDirs; ///< folders of known, untrusted keys
  KeyPurpose Purpose = KeyPurpose::ArtifactSigning;
};

/// The CI's trust anchors: when \p Environment sets EXITBAR_TRUST_STORE (a
/// trust file or folder outside the repository), it replaces every key
/// location of \p Trust (command line, policy), and a line naming what it
/// replaced is added to \p Warnings. Returns the locations in use, for the
/// report. Example: applyTrustStoreEnvironment(Env::process(), Trust, W);
std::vector<std::string>
applyTrustStoreEnvironment(const Env &Environment, TrustOptions &Trust,
                           std::vector<std::string> &Warnings);

/// Loads every key named in \p Options: the keys trusted for
/// Options.Purpose are Trusted; keys of other purposes and known keys are
/// Known (their signatures are untrusted-key, never good). Throws Error
/// naming the bad file or folder.
/// Example: TrustStore T = loadTrust({{}, {"keys"}, {}});
TrustStore loadTrust(const TrustOptions &Options);

/// Checks \p Data against the signature text \p SignatureText read from
/// \p SignatureFile: base64 of a raw signature (cosign sign-blob), a cosign
/// bundle (`base64Signature`) or a Sigstore bundle (`messageSignature`).
/// Example: auto C = checkSignature(Data, readFile("app.sig"), "app.sig", T);
SignatureCheck checkSignature(std::string_view Data,
                              std::string_view SignatureText,
                              const std::string &SignatureFile,
                              const TrustStore &Trust);

/// The signature files looked for beside \p Artifact, in order:
/// `<artifact>.sig`, `<artifact>.bundle`, `<artifact>.sigstore.json`.
std::vector<std::string> signatureCandidates(const std::string &Artifact);

/// The largest signature file (`.sig`, `.bundle`, `.sigstore.json`) read.
inline constexpr std::uintmax_t MaxSignatureFileBytes = 256 * 1024;

/// Checks the artifact file at \p Path against the first signature file
/// found beside it (or \p SignatureFile when given). Throws Error when the
/// artifact cannot be read, or input.signature.too-large for a signature
/// file larger than MaxSignatureFileBytes.
/// Example: SignatureCheck C = verifyFile("build/app", "", Trust);
SignatureCheck verifyFile(const std::string &Path,
                          const std::string &SignatureFile,
                          const TrustStore &Trust);

/// verifyFile for an artifact already read into \p Data.
SignatureCheck verifyData(std::string_view Data, const std::string &Path,
                          const std::string &SignatureFile,
                          const TrustStore &Trust);

/// Warning text for a private key file readable by group or others, or "".
std::string privateKeyPermissionWarning(const std::string &Path);

} // namespace exitbar

#endif // EXITBAR_SIGNING_H

// Signatures.cpp - signature files (bare base64, cosign and Sigstore bundles),
// trust stores, key loading
// SPDX-License-Identifier: Apache-2.0
//
// Formats read (docs/signing.md):
// - base64 of a raw signature, what `cosign sign-blob --key` and
//   `exitbar sign` write (a trailing newline is ignored);
// - cosign's bundle (`cosign sign-blob --bundle`): {"base64Signature",
//   "cert", "rekorBundle"};
// - the Sigstore bundle (https://github.com/sigstore/protobuf-specs,
//   media type application/vnd.dev.sigstore.bundle*+json): messageSignature
//   {messageDigest, signature} with verificationMaterial {publicKey |
//   certificate | x509CertificateChain, tlogEntries}.
// Bundles are read offline: transparency-log entries are reported, never
// looked up, and keyless (certificate) bundles are reported as needing the
// online check ExitBar does not do.

#include "exitbar/Digest.h"
#include "exitbar/Env.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/Process.h"
#include "exitbar/Signing.h"
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace exitbar {

static constexpr char Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64Encode(std::string_view Data) {
  std::string Out;
  Out.reserve((Data.size() + 2) / 3 * 4);
  size_t I = 0;
  auto Byte = [&](size_t K) { return static_cast<unsigned char>(Data[K]); };
  for (; I + 2 < Data.size(); I += 3) {
    unsigned V = Byte(I) << 16 | Byte(I + 1) << 8 | Byte(I + 2);
    Out += Alphabet[V >> 18 & 63];
    Out += Alphabet[V >> 12 & 63];
    Out += Alphabet[V >> 6 & 63];
    Out += Alphabet[V & 63];
  }
  if (I + 1 == Data.size()) {
    unsigned V = Byte(I) << 16;
    Out += Alphabet[V >> 18 & 63];
    Out += Alphabet[V >> 12 & 63];
    Out += "==";
  } else if (I + 2 == Data.size()) {
    unsigned V = Byte(I) << 16 | Byte(I + 1) << 8;
    Out += Alphabet[V >> 18 & 63];
    Out += Alphabet[V >> 12 & 63];
    Out += Alphabet[V >> 6 & 63];
    Out += '=';
  }
  return Out;
}

std::optional<std::string> base64Decode(std::string_view Text) {
  std::string Clean;
  for (char C : Text)
    if (C != ' ' && C != '\n' && C != '\r' && C != '\t')
      Clean += C;
  if (Clean.size() % 4 != 0)
    return std::nullopt;
  std::string Out;
  Out.reserve(Clean.size() / 4 * 3);
  for (size_t I = 0; I < Clean.size(); I += 4) {
    unsigned V = 0;
    int Padding = 0;
    for (size_t K = 0; K < 4; ++K) {
      char C = Clean[I + K];
      unsigned Digit = 0;
      if (C == '=') {
        // Padding only at the very end, at most two.
        if (I + 4 != Clean.size() || K < 2)
          return std::nullopt;
        ++Padding;
      } else {
        if (Padding)
          return std::nullopt;
        const char *P = std::strchr(Alphabet, C);
        if (!P || C == '\0')
          return std::nullopt;
        Digit = static_cast<unsigned>(P - Alphabet);
      }
      V = V << 6 | Digit;
    }
    Out += static_cast<char>(V >> 16 & 0xFF);
    if (Padding < 2)
      Out += static_cast<char>(V >> 8 & 0xFF);
    if (Padding < 1)
      Out += static_cast<char>(V & 0xFF);
  }
  return Out;
}

std::string privateKeyPermissionWarning(const std::string &Path) {
  struct stat St {};
  if (::stat(Path.c_str(), &St) != 0 || (St.st_mode & 077) == 0)
    return {};
  char Mode[8];
  std::snprintf(Mode, sizeof Mode, "%04o", St.st_mode & 07777);
  return "private key file '" + Path + "' is readable by group or others " +
         "(mode " + Mode + "); restrict it with chmod 600";
}

PrivateKey loadPrivateKey(const std::string &Location, const Env &Environment,
                          std::string &Warning) {
  Warning.clear();
  static const std::string EnvPrefix = "env://";
  if (Location.rfind(EnvPrefix, 0) == 0) {
    std::string Name = Location.substr(EnvPrefix.size());
    // The key is for us alone: no program we run may inherit it.
    keepOutOfChildEnvironments(Name);
    auto Value = Environment.get(Name);
    if (!Value || Value->empty())
      throw Error("input.key.env-unset", Location, "",
                  "environment variable '" + Name +
                      "' is unset or empty; it should hold the PEM "
                      "private key");
    return parsePrivateKey(*Value, Location);
  }
  std::string Text = readFile(Location);
  PrivateKey Key = parsePrivateKey(Text, Location);
  // Scrub our copy of the key text; the parsed key lives in OpenSSL.
  std::fill(Text.begin(), Text.end(), '\0');
  Warning = privateKeyPermissionWarning(Location);
  return Key;
}

PublicKey loadPublicKey(const std::string &Path) {
  return parsePublicKey(readFile(Path), Path);
}

std::vector<PublicKey> loadTrustStore(const std::string &Dir) {
  std::error_code Ec;
  if (!fs::is_directory(Dir, Ec))
    throw Error("input.keys.dir", Dir, "",
                "trusted-keys folder does not exist");
  std::vector<std::string> Files;
  for (const auto &Entry : fs::directory_iterator(Dir, Ec)) {
    std::string Ext = Entry.path().extension().string();
    if (Entry.is_regular_file(Ec) &&
        (Ext == ".pem" || Ext == ".pub" || Ext == ".key"))
      Files.push_back(Entry.path().string());
  }
  std::sort(Files.begin(), Files.end());
  std::vector<PublicKey> Keys;
  Keys.reserve(Files.size());
  for (const std::string &File : Files)
    Keys.push_back(loadPublicKey(File));
  return Keys;
}

std::string_view toString(KeyPurpose P) {
  switch (P) {
  case KeyPurpose::ArtifactSigning:
    return "artifact-signing";
  case KeyPurpose::Attestation:
    return "attestation";
  case KeyPurpose::Approval:
    return "approval";
  }
  return "artifact-signing";
}

namespace {

std::optional<KeyPurpose> parsePurpose(std::string_view Name) {
  for (KeyPurpose P : {KeyPurpose::ArtifactSigning, KeyPurpose::Attestation,
                       KeyPurpose::Approval})
    if (toString(P) == Name)
      return P;
  return std::nullopt;
}

[[noreturn]] void badTrustFile(const std::string &File,
                               const std::string &Pointer,
                               const std::string &Message) {
  throw Error("input.trust.invalid", File, Pointer, Message);
}

/// A trust file: {"schema": "exitbar.trust", "keys": [{"file": "k.pub",
/// "purposes": ["approval"], "roles": ["release-manager"]}, ...]}.
std::vector<TrustedKey> readTrustFile(const std::string &File) {
  json J = parseJsonText(readFile(File), File);
  if (!J.is_object() || J.value("schema", "") != "exitbar.trust")
    badTrustFile(File, "/schema", "expected \"exitbar.trust\"");
  auto Keys = J.find("keys");
  if (Keys == J.end() || !Keys->is_array())
    badTrustFile(File, "/keys", "expected an array of keys");
  fs::path Base = fs::path(File).parent_path();
  std::vector<TrustedKey> Out;
  for (size_t I = 0; I < Keys->size(); ++I) {
    const json &K = (*Keys)[I];
    std::string Ptr = "/keys/" + std::to_string(I);
    if (!K.is_object() || !K.contains("file") || !K["file"].is_string())
      badTrustFile(File, Ptr + "/file", "expected the key's file name");
    auto Purposes = K.find("purposes");
    if (Purposes == K.end() || !Purposes->is_array() || Purposes->empty())
      badTrustFile(File, Ptr + "/purposes",
                   "expected a list of purposes: artifact-signing, "
                   "attestation or approval");
    if (Purposes->size() > 1)
      throw Error("input.trust.shared-key", File, Ptr + "/purposes",
                  "a key has one purpose; sign artifacts, attestations and "
                  "approvals with separate keys");
    TrustedKey T;
    auto Purpose = (*Purposes)[0].is_string()
                       ? parsePurpose((*Purposes)[0].get<std::string>())
                       : std::nullopt;
    if (!Purpose)
      badTrustFile(File, Ptr + "/purposes/0",
                   "expected artifact-signing, attestation or approval");
    T.Purpose = *Purpose;
    if (auto Roles = K.find("roles"); Roles != K.end()) {
      if (!Roles->is_array())
        badTrustFile(File, Ptr + "/roles", "expected a list of roles");
      for (const json &R : *Roles) {
        if (!R.is_string() || R.get<std::string>().empty())
          badTrustFile(File, Ptr + "/roles", "expected role names");
        T.Roles.push_back(R.get<std::string>());
      }
    }
    if (T.Purpose == KeyPurpose::Approval && T.Roles.empty())
      badTrustFile(File, Ptr + "/roles",
                   "an approval key names the roles it may approve as");
    if (T.Purpose != KeyPurpose::Approval && !T.Roles.empty())
      badTrustFile(File, Ptr + "/roles", "only approval keys have roles");
    fs::path KeyFile = K["file"].get<std::string>();
    T.Key = loadPublicKey(
        (KeyFile.is_absolute() ? KeyFile : Base / KeyFile).string());
    for (const TrustedKey &Other : Out)
      if (Other.Key.id() == T.Key.id())
        throw Error("input.trust.shared-key", File, Ptr,
                    "key " + T.Key.id() +
                        " is listed twice; a key has one "
                        "purpose (and approves as the roles of one entry)");
    Out.push_back(std::move(T));
  }
  return Out;
}

bool looksLikeTrustFile(const std::string &Path) {
  std::string Ext = fs::path(Path).extension().string();
  return Ext == ".json";
}

} // namespace

std::vector<TrustedKey> loadTrustedKeys(const std::string &Location,
                                        std::vector<std::string> &Warnings) {
  std::error_code Ec;
  std::string TrustFile;
  if (fs::is_directory(Location, Ec)) {
    if (fs::is_regular_file(fs::path(Location) / TrustFileName, Ec))
      TrustFile = (fs::path(Location) / TrustFileName).string();
  } else if (looksLikeTrustFile(Location)) {
    TrustFile = Location;
  }
  if (!TrustFile.empty())
    return readTrustFile(TrustFile);
  // Before trust files, a folder of keys was trusted for everything. It
  // keeps only the purpose whose signatures cannot be told apart from
  // chosen bytes anyway: artifact signing.
  std::vector<TrustedKey> Out;
  if (fs::is_directory(Location, Ec)) {
    for (PublicKey &K : loadTrustStore(Location))
      Out.push_back({std::move(K), KeyPurpose::ArtifactSigning, {}});
  } else if (fs::exists(Location, Ec)) {
    Out.push_back({loadPublicKey(Location), KeyPurpose::ArtifactSigning, {}});
  } else {
    throw Error("input.keys.dir", Location, "",
                "trusted-keys folder or file does not exist");
  }
  Warnings.push_back(
      "'" + Location + "' has no " + TrustFileName +
      ": its keys are trusted for artifact signing only; list them with "
      "their purposes (attestation, approval and roles) in a trust file "
      "(docs/signing.md, \"Migrating a key folder\")");
  return Out;
}

std::vector<std::string>
applyTrustStoreEnvironment(const Env &Environment, TrustOptions &Trust,
                           std::vector<std::string> &Warnings) {
  auto Store = Environment.get("EXITBAR_TRUST_STORE");
  std::vector<std::string> Given = Trust.TrustedDirs;
  Given.insert(Given.end(), Trust.KeyFiles.begin(), Trust.KeyFiles.end());
  if (!Store || Store->empty())
    return Given;
  if (!Given.empty()) {
    std::string List;
    for (const std::string &G : Given)
      List += (List.empty() ? "" : ", ") + G;
    Warnings.push_back("EXITBAR_TRUST_STORE is set: its trust anchors "
                       "replace " +
                       List);
  }
  Trust.TrustedDirs = {*Store};
  Trust.KeyFiles.clear();
  return Trust.TrustedDirs;
}

TrustStore loadTrust(const TrustOptions &Options) {
  TrustStore T;
  auto Add = [&](std::vector<PublicKey> &To, const PublicKey &K) {
    if (std::none_of(T.Trusted.begin(), T.Trusted.end(),
                     [&](const PublicKey &X) { return X.id() == K.id(); }) &&
        std::none_of(T.Known.begin(), T.Known.end(),
                     [&](const PublicKey &X) { return X.id() == K.id(); }))
      To.push_back(K);
  };
  // Named one by one for this command: trusted for its purpose.
  for (const std::string &File : Options.KeyFiles)
    Add(T.Trusted, loadPublicKey(File));
  std::vector<TrustedKey> Anchors;
  std::vector<std::string> Warnings;
  for (const std::string &Location : Options.TrustedDirs)
    for (TrustedKey &K : loadTrustedKeys(Location, Warnings))
      Anchors.push_back(std::move(K));
  for (const TrustedKey &K : Anchors)
    if (K.Purpose == Options.Purpose)
      Add(T.Trusted, K.Key);
  // A key trusted for another purpose is known, so its signature reads
  // "untrusted-key" rather than "invalid" - but it never counts.
  for (const TrustedKey &K : Anchors)
    if (K.Purpose != Options.Purpose) {
      Add(T.Known, K.Key);
      T.OtherPurpose.emplace(K.Key.id(), toString(K.Purpose));
    }
  for (const std::string &Dir : Options.KnownDirs)
    for (PublicKey &K : loadTrustStore(Dir))
      Add(T.Known, K);
  // The legacy warning matters only where it takes trust away.
  if (Options.Purpose != KeyPurpose::ArtifactSigning)
    T.Warnings = std::move(Warnings);
  return T;
}

std::vector<std::string> signatureCandidates(const std::string &Artifact) {
  return {Artifact + ".sig", Artifact + ".bundle", Artifact + ".sigstore.json"};
}

namespace {

/// A signature found in a signature file, before any key is tried.
struct Extracted {
  std::string Format;
  std::optional<std::string> Signature; ///< nothing: malformed
  std::string Problem;                  ///< why it is malformed
  std::string Note;
  std::optional<std::string> DigestSha256; ///< hex, from a Sigstore bundle
  bool Keyless = false;
};

const json *member(const json &J, const char *Name) {
  if (!J.is_object())
    return nullptr;
  auto It = J.find(Name);
  return It == J.end() ? nullptr : &*It;
}

std::string hexOf(std::string_view Bytes) {
  static const char *Hex = "0123456789abcdef";
  std::string Out;
  for (unsigned char C : Bytes) {
    Out += Hex[C >> 4];
    Out += Hex[C & 0xF];
  }
  return Out;
}

void decodeSignatureMember(const json *Value, Extracted &E) {
  if (!Value || !Value->is_string()) {
    E.Problem = "the bundle has no signature";
    return;
  }
  E.Signature = base64Decode(Value->get<std::string>());
  if (!E.Signature || E.Signature->empty()) {
    E.Signature.reset();
    E.Problem = "the bundle's signature is not base64";
  }
}

const char *const OfflineNote =
    "transparency-log entry present but not checked (ExitBar verifies "
    "offline; run cosign verify-blob for the log)";

Extracted readCosignBundle(const json &J) {
  Extracted E;
  E.Format = "cosign-bundle";
  decodeSignatureMember(member(J, "base64Signature"), E);
  if (const json *Cert = member(J, "cert");
      Cert && Cert->is_string() && !Cert->get<std::string>().empty())
    E.Keyless = true;
  if (member(J, "rekorBundle"))
    E.Note = OfflineNote;
  return E;
}

Extracted readSigstoreBundle(const json &J) {
  Extracted E;
  E.Format = "sigstore-bundle";
  const json *Material = member(J, "verificationMaterial");
  if (Material && (member(*Material, "certificate") ||
                   member(*Material, "x509CertificateChain")))
    E.Keyless = true;
  if (Material) {
    const json *Tlog = member(*Material, "tlogEntries");
    if (Tlog && Tlog->is_array() && !Tlog->empty())
      E.Note = OfflineNote;
  }
  const json *Message = member(J, "messageSignature");
  if (!Message) {
    E.Problem = member(J, "dsseEnvelope")
                    ? "a DSSE bundle (an attestation), not a signature of "
                      "the file; use exitbar verify-attestation"
                    : "the bundle has no messageSignature";
    return E;
  }
  decodeSignatureMember(member(*Message, "signature"), E);
  if (const json *Digest = member(*Message, "messageDigest")) {
    const json *Algorithm = member(*Digest, "algorithm");
    const json *Value = member(*Digest, "digest");
    if (Algorithm && *Algorithm == "SHA2_256" && Value && Value->is_string())
      if (auto Bytes = base64Decode(Value->get<std::string>()))
        E.DigestSha256 = hexOf(*Bytes);
  }
  return E;
}

Extracted extract(std::string_view Text) {
  size_t First = Text.find_first_not_of(" \t\r\n");
  if (First == std::string_view::npos)
    return {"base64", std::nullopt, "the signature file is empty",
            {},       {},           false};
  if (Text[First] == '{') {
    json J;
    try {
      checkJsonDepth(Text, "");
      J = json::parse(Text);
    } catch (const std::exception &) { // json's errors, or too deep
      return {"bundle", std::nullopt, "the bundle is not valid JSON",
              {},       {},           false};
    }
    if (member(J, "mediaType") || member(J, "messageSignature") ||
        member(J, "verificationMaterial"))
      return readSigstoreBundle(J);
    return readCosignBundle(J);
  }
  Extracted E;
  E.Format = "base64";
  E.Signature = base64Decode(Text);
  if (!E.Signature || E.Signature->empty()) {
    E.Signature.reset();
    E.Problem = "the signature file is not base64";
  }
  return E;
}

const PublicKey *firstVerifying(const std::vector<PublicKey> &Keys,
                                std::string_view Data,
                                std::string_view Signature) {
  for (const PublicKey &K : Keys)
    if (K.verify(Data, Signature))
      return &K;
  return nullptr;
}

} // namespace

SignatureCheck checkSignature(std::string_view Data,
                              std::string_view SignatureText,
                              const std::string &SignatureFile,
                              const TrustStore &Trust) {
  SignatureCheck C;
  C.SignatureFile = SignatureFile;
  Extracted E = extract(SignatureText);
  C.Format = E.Format;
  if (E.Keyless) {
    C.Status = SignatureStatus::NeedsOnlineCheck;
    C.Detail = "keyless (certificate) signature: it needs the Sigstore "
               "trust root and an online transparency-log check, which "
               "ExitBar does not do; verify it with cosign verify-blob, or "
               "sign with a key";
    return C;
  }
  if (!E.Signature) {
    C.Status = SignatureStatus::Invalid;
    C.Detail = E.Problem;
    return C;
  }
  if (E.DigestSha256 && *E.DigestSha256 != sha256Hex(Data)) {
    C.Status = SignatureStatus::Invalid;
    C.Detail = "the bundle is for other content (its SHA-256 differs)";
    return C;
  }
  if (const PublicKey *K = firstVerifying(Trust.Trusted, Data, *E.Signature)) {
    C.Status = SignatureStatus::Good;
    C.KeyId = K->id();
    C.KeySource = K->source();
    C.Detail = E.Note;
    return C;
  }
  if (const PublicKey *K = firstVerifying(Trust.Known, Data, *E.Signature)) {
    C.Status = SignatureStatus::UntrustedKey;
    C.KeyId = K->id();
    C.KeySource = K->source();
    auto Other = Trust.OtherPurpose.find(K->id());
    C.Detail = "signed by " + K->id() + " (" + K->source() + "), which is " +
               (Other == Trust.OtherPurpose.end()
                    ? std::string("not in the trust store")
                    : "trusted for " + Other->second + ", not for this");
    return C;
  }
  C.Status = SignatureStatus::Invalid;
  C.Detail = Trust.Trusted.empty()
                 ? "no trusted key to check it with"
                 : "no known key made this signature over these bytes (the "
                   "file changed, the signature is of another file, or an "
                   "unknown key signed it)";
  return C;
}

SignatureCheck verifyFile(const std::string &Path,
                          const std::string &SignatureFile,
                          const TrustStore &Trust) {
  return verifyData(readFile(Path), Path, SignatureFile, Trust);
}

SignatureCheck verifyData(std::string_view Data, const std::string &Path,
                          const std::string &SignatureFile,
                          const TrustStore &Trust) {
  std::string Found = SignatureFile;
  std::error_code Ec;
  if (Found.empty())
    for (const std::string &Candidate : signatureCandidates(Path))
      if (fs::is_regular_file(Candidate, Ec)) {
        Found = Candidate;
        break;
      }
  if (Found.empty() || !fs::exists(Found, Ec)) {
    SignatureCheck C;
    C.Status = SignatureStatus::Unsigned;
    C.Detail = SignatureFile.empty()
                   ? "no " + fs::path(Path).filename().string() +
                         ".sig, .bundle or .sigstore.json beside it"
                   : "signature file " + SignatureFile + " does not exist";
    return C;
  }
  // A signature file is small (a Sigstore bundle with a certificate chain
  // and a log entry is a few KiB); a huge one is an attack on the reader or
  // a mix-up, and is refused before it is read.
  std::uintmax_t Size = fs::file_size(Found, Ec);
  if (!Ec && Size > MaxSignatureFileBytes)
    throw Error("input.signature.too-large", Found, "",
                "the signature file has " + std::to_string(Size) +
                    " bytes; signature files are at most " +
                    std::to_string(MaxSignatureFileBytes) + " bytes");
  return checkSignature(Data, readFile(Found), Found, Trust);
}

} // namespace exitbar

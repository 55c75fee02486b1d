// SignaturesTest.cpp - unit tests of keys, detached signatures and their
// statuses
// SPDX-License-Identifier: Apache-2.0

#include "kinds/signatures/Signatures.h"
#include "TestDir.h"
#include "exitbar/Digest.h"
#include "exitbar/Env.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include "exitbar/Signing.h"
#include <filesystem>
#include <functional>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace exitbar;
namespace fs = std::filesystem;

namespace {

class SignaturesTest : public ::testing::TestWithParam<KeyType> {
protected:
  void SetUp() override { Dir = test::freshTestDir("sign"); }
  void TearDown() override { fs::remove_all(Dir); }

  PrivateKey newKey() {
    return parsePrivateKey(generatePrivateKeyPem(GetParam()), "test.key");
  }
  TrustStore trusting(const PrivateKey &K) {
    return {{parsePublicKey(K.publicKey().pem(), "trusted.pub")}, {}, {}, {}};
  }
  std::string path(const char *Name) { return (Dir / Name).string(); }

  fs::path Dir;
};

const std::string Artifact = std::string("\x7f"
                                         "ELF binary\0bytes",
                                         17);

TEST_P(SignaturesTest, RoundTrip) {
  PrivateKey K = newKey();
  EXPECT_EQ(K.type(), GetParam());
  std::string Sig = base64Encode(K.sign(Artifact));
  SignatureCheck C = checkSignature(Artifact, Sig, "a.sig", trusting(K));
  EXPECT_EQ(C.Status, SignatureStatus::Good) << C.Detail;
  EXPECT_EQ(C.KeyId, K.publicKey().id());
  EXPECT_EQ(C.KeySource, "trusted.pub");
  // A trailing newline (cosign's, or `base64`'s) does not matter.
  EXPECT_EQ(checkSignature(Artifact, Sig + "\n", "a.sig", trusting(K)).Status,
            SignatureStatus::Good);
}

TEST_P(SignaturesTest, TamperedArtifactIsInvalid) {
  PrivateKey K = newKey();
  std::string Sig = base64Encode(K.sign(Artifact));
  std::string Tampered = Artifact;
  Tampered[3] ^= 1;
  SignatureCheck C = checkSignature(Tampered, Sig, "a.sig", trusting(K));
  EXPECT_EQ(C.Status, SignatureStatus::Invalid);
  EXPECT_NE(C.Detail.find("no known key"), std::string::npos);
}

TEST_P(SignaturesTest, SignatureOfAnotherFileIsInvalid) {
  PrivateKey K = newKey();
  std::string Sig = base64Encode(K.sign("another file"));
  EXPECT_EQ(checkSignature(Artifact, Sig, "a.sig", trusting(K)).Status,
            SignatureStatus::Invalid);
}

TEST_P(SignaturesTest, TruncatedEmptyAndGarbageSignaturesAreInvalid) {
  PrivateKey K = newKey();
  std::string Raw = K.sign(Artifact);
  std::string Truncated = base64Encode(Raw.substr(0, Raw.size() - 5));
  std::string HalfText = base64Encode(Raw).substr(0, 20);
  for (const std::string &Sig :
       {Truncated, HalfText, std::string(), std::string("\n"),
        std::string("not base64 at all!"), base64Encode("garbage bytes"),
        std::string("\x30\x02\x01", 3), std::string(100, 'A')}) {
    SignatureCheck C = checkSignature(Artifact, Sig, "a.sig", trusting(K));
    EXPECT_EQ(C.Status, SignatureStatus::Invalid) << Sig;
    EXPECT_FALSE(C.Detail.empty());
  }
}

TEST_P(SignaturesTest, ValidSignatureByAnUntrustedKey) {
  PrivateKey Signer = newKey();
  PrivateKey Other = newKey();
  std::string Sig = base64Encode(Signer.sign(Artifact));
  // Without knowing the signer's key, a foreign signature is just invalid.
  EXPECT_EQ(checkSignature(Artifact, Sig, "a.sig", trusting(Other)).Status,
            SignatureStatus::Invalid);
  TrustStore T = trusting(Other);
  T.Known.push_back(parsePublicKey(Signer.publicKey().pem(), "dev.pub"));
  SignatureCheck C = checkSignature(Artifact, Sig, "a.sig", T);
  EXPECT_EQ(C.Status, SignatureStatus::UntrustedKey);
  EXPECT_EQ(C.KeySource, "dev.pub");
}

TEST_P(SignaturesTest, CosignAndSigstoreBundlesAreReadOffline) {
  PrivateKey K = newKey();
  std::string Sig = base64Encode(K.sign(Artifact));
  // cosign sign-blob --bundle, key-based, with a Rekor entry.
  std::string Cosign = R"({"base64Signature": ")" + Sig +
                       R"(", "rekorBundle": {"SignedEntryTimestamp": "MEU=",
                          "Payload": {"logIndex": 1}}})";
  SignatureCheck C = checkSignature(Artifact, Cosign, "a.bundle", trusting(K));
  EXPECT_EQ(C.Status, SignatureStatus::Good);
  EXPECT_EQ(C.Format, "cosign-bundle");
  EXPECT_NE(C.Detail.find("transparency-log entry present but not checked"),
            std::string::npos);
  // The same with a Fulcio certificate: keyless, needs an online check.
  std::string Keyless =
      R"({"base64Signature": ")" + Sig + R"(", "cert": "LS0tLS1CRUdJTg=="})";
  EXPECT_EQ(checkSignature(Artifact, Keyless, "a.bundle", trusting(K)).Status,
            SignatureStatus::NeedsOnlineCheck);
  // Sigstore bundle v0.3 with a public key hint.
  std::string Digest = base64Encode(std::string(32, '\0'));
  auto Sigstore = [&](const std::string &DigestB64) {
    return R"({"mediaType": "application/vnd.dev.sigstore.bundle.v0.3+json",
      "verificationMaterial": {"publicKey": {"hint": "x"}, "tlogEntries": []},
      "messageSignature": {"messageDigest": {"algorithm": "SHA2_256",
        "digest": ")" +
           DigestB64 + R"("}, "signature": ")" + Sig + R"("}})";
  };
  SignatureCheck Wrong = checkSignature(Artifact, Sigstore(Digest),
                                        "a.sigstore.json", trusting(K));
  EXPECT_EQ(Wrong.Status, SignatureStatus::Invalid);
  EXPECT_EQ(Wrong.Detail,
            "the bundle is for other content (its SHA-256 differs)");
  // The right digest (hex of sha256 -> bytes -> base64).
  std::string Hex = sha256Hex(Artifact), Bytes;
  for (size_t I = 0; I < Hex.size(); I += 2)
    Bytes += static_cast<char>(std::stoi(Hex.substr(I, 2), nullptr, 16));
  SignatureCheck Right = checkSignature(Artifact, Sigstore(base64Encode(Bytes)),
                                        "a.sigstore.json", trusting(K));
  EXPECT_EQ(Right.Status, SignatureStatus::Good) << Right.Detail;
  EXPECT_EQ(Right.Format, "sigstore-bundle");
  // Keyless Sigstore bundle, and a DSSE bundle.
  EXPECT_EQ(checkSignature(Artifact,
                           R"({"mediaType": "m", "verificationMaterial":
                               {"certificate": {"rawBytes": "AA=="}}})",
                           "a.sigstore.json", trusting(K))
                .Status,
            SignatureStatus::NeedsOnlineCheck);
  SignatureCheck Dsse = checkSignature(
      Artifact, R"({"mediaType": "m", "dsseEnvelope": {}})", "b", trusting(K));
  EXPECT_EQ(Dsse.Status, SignatureStatus::Invalid);
  EXPECT_NE(Dsse.Detail.find("verify-attestation"), std::string::npos);
  // Broken JSON.
  EXPECT_EQ(checkSignature(Artifact, "{\"base64Signature\": ", "b", trusting(K))
                .Status,
            SignatureStatus::Invalid);
}

TEST_P(SignaturesTest, VerifyFileFindsTheSignatureBesideIt) {
  PrivateKey K = newKey();
  writeFileAtomically(path("app"), Artifact);
  EXPECT_EQ(verifyFile(path("app"), "", trusting(K)).Status,
            SignatureStatus::Unsigned);
  writeFileAtomically(path("app.sig"), base64Encode(K.sign(Artifact)));
  SignatureCheck C = verifyFile(path("app"), "", trusting(K));
  EXPECT_EQ(C.Status, SignatureStatus::Good);
  EXPECT_EQ(C.SignatureFile, path("app.sig"));
  EXPECT_THROW(verifyFile(path("missing"), "", trusting(K)), Error);
}

TEST_P(SignaturesTest, KeysFromTheEnvironmentAndFiles) {
  std::string Pem = generatePrivateKeyPem(GetParam());
  std::string Warning;
  PrivateKey FromEnv = loadPrivateKey(
      "env://RELEASE_KEY", Env::fixed({{"RELEASE_KEY", Pem}}), Warning);
  EXPECT_EQ(Warning, "");
  try {
    loadPrivateKey("env://NOPE", Env::fixed({}), Warning);
    FAIL();
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.key.env-unset");
  }
  writeFileAtomically(path("k.pem"), Pem);
  ::chmod(path("k.pem").c_str(), 0644);
  PrivateKey FromFile = loadPrivateKey(path("k.pem"), Env::fixed({}), Warning);
  EXPECT_NE(Warning.find("readable by group or others (mode 0644)"),
            std::string::npos);
  EXPECT_EQ(Warning.find("PRIVATE"), std::string::npos);
  ::chmod(path("k.pem").c_str(), 0600);
  loadPrivateKey(path("k.pem"), Env::fixed({}), Warning);
  EXPECT_EQ(Warning, "");
  EXPECT_EQ(FromFile.publicKey().id(), FromEnv.publicKey().id());
}

INSTANTIATE_TEST_SUITE_P(BothKeyTypes, SignaturesTest,
                         ::testing::Values(KeyType::Ed25519,
                                           KeyType::EcdsaP256),
                         [](const auto &Info) {
                           return std::string(Info.param == KeyType::Ed25519
                                                  ? "Ed25519"
                                                  : "EcdsaP256");
                         });

/// The id of the Error \p F throws; checks that no line of key material
/// (\p Secret's base64 body) reaches the message.
std::string errorId(const std::function<void()> &F,
                    const std::string &Secret = "") {
  try {
    F();
  } catch (const Error &E) {
    size_t Body = Secret.find('\n');
    if (Body != std::string::npos) {
      EXPECT_EQ(std::string(E.what()).find(Secret.substr(Body + 1, 20)),
                std::string::npos);
    }
    return E.id();
  }
  return "no error";
}

TEST_P(SignaturesTest, AKeyIsTrustedForItsOnePurposeOnly) {
  PrivateKey Release = newKey(), Gate = newKey();
  writeFileAtomically(path("release.pub"), Release.publicKey().pem());
  writeFileAtomically(path("gate.pub"), Gate.publicKey().pem());
  writeFileAtomically(path("trust.json"), R"({"schema": "exitbar.trust",
      "keys": [{"file": "release.pub", "purposes": ["artifact-signing"]},
               {"file": "gate.pub", "purposes": ["attestation"]}]})");
  TrustOptions O;
  O.TrustedDirs = {Dir.string()};
  TrustStore Artifacts = loadTrust(O);
  ASSERT_EQ(Artifacts.Trusted.size(), 1u);
  EXPECT_EQ(Artifacts.Trusted[0].id(), Release.publicKey().id());
  // The attestation key is known, so its signature on an artifact is
  // untrusted-key, never good.
  SignatureCheck C = checkSignature(Artifact, base64Encode(Gate.sign(Artifact)),
                                    "a.sig", Artifacts);
  EXPECT_EQ(C.Status, SignatureStatus::UntrustedKey);
  EXPECT_NE(C.Detail.find("which is trusted for attestation, not for this"),
            std::string::npos)
      << C.Detail;

  O.Purpose = KeyPurpose::Attestation;
  TrustStore Attestations = loadTrust(O);
  ASSERT_EQ(Attestations.Trusted.size(), 1u);
  EXPECT_EQ(Attestations.Trusted[0].id(), Gate.publicKey().id());
  EXPECT_TRUE(Attestations.Warnings.empty());

  // Without trust.json the folder's keys sign artifacts only.
  fs::remove(path("trust.json"));
  EXPECT_EQ(loadTrust(O).Trusted.size(), 0u);
  EXPECT_EQ(loadTrust(O).Warnings.size(), 1u);
  O.Purpose = KeyPurpose::ArtifactSigning;
  EXPECT_EQ(loadTrust(O).Trusted.size(), 2u);
  EXPECT_TRUE(loadTrust(O).Warnings.empty());
}

TEST_P(SignaturesTest, TrustFilesRefuseSharedKeysAndRolelessApprovers) {
  PrivateKey K = newKey();
  writeFileAtomically(path("k.pub"), K.publicKey().pem());
  std::vector<std::string> Warnings;
  auto Expect = [&](const char *Text, const char *Id, const char *Pointer) {
    writeFileAtomically(path("t.json"), Text);
    try {
      loadTrustedKeys(path("t.json"), Warnings);
      ADD_FAILURE() << Text;
    } catch (const Error &E) {
      EXPECT_EQ(E.id(), Id) << Text;
      EXPECT_EQ(E.place(), Pointer) << E.what();
    }
  };
  Expect(R"({"schema": "exitbar.trust", "keys": [{"file": "k.pub",
      "purposes": ["artifact-signing", "attestation"]}]})",
         "input.trust.shared-key", "/keys/0/purposes");
  Expect(R"({"schema": "exitbar.trust", "keys": [
      {"file": "k.pub", "purposes": ["attestation"]},
      {"file": "k.pub", "purposes": ["approval"], "roles": ["qa"]}]})",
         "input.trust.shared-key", "/keys/1");
  Expect(R"({"schema": "exitbar.trust", "keys": [{"file": "k.pub",
      "purposes": ["approval"]}]})",
         "input.trust.invalid", "/keys/0/roles");
  Expect(R"({"schema": "exitbar.trust", "keys": [{"file": "k.pub",
      "purposes": ["signing"]}]})",
         "input.trust.invalid", "/keys/0/purposes/0");
  writeFileAtomically(path("t.json"), R"({"schema": "exitbar.trust",
      "keys": [{"file": "k.pub", "purposes": ["approval"],
                "roles": ["release-manager", "security"]}]})");
  auto Keys = loadTrustedKeys(path("t.json"), Warnings);
  ASSERT_EQ(Keys.size(), 1u);
  EXPECT_EQ(Keys[0].Purpose, KeyPurpose::Approval);
  EXPECT_EQ(Keys[0].Roles.size(), 2u);
  EXPECT_TRUE(Warnings.empty());
}

TEST(KeysTest, WrongKeysGiveClearErrors) {
  std::string Pem = generatePrivateKeyPem(KeyType::EcdsaP256);
  std::string Pub = parsePrivateKey(Pem, "k").publicKey().pem();
  EXPECT_EQ(errorId([&] { parsePrivateKey(Pub, "k.pub"); }, Pub),
            "input.key.not-private");
  EXPECT_EQ(errorId([&] { parsePublicKey(Pem, "k.pem"); }, Pem),
            "input.key.not-public");
  std::string Broken = Pem;
  Broken[Broken.size() / 2] = '*';
  EXPECT_EQ(errorId([&] { parsePrivateKey(Broken, "k.pem"); }, Broken),
            "input.key.invalid");
  EXPECT_EQ(errorId([&] { parsePrivateKey("", "k"); }), "input.key.invalid");
  EXPECT_EQ(errorId([&] { parsePrivateKey("garbage", "k"); }),
            "input.key.invalid");
  EXPECT_EQ(errorId([&] { parsePublicKey("garbage", "k"); }),
            "input.key.invalid");
  EXPECT_EQ(errorId([&] {
              std::string W;
              loadPrivateKey("/nonexistent/key.pem", Env::fixed({}), W);
            }),
            "input.file.unreadable");
  EXPECT_EQ(errorId([&] {
              parsePrivateKey("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n"
                              "-----END ENCRYPTED PRIVATE KEY-----\n",
                              "k");
            }),
            "input.key.encrypted");
}

TEST(ArtifactListTest, ReadsLinesAndNamesTheBadOne) {
  auto List = readArtifactList(
      "executable\tapp\t/b/app\n\nstatic-library\tcore\t/b/lib core.a\n",
      "artifacts.txt");
  ASSERT_EQ(List.size(), 2u);
  EXPECT_EQ(List[1].Path, "/b/lib core.a");
  EXPECT_EQ(List[1].Target, "core");
  EXPECT_EQ(List[1].Kind, "static-library");
  try {
    readArtifactList("executable\tapp\t/b/app\nbroken line\n", "a.txt");
    FAIL();
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.artifacts.invalid");
    EXPECT_EQ(E.place(), "2");
  }
}

TEST(Base64Test, RoundTripAndRejects) {
  for (std::string S : {"", "a", "ab", "abc", "abcd", "\xff\x00\x10"})
    EXPECT_EQ(base64Decode(base64Encode(S)), S);
  EXPECT_EQ(base64Encode("hi"), "aGk=");
  EXPECT_EQ(base64Decode("aGk=\n"), "hi");
  EXPECT_FALSE(base64Decode("aGk"));
  EXPECT_FALSE(base64Decode("a=k="));
  EXPECT_FALSE(base64Decode("aG*="));
}

} // namespace

// The CI's trust store replaces every key the repository names (a committer
// could add their own key there), and says what it replaced.
TEST(TrustStoreEnvironmentTest, ReplacesTheRepositorysKeysWithAWarning) {
  TrustOptions Trust;
  Trust.TrustedDirs = {"keys"};
  Trust.KeyFiles = {"release.pub"};
  std::vector<std::string> Warnings;
  EXPECT_EQ(applyTrustStoreEnvironment(Env::fixed({}), Trust, Warnings),
            (std::vector<std::string>{"keys", "release.pub"}));
  EXPECT_TRUE(Warnings.empty());

  Env Ci = Env::fixed({{"EXITBAR_TRUST_STORE", "/ci/trust.json"}});
  EXPECT_EQ(applyTrustStoreEnvironment(Ci, Trust, Warnings),
            std::vector<std::string>{"/ci/trust.json"});
  EXPECT_EQ(Trust.TrustedDirs, std::vector<std::string>{"/ci/trust.json"});
  EXPECT_TRUE(Trust.KeyFiles.empty());
  EXPECT_EQ(Warnings, std::vector<std::string>{
                          "EXITBAR_TRUST_STORE is set: its trust anchors "
                          "replace keys, release.pub"});
}

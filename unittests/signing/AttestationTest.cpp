// AttestationTest.cpp - unit tests of DSSE PAE and the signed verdict (in-toto
// + SLSA VSA)
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Attestation.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include <gtest/gtest.h>

using namespace exitbar;
using nlohmann::json;

namespace {

TEST(DssePaeTest, MatchesTheSpecification) {
  // The test vector of the DSSE protocol document.
  EXPECT_EQ(dssePae("http://example.com/HelloWorld", "hello world"),
            "DSSEv1 29 http://example.com/HelloWorld 11 hello world");
  EXPECT_EQ(dssePae("", ""), "DSSEv1 0  0 ");
  // Lengths are bytes, not characters.
  EXPECT_EQ(dssePae("t", "\xc3\xa9"), "DSSEv1 1 t 2 \xc3\xa9");
}

class AttestationTest : public ::testing::TestWithParam<KeyType> {
protected:
  void SetUp() override {
    Key = parsePrivateKey(generatePrivateKeyPem(GetParam()), "release.key");
    Trust.Trusted.push_back(
        parsePublicKey(Key.publicKey().pem(), "release.pub"));
    V.Result = Status::Go;
    V.ReleaseVersion = "1.2.3";
    V.GeneratedAt = "2023-11-14T22:13:20Z";
    V.MustPassed = V.MustTotal = 7;
    Options.Subjects = {{"bin/app", std::string(64, 'a')},
                        {"lib/libcore.a", std::string(64, 'b')}};
    Options.Inputs = {{"evidence/findings.json", std::string(64, 'c')}};
    Options.PolicyUri = "exitbar-policy.json";
    Options.PolicySha256 = std::string(64, 'd');
    Options.Passed = true;
  }

  std::string envelope() {
    return signEnvelope(InTotoPayloadType, makeVerdictStatement(V, Options),
                        {Key});
  }

  PrivateKey Key =
      parsePrivateKey(generatePrivateKeyPem(KeyType::Ed25519), "placeholder");
  TrustStore Trust;
  Verdict V;
  StatementOptions Options;
};

TEST_P(AttestationTest, StatementIsAnInTotoVsa) {
  json S = json::parse(makeVerdictStatement(V, Options));
  EXPECT_EQ(S["_type"], "https://in-toto.io/Statement/v1");
  EXPECT_EQ(S["predicateType"], "https://slsa.dev/verification_summary/v1");
  EXPECT_EQ(S["subject"][0]["name"], "bin/app");
  EXPECT_EQ(S["subject"][0]["digest"]["sha256"], std::string(64, 'a'));
  const json &P = S["predicate"];
  EXPECT_EQ(P["verificationResult"], "PASSED");
  EXPECT_EQ(P["policy"]["digest"]["sha256"], std::string(64, 'd'));
  EXPECT_EQ(P["inputAttestations"][0]["uri"], "evidence/findings.json");
  EXPECT_EQ(P["resourceUri"], "urn:exitbar:release:1.2.3");
  EXPECT_EQ(P["verifier"]["id"], "urn:exitbar:gate");
  EXPECT_EQ(P["timeVerified"], "2023-11-14T22:13:20Z");
  EXPECT_EQ(P["verifiedLevels"][0], "EXITBAR_GO");
  EXPECT_EQ(P["exitbar"]["status"], "GO");
}

TEST_P(AttestationTest, RoundTrip) {
  std::string Env = envelope();
  json J = json::parse(Env);
  EXPECT_EQ(J["payloadType"], "application/vnd.in-toto+json");
  EXPECT_EQ(J["signatures"][0]["keyid"], Key.publicKey().id());
  AttestationCheck C =
      verifyAttestation(Env, "a.json", Trust, {{"app", std::string(64, 'a')}});
  EXPECT_TRUE(C.holds()) << (C.Problems.empty() ? "" : C.Problems[0]);
  EXPECT_TRUE(C.SignedByTrustedKey);
  EXPECT_EQ(C.KeyId, Key.publicKey().id());
  EXPECT_EQ(C.Status, "GO");
  EXPECT_EQ(C.Subjects.size(), 2u);
}

TEST_P(AttestationTest, SignatureIsOverThePaeNotThePayload) {
  json J = json::parse(envelope());
  std::string Payload = *base64Decode(J["payload"].get<std::string>());
  std::string Sig = *base64Decode(J["signatures"][0]["sig"].get<std::string>());
  EXPECT_TRUE(
      Trust.Trusted[0].verify(dssePae(InTotoPayloadType, Payload), Sig));
  EXPECT_FALSE(Trust.Trusted[0].verify(Payload, Sig));
}

TEST_P(AttestationTest, TamperingIsDetected) {
  json J = json::parse(envelope());
  // A FAILED verdict rewritten as PASSED: the payload no longer matches.
  Options.Passed = false;
  V.Result = Status::NoGo;
  json Failed = json::parse(envelope());
  std::string Payload = *base64Decode(Failed["payload"].get<std::string>());
  std::string Forged = Payload;
  Forged.replace(Forged.find("\"FAILED\""), 8, "\"PASSED\"");
  Failed["payload"] = base64Encode(Forged);
  AttestationCheck C = verifyAttestation(Failed.dump(), "a.json", Trust, {});
  EXPECT_FALSE(C.holds());
  EXPECT_FALSE(C.SignedByTrustedKey);

  // The untouched FAILED envelope is signed but does not hold.
  AttestationCheck F = verifyAttestation(envelope(), "a.json", Trust, {});
  EXPECT_TRUE(F.SignedByTrustedKey);
  ASSERT_EQ(F.Problems.size(), 1u);
  EXPECT_EQ(F.Problems[0], "verificationResult is FAILED (verdict NO_GO)");

  // Another payload type under the same signature.
  json Typed = J;
  Typed["payloadType"] = "application/json";
  EXPECT_FALSE(
      verifyAttestation(Typed.dump(), "a.json", Trust, {}).SignedByTrustedKey);

  // An artifact that is not a subject.
  AttestationCheck Other = verifyAttestation(J.dump(), "a.json", Trust,
                                             {{"app", std::string(64, 'e')}});
  ASSERT_EQ(Other.Problems.size(), 1u);
  EXPECT_NE(Other.Problems[0].find("not a subject"), std::string::npos);

  // An untrusted key.
  TrustStore Stranger;
  Stranger.Trusted.push_back(
      parsePublicKey(parsePrivateKey(generatePrivateKeyPem(GetParam()), "other")
                         .publicKey()
                         .pem(),
                     "other.pub"));
  EXPECT_FALSE(
      verifyAttestation(J.dump(), "a.json", Stranger, {}).SignedByTrustedKey);
}

TEST_P(AttestationTest, ConditionalIsNotGoUnlessAccepted) {
  V.Result = Status::Conditional;
  AttestationExpectations Expect;
  AttestationCheck C =
      verifyAttestationFor(envelope(), "a.json", Trust, Expect);
  ASSERT_EQ(C.Problems.size(), 1u);
  EXPECT_NE(C.Problems[0].find("CONDITIONAL, not GO"), std::string::npos);
  Expect.AcceptConditional = true;
  EXPECT_TRUE(
      verifyAttestationFor(envelope(), "a.json", Trust, Expect).holds());
}

TEST_P(AttestationTest, PinsPolicyVersionSignerAndAge) {
  Options.TimeVerified = "2023-11-14T22:13:20Z"; // 1700000000
  std::string Env = envelope();
  AttestationExpectations Expect;
  Expect.PolicySha256 = std::string(64, 'd');
  Expect.ReleaseVersion = "1.2.3";
  Expect.Signers = {Key.publicKey().id()};
  Expect.MaxAgeSeconds = 3600;
  Expect.Now = 1700000000 + 3600;
  AttestationCheck C = verifyAttestationFor(Env, "a.json", Trust, Expect);
  EXPECT_TRUE(C.holds()) << (C.Problems.empty() ? "" : C.Problems[0]);

  Expect.Now = 1700000000 + 3601; // one second too old
  EXPECT_FALSE(verifyAttestationFor(Env, "a.json", Trust, Expect).holds());
  Expect.Now = 1700000000 - 301; // from the future
  EXPECT_FALSE(verifyAttestationFor(Env, "a.json", Trust, Expect).holds());
  Expect.Now = 1700000000;
  Expect.PolicySha256 = std::string(64, 'e');
  EXPECT_FALSE(verifyAttestationFor(Env, "a.json", Trust, Expect).holds());
  Expect.PolicySha256.clear();
  Expect.ReleaseVersion = "1.2.4";
  EXPECT_FALSE(verifyAttestationFor(Env, "a.json", Trust, Expect).holds());
  Expect.ReleaseVersion.clear();
  Expect.Signers = {"sha256:other"};
  EXPECT_FALSE(verifyAttestationFor(Env, "a.json", Trust, Expect).holds());
}

TEST_P(AttestationTest, WaivedMustPassCriteriaAreInTheSignedVerdict) {
  CriterionResult R;
  R.Rule.Id = "no-high-findings";
  R.Rule.Required = Level::Must;
  R.Passed = true;
  R.Waived = true;
  R.Detail = "waived by sec until 2099-01-01: beta";
  V.Criteria.push_back(R);
  json S = json::parse(makeVerdictStatement(V, Options));
  ASSERT_EQ(S["predicate"]["exitbar"]["waived_criteria"].size(), 1u);
  EXPECT_EQ(S["predicate"]["exitbar"]["waived_criteria"][0]["id"],
            "no-high-findings");
  AttestationCheck C = verifyAttestationFor(envelope(), "a.json", Trust, {});
  ASSERT_EQ(C.WaivedMustPass.size(), 1u);
  EXPECT_EQ(C.WaivedMustPass[0],
            "no-high-findings: waived by sec until 2099-01-01: beta");
}

TEST(TimestampTest, ParsesRfc3339Utc) {
  EXPECT_EQ(parseTimestamp("1970-01-02T00:00:00Z"), 86400);
  EXPECT_FALSE(parseTimestamp("1970-01-02 00:00:00"));
  EXPECT_FALSE(parseTimestamp("yesterday"));
}

TEST_P(AttestationTest, MalformedEnvelopesAreErrors) {
  for (
      const char *Text :
      {"", "[]", "{}",
       R"({"payloadType": "x", "payload": "!!", "signatures": []})",
       R"({"payloadType": "x", "payload": "e30=", "signatures": {}})",
       R"({"payloadType": "x", "payload": "bm90IGpzb24=", "signatures": []})"}) {
    try {
      verifyAttestation(Text, "a.json", Trust, {});
      ADD_FAILURE() << Text;
    } catch (const Error &E) {
      EXPECT_TRUE(E.id() == "input.attestation.invalid" ||
                  E.id() == "input.json.syntax")
          << E.what();
    }
  }
}

INSTANTIATE_TEST_SUITE_P(BothKeyTypes, AttestationTest,
                         ::testing::Values(KeyType::Ed25519,
                                           KeyType::EcdsaP256),
                         [](const auto &Info) {
                           return std::string(Info.param == KeyType::Ed25519
                                                  ? "Ed25519"
                                                  : "EcdsaP256");
                         });

} // namespace

// VerifyAttestationCommand.cpp - `exitbar verify-attestation`: check a signed
// verdict
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/Attestation.h"
#include "exitbar/Digest.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include <fmt/core.h>

namespace exitbar::cli {

namespace {

struct VerifyAttestationArgs {
  TrustOptions Trust;
  std::vector<std::string> Artifacts;
  std::string PolicyDigest, ReleaseVersion, MaxAge, Accept;
  std::vector<std::string> Signers;
  std::string Envelope;
};

/// "7d", "24h", "30m", "90s" or plain seconds; throws usage.verify.max-age.
long long parseDuration(const std::string &Text) {
  static const std::pair<char, long long> Units[] = {
      {'d', 86400}, {'h', 3600}, {'m', 60}, {'s', 1}};
  long long Unit = 1;
  std::string Number = Text;
  for (const auto &[Suffix, Seconds] : Units)
    if (!Text.empty() && Text.back() == Suffix) {
      Unit = Seconds;
      Number = Text.substr(0, Text.size() - 1);
    }
  if (Number.empty() ||
      Number.find_first_not_of("0123456789") != std::string::npos ||
      Number.size() > 9)
    throw Error("usage.verify.max-age", "", "",
                "--max-age '" + Text +
                    "' is not a duration such as 7d, 24h, 30m or 3600");
  return std::stoll(Number) * Unit;
}

void runVerifyAttestation(const VerifyAttestationArgs &A, Context &Ctx) {
  TrustOptions Options = A.Trust;
  Options.Purpose = KeyPurpose::Attestation;
  applyTrustEnvironment(Ctx, Options);
  if (Options.KeyFiles.empty() && Options.TrustedDirs.empty())
    throw Error("usage.verify.no-keys", "", "",
                "give --trusted-key PUBFILE or --trusted-keys DIR");
  TrustStore Trust = loadTrust(Options);
  printWarnings(Trust.Warnings);
  AttestationExpectations Expect;
  for (const std::string &File : A.Artifacts)
    Expect.Artifacts.push_back({File, sha256Hex(readFile(File))});
  Expect.PolicySha256 = A.PolicyDigest.rfind("sha256:", 0) == 0
                            ? A.PolicyDigest.substr(7)
                            : A.PolicyDigest;
  Expect.ReleaseVersion = A.ReleaseVersion;
  Expect.Signers = A.Signers;
  if (!A.MaxAge.empty())
    Expect.MaxAgeSeconds = parseDuration(A.MaxAge);
  // Ages are judged by the real clock, never by SOURCE_DATE_EPOCH.
  Expect.Now = Ctx.Environment.clock();
  Expect.AcceptConditional = A.Accept == "conditional";
  AttestationCheck C =
      verifyAttestationFor(readFile(A.Envelope), A.Envelope, Trust, Expect);
  for (const std::string &Problem : C.Problems)
    fmt::print("{}: {}\n", A.Envelope, Problem);
  if (C.holds())
    fmt::print("{}: good: verdict {} ({}) signed by {}; {} subjects{}\n",
               A.Envelope, C.Status, C.VerificationResult, C.KeyId,
               C.Subjects.size(),
               Expect.Artifacts.empty() ? ""
                                        : fmt::format(", {} artifacts match",
                                                      Expect.Artifacts.size()));
  for (const std::string &Waived : C.WaivedMustPass)
    fmt::print("{}: waived must-pass criterion {}\n", A.Envelope, Waived);
  Ctx.Exit = C.holds() ? Success : CheckFailed;
}

} // namespace

void addVerifyAttestationCommand(CLI::App &App, Context &Ctx) {
  auto A = std::make_shared<VerifyAttestationArgs>();
  CLI::App *Cmd = App.add_subcommand(
      "verify-attestation",
      "Check a signed verdict (gate --attest): a key trusted for attestations "
      "signed the DSSE envelope, the in-toto statement's SLSA VSA says "
      "PASSED with verdict GO, every --artifact is one of its subjects, and "
      "each pin given holds; exit 1 otherwise.\n"
      "Example: exitbar verify-attestation --trusted-keys trust.json "
      "--artifact build/app --release-version 1.4.0 --max-age 7d "
      "build/exitbar/verdict.intoto.json");
  Cmd->add_option("--trusted-key", A->Trust.KeyFiles,
                  "PEM public key trusted for this attestation")
      ->allow_extra_args(false);
  addDeprecatedAlias(*Cmd, "--key", "--trusted-key", A->Trust.KeyFiles);
  Cmd->add_option("--trusted-keys", A->Trust.TrustedDirs,
                  "Trust file or folder with trust.json: its attestation "
                  "keys (default $EXITBAR_TRUST_STORE, which replaces this "
                  "when set)")
      ->allow_extra_args(false);
  Cmd->add_option("--artifact", A->Artifacts,
                  "A file that must be a subject (by SHA-256)")
      ->allow_extra_args(false);
  Cmd->add_option("--policy-digest", A->PolicyDigest,
                  "The policy's SHA-256 the verdict must name (hex or "
                  "sha256:hex)");
  Cmd->add_option("--release-version", A->ReleaseVersion,
                  "The release version the verdict must name");
  Cmd->add_option("--signer", A->Signers,
                  "Key id (sha256:...) that must have signed; repeatable")
      ->allow_extra_args(false);
  Cmd->add_option("--max-age", A->MaxAge,
                  "Oldest acceptable timeVerified, e.g. 7d, 24h, 30m, 3600");
  Cmd->add_option("--accept", A->Accept,
                  "Also accept a CONDITIONAL verdict ('conditional')")
      ->check(CLI::IsMember({"conditional"}));
  Cmd->add_option("envelope", A->Envelope, "The DSSE envelope")->required();
  Cmd->callback([A, &Ctx] { runVerifyAttestation(*A, Ctx); });
}

} // namespace exitbar::cli

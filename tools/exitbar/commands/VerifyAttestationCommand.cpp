// VerifyAttestationCommand.cpp - `exitbar verify-attestation`: check a signed verdict
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
  std::string Envelope;
};

void runVerifyAttestation(const VerifyAttestationArgs &A, Context &Ctx) {
  if (A.Trust.KeyFiles.empty() && A.Trust.TrustedDirs.empty())
    throw Error("usage.verify.no-keys", "", "",
                "give --key PUBFILE or --trusted-keys DIR");
  TrustStore Trust = loadTrust(A.Trust);
  std::vector<DigestedFile> Artifacts;
  for (const std::string &File : A.Artifacts)
    Artifacts.push_back({File, sha256Hex(readFile(File))});
  AttestationCheck C =
      verifyAttestation(readFile(A.Envelope), A.Envelope, Trust, Artifacts);
  for (const std::string &Problem : C.Problems)
    fmt::print("{}: {}\n", A.Envelope, Problem);
  if (C.holds())
    fmt::print("{}: good: verdict {} ({}) signed by {}; {} subjects{}\n",
               A.Envelope, C.Status, C.VerificationResult, C.KeyId,
               C.Subjects.size(),
               Artifacts.empty()
                   ? ""
                   : fmt::format(", {} artifacts match", Artifacts.size()));
  Ctx.Exit = C.holds() ? Success : CheckFailed;
}

} // namespace

void addVerifyAttestationCommand(CLI::App &App, Context &Ctx) {
  auto A = std::make_shared<VerifyAttestationArgs>();
  CLI::App *Cmd = App.add_subcommand(
      "verify-attestation",
      "Check a signed verdict (gate --attest): a trusted key signed the DSSE "
      "envelope, the in-toto statement's SLSA VSA says PASSED, and every "
      "--artifact is one of its subjects; exit 1 otherwise.\n"
      "Example: exitbar verify-attestation --trusted-keys keys/ "
      "--artifact build/app build/exitbar/verdict.intoto.json");
  Cmd->add_option("--key", A->Trust.KeyFiles, "Trusted PEM public key file")
      ->allow_extra_args(false);
  Cmd->add_option("--trusted-keys", A->Trust.TrustedDirs,
                  "Folder of trusted PEM public keys")
      ->allow_extra_args(false);
  Cmd->add_option("--artifact", A->Artifacts,
                  "A file that must be a subject (by SHA-256)")
      ->allow_extra_args(false);
  Cmd->add_option("envelope", A->Envelope, "The DSSE envelope")->required();
  Cmd->callback([A, &Ctx] { runVerifyAttestation(*A, Ctx); });
}

} // namespace exitbar::cli

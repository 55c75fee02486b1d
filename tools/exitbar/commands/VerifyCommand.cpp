// VerifyCommand.cpp - `exitbar verify`: files against their detached signatures
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include "exitbar/Policy.h"
#include "exitbar/Signatures.h"
#include "exitbar/Signing.h"
#include <filesystem>
#include <fmt/core.h>

namespace fs = std::filesystem;

namespace exitbar::cli {

namespace {

struct VerifyArgs {
  TrustOptions Trust;
  std::string PolicyFile;
  std::string Signature;
  std::vector<std::string> Files;
};

void runVerify(const VerifyArgs &A, Context &Ctx) {
  TrustOptions Options = A.Trust;
  if (!A.PolicyFile.empty()) {
    // The policy's keys are relative to the policy file.
    Policy P = parsePolicy(readFile(A.PolicyFile), A.PolicyFile);
    fs::path PolicyDir = fs::path(A.PolicyFile).parent_path();
    auto Signing = P.KindSections.find("signing");
    for (const std::string &Key :
         Signing == P.KindSections.end()
             ? std::vector<std::string>()
             : signingSettings(Signing->second, A.PolicyFile).TrustedKeys)
      Options.KeyFiles.push_back(
          fs::path(Key).is_absolute() ? Key : (PolicyDir / Key).string());
  }
  applyTrustEnvironment(Ctx, Options);
  if (Options.KeyFiles.empty() && Options.TrustedDirs.empty())
    throw Error(
        "usage.verify.no-keys", "", "",
        "give --trusted-key PUBFILE, --trusted-keys DIR or a --policy that "
        "names trusted keys");
  if (!A.Signature.empty() && A.Files.size() != 1)
    throw Error("usage.verify.signature", "", "",
                "--signature needs exactly one file to verify");
  TrustStore Trust = loadTrust(Options);
  bool AllGood = true;
  for (const std::string &File : A.Files) {
    SignatureCheck C = verifyFile(File, A.Signature, Trust);
    AllGood = AllGood && C.Status == SignatureStatus::Good;
    if (C.Status == SignatureStatus::Good)
      fmt::print("{}: good: {} ({}){}\n", File, C.KeyId, C.KeySource,
                 C.Detail.empty() ? "" : "; " + C.Detail);
    else
      fmt::print("{}: {}: {}\n", File, toString(C.Status), C.Detail);
  }
  Ctx.Exit = AllGood ? Success : CheckFailed;
}

} // namespace

void addVerifyCommand(CLI::App &App, Context &Ctx) {
  auto A = std::make_shared<VerifyArgs>();
  CLI::App *Cmd = App.add_subcommand(
      "verify",
      "Check files against their signatures (FILE.sig, FILE.bundle or "
      "FILE.sigstore.json): good, unsigned, invalid, untrusted-key or "
      "needs-online-check; exit 1 unless every file is good.\n"
      "Example: exitbar verify --trusted-keys keys/ build/app");
  Cmd->add_option("--trusted-key", A->Trust.KeyFiles,
                  "Trusted PEM public key file")
      ->allow_extra_args(false);
  addDeprecatedAlias(*Cmd, "--key", "--trusted-key", A->Trust.KeyFiles);
  Cmd->add_option("--trusted-keys", A->Trust.TrustedDirs,
                  "Trust file, folder with trust.json (its artifact-signing "
                  "keys) or folder of PEM public keys (default "
                  "$EXITBAR_TRUST_STORE, which replaces this when set)")
      ->allow_extra_args(false);
  Cmd->add_option("--known-keys", A->Trust.KnownDirs,
                  "Folder of public keys that are known but not trusted "
                  "(their signatures count as untrusted-key)")
      ->allow_extra_args(false);
  Cmd->add_option("--policy", A->PolicyFile,
                  "Policy whose signing.trusted_keys are trusted");
  Cmd->add_option("--signature", A->Signature,
                  "Signature file (one input file only)");
  Cmd->add_option("files", A->Files, "Files to verify")->required();
  Cmd->callback([A, &Ctx] { runVerify(*A, Ctx); });
}

} // namespace exitbar::cli

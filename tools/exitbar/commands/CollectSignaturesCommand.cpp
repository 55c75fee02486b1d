// CollectSignaturesCommand.cpp - `exitbar collect signatures`: release
// artifacts and their signatures SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/CMakeFileApi.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/Policy.h"
#include "exitbar/Signing.h"
#include <filesystem>
#include <fmt/core.h>

namespace fs = std::filesystem;

namespace exitbar::cli {

namespace {

struct CollectSignaturesArgs {
  std::string BuildDir;
  std::string PolicyFile;
  std::string ArtifactList;
  std::vector<std::string> Artifacts;
  std::vector<std::string> Targets;
  TrustOptions Trust;
  std::string Output;
};

void runCollectSignatures(const CollectSignaturesArgs &A, Context &Ctx) {
  SignaturesOptions Options;
  Options.BuildDir = A.BuildDir;
  Options.Trust = A.Trust;
  if (!A.PolicyFile.empty()) {
    Policy P = parsePolicy(readFile(A.PolicyFile), A.PolicyFile);
    fs::path PolicyDir = fs::path(A.PolicyFile).parent_path();
    for (const std::string &Key : P.Signing.TrustedKeys)
      Options.Trust.KeyFiles.push_back(
          fs::path(Key).is_absolute() ? Key : (PolicyDir / Key).string());
    for (const std::string &Pattern : P.Signing.Artifacts)
      Options.Patterns.emplace_back(Pattern, A.BuildDir);
  }
  applyTrustEnvironment(Ctx, Options.Trust);
  for (const std::string &Pattern : A.Artifacts)
    Options.Patterns.emplace_back(Pattern, ".");
  // The targets' artifacts: the list the CMake package writes at generate
  // time (exitbar_enable), unless another list is named.
  std::string List = A.ArtifactList;
  std::error_code Ec;
  if (List.empty() &&
      fs::exists(fs::path(A.BuildDir) / "exitbar" / "artifacts.txt", Ec))
    List = (fs::path(A.BuildDir) / "exitbar" / "artifacts.txt").string();
  if (!List.empty() && A.Targets.empty())
    Options.Artifacts = readArtifactList(readFile(List), List);
  else if (fs::exists(fs::path(A.BuildDir) / ".cmake" / "api" / "v1" / "reply",
                      Ec))
    // Without the package's list: every executable and library target the
    // CMake File API reply knows (or those named with --target).
    Options.Artifacts =
        artifactsFromFileApi(readFileApiReply(A.BuildDir), A.Targets);
  else if (!A.Targets.empty())
    throw Error("input.artifacts.target", A.BuildDir, "",
                "--target needs a CMake File API reply in the build folder "
                "(configure it with exitbar_enable, or query codemodel-v2)");

  SignaturesEvidence E = collectSignatures(Options);
  std::string Out = evidenceOutput(A.Output, A.BuildDir, "signatures.json");
  writeEvidenceFile(Ctx, Out, dumpCanonical(nlohmann::json(E)));
  fmt::print("signatures: {} artifacts (good {}, unsigned {}, invalid {}, "
             "untrusted key {}, needs online check {}, missing {}) against {} "
             "trusted keys -> {}\n",
             E.Artifacts.size(), E.count(SignatureStatus::Good),
             E.count(SignatureStatus::Unsigned),
             E.count(SignatureStatus::Invalid),
             E.count(SignatureStatus::UntrustedKey),
             E.count(SignatureStatus::NeedsOnlineCheck),
             E.count(SignatureStatus::Missing), E.TrustedKeys.size(), Out);
  Ctx.Exit = Success;
}

} // namespace

void addCollectSignatures(CLI::App &Collect, Context &Ctx) {
  auto A = std::make_shared<CollectSignaturesArgs>();
  CLI::App *Cmd = Collect.add_subcommand(
      "signatures",
      "Check the signature of every release artifact (the executables and "
      "libraries of the enabled targets, and files or globs from the policy "
      "and --artifact) into evidence/signatures.json.\n"
      "Example: exitbar collect signatures --build-dir build --trusted-keys "
      "keys/");
  // A misspelt build folder would otherwise be "0 artifacts", which reads
  // as a clean result.
  Cmd->add_option("--build-dir", A->BuildDir, "The CMake build tree")
      ->required()
      ->check(CLI::ExistingDirectory);
  Cmd->add_option("--trusted-keys", A->Trust.TrustedDirs,
                  "Trust file, folder with trust.json (its artifact-signing "
                  "keys) or folder of PEM public keys (default "
                  "$EXITBAR_TRUST_STORE, which replaces this when set)")
      ->allow_extra_args(false);
  Cmd->add_option("--trusted-key", A->Trust.KeyFiles,
                  "Trusted PEM public key file")
      ->allow_extra_args(false);
  addDeprecatedAlias(*Cmd, "--key", "--trusted-key", A->Trust.KeyFiles);
  Cmd->add_option("--known-keys", A->Trust.KnownDirs,
                  "Folder of known but untrusted public keys")
      ->allow_extra_args(false);
  Cmd->add_option("--policy", A->PolicyFile,
                  "Policy whose `signing` member names trusted keys and "
                  "artifacts");
  Cmd->add_option("--artifacts-list", A->ArtifactList,
                  "Target artifact list (default <build>/exitbar/"
                  "artifacts.txt when present)");
  Cmd->add_option("--target", A->Targets,
                  "Only this target's files, from the CMake File API reply")
      ->allow_extra_args(false);
  Cmd->add_option("--artifact", A->Artifacts,
                  "Another artifact: a file or glob, relative to the current "
                  "folder")
      ->allow_extra_args(false);
  Cmd->add_option("-o,--output", A->Output,
                  "Evidence file (default <build>/exitbar/evidence/"
                  "signatures.json)");
  Cmd->callback([A, &Ctx] { runCollectSignatures(*A, Ctx); });
}

} // namespace exitbar::cli

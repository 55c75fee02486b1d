// SignCommand.cpp - `exitbar sign`: detached signatures of files
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include "exitbar/Signing.h"
#include <fmt/core.h>

namespace exitbar::cli {

namespace {

struct SignArgs {
  std::string Key;
  std::string Output;
  std::vector<std::string> Files;
};

void runSign(const SignArgs &A, Context &Ctx) {
  if (!A.Output.empty() && A.Files.size() != 1)
    throw Error("usage.sign.output", "", "",
                "--output-signature needs exactly one file to sign");
  std::string Warning;
  PrivateKey Key = loadPrivateKey(A.Key, Ctx.Environment, Warning);
  if (!Warning.empty())
    fmt::print(stderr, "exitbar: warning: {}\n", Warning);
  // Every file is read and signed before any signature is written.
  std::vector<std::pair<std::string, std::string>> Out;
  for (const std::string &File : A.Files)
    Out.emplace_back(A.Output.empty() ? File + ".sig" : A.Output,
                     base64Encode(Key.sign(readFile(File))));
  for (size_t I = 0; I < Out.size(); ++I) {
    writeFileAtomically(Out[I].first, Out[I].second);
    fmt::print("signed {} -> {} ({} {})\n", A.Files[I], Out[I].first,
               toString(Key.type()), Key.publicKey().id());
  }
  Ctx.Exit = Success;
}

} // namespace

void addSignCommand(CLI::App &App, Context &Ctx) {
  auto A = std::make_shared<SignArgs>();
  CLI::App *Cmd = App.add_subcommand(
      "sign", "Sign files with an Ed25519 or ECDSA P-256 private key; writes "
              "FILE.sig (base64 of the signature, as cosign sign-blob does) "
              "next to each file.\n"
              "Example: exitbar sign --private-key release.key build/app");
  Cmd->add_option("--private-key", A->Key,
                  "PEM private key file, or env://NAME for the PEM text in "
                  "environment variable NAME");
  addDeprecatedAlias(*Cmd, "--key", "--private-key", A->Key);
  Cmd->add_option("--output-signature", A->Output,
                  "Signature file (one input file only; default FILE.sig)");
  Cmd->add_option("files", A->Files, "Files to sign")->required();
  Cmd->callback([A, &Ctx] {
    requireOption(A->Key, "--private-key");
    runSign(*A, Ctx);
  });
}

} // namespace exitbar::cli

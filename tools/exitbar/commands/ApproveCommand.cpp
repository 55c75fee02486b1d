// ApproveCommand.cpp - `exitbar approve`: a signed approval of a release
// (`exitbar collect approvals`, which checks them, is the approvals kind's)
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/Approve.h"
#include "exitbar/Env.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include "exitbar/Signing.h"
#include <filesystem>
#include <fmt/core.h>

namespace fs = std::filesystem;

namespace exitbar::cli {

namespace {

/// Approvals are kept with the sources by default, so they travel with the
/// release they approve.
std::string defaultApprovalsDir(const std::string &SourceDir) {
  return (fs::path(SourceDir) / ".exitbar" / "approvals").string();
}

struct ApproveArgs {
  std::string Role, Key, ReleaseVersion, Commit, Approver, Note;
  std::string SourceDir = ".", ApprovalsDir, Output;
};

void runApprove(const ApproveArgs &A, Context &Ctx) {
  std::string Warning;
  PrivateKey Key = loadPrivateKey(A.Key, Ctx.Environment, Warning);
  if (!Warning.empty())
    fmt::print(stderr, "exitbar: warning: {}\n", Warning);
  ApprovalStatement S;
  S.Role = A.Role;
  S.ReleaseVersion = A.ReleaseVersion;
  // A symbolic name (HEAD, a branch, a tag) would approve every commit it
  // ever points to: the statement names the full commit id.
  std::string Revision = A.Commit.empty() ? "HEAD" : A.Commit;
  auto Commit = resolveCommit(A.SourceDir, Revision);
  if (!Commit)
    throw Error("usage.approve.commit", A.SourceDir, "",
                "'" + Revision + "' names no commit of this git repository");
  S.Commit = *Commit;
  S.Approver = A.Approver.empty()
                   ? Ctx.Environment.get("USER").value_or("unknown")
                   : A.Approver;
  // When the approval was made is a fact, not a reproducible output.
  S.Time = formatTimestamp(Ctx.Environment.clock());
  S.Note = A.Note;
  std::string Dir = A.ApprovalsDir.empty() ? defaultApprovalsDir(A.SourceDir)
                                           : A.ApprovalsDir;
  // The approver may be looking at a work tree that is not the commit.
  if (std::string Why = approvalBlocker(A.SourceDir, Dir); !Why.empty())
    printWarnings({Why + ": the approval names commit " +
                   S.Commit.substr(0, 12) +
                   " and counts only in a clean work tree of it"});
  // One file per version, role and key: approving again replaces it.
  std::string Out = !A.Output.empty()
                        ? A.Output
                        : (fs::path(Dir) / S.ReleaseVersion /
                           (S.Role + "." + Key.publicKey().id().substr(7, 12) +
                            ".approval.json"))
                              .string();
  writeFileAtomically(Out, signApproval(S, Key));
  fmt::print("approved {} {} at {} as {} ({}) -> {}\n", S.ReleaseVersion,
             S.Role, S.Commit.substr(0, 12), S.Approver, Key.publicKey().id(),
             Out);
  Ctx.Exit = Success;
}

} // namespace

void addApproveCommand(CLI::App &App, Context &Ctx) {
  auto A = std::make_shared<ApproveArgs>();
  CLI::App *Cmd = App.add_subcommand(
      "approve",
      "Record a signed approval of a release version at a git commit by a "
      "role; the gate's 'approvals' criterion checks that the policy's roles "
      "approved.\n"
      "Example: exitbar approve --role release-manager --private-key me.key "
      "--release-version 1.4.0");
  Cmd->add_option("--role", A->Role,
                  "The role approving (release-manager, "
                  "security, ...)")
      ->required();
  Cmd->add_option("--private-key", A->Key,
                  "The approver's PEM private key file, or env://NAME");
  addDeprecatedAlias(*Cmd, "--key", "--private-key", A->Key);
  Cmd->add_option("--release-version", A->ReleaseVersion,
                  "The version approved")
      ->required();
  Cmd->add_option("--source-dir", A->SourceDir,
                  "The git work tree (default .)");
  Cmd->add_option("--commit", A->Commit,
                  "The commit approved: any revision, recorded as its full "
                  "commit id (default: HEAD of --source-dir)");
  Cmd->add_option("--approver", A->Approver,
                  "Who approves, for people to read (default $USER)");
  Cmd->add_option("--note", A->Note, "A note kept in the approval");
  Cmd->add_option("--approvals-dir", A->ApprovalsDir,
                  "Folder of approvals (default <source>/.exitbar/approvals)");
  Cmd->add_option("-o,--output", A->Output,
                  "Approval file (default <approvals-dir>/<version>/"
                  "<role>.<key>.approval.json)");
  Cmd->callback([A, &Ctx] {
    requireOption(A->Key, "--private-key");
    runApprove(*A, Ctx);
  });
}

} // namespace exitbar::cli

// ApproveCommand.cpp - `exitbar approve` (a signed approval of a release) and
// `exitbar collect approvals` (which approvals hold for this release)
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/Approvals.h"
#include "exitbar/Env.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include "exitbar/Policy.h"
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

struct CollectArgs {
  ApprovalsOptions Options;
  std::vector<std::string> TrustedKeys, Roles;
  std::string Policy, Output;
};

void runCollectApprovals(const CollectArgs &A, Context &Ctx, bool RolesGiven) {
  ApprovalsOptions Options = A.Options;
  if (Options.ApprovalsDir.empty())
    Options.ApprovalsDir = defaultApprovalsDir(Options.SourceDir);
  Options.RequiredRoles = Policy().ApprovalRoles;
  if (!A.Policy.empty()) {
    Policy P = parsePolicy(readFile(A.Policy), A.Policy);
    Options.RequiredRoles = P.ApprovalRoles;
    if (Options.ReleaseVersion.empty())
      Options.ReleaseVersion = P.ReleaseVersion;
  }
  if (RolesGiven)
    Options.RequiredRoles = A.Roles;
  if (Options.ReleaseVersion.empty())
    throw Error("usage.approvals.version", "", "",
                "no release version: pass --release-version");
  TrustOptions Trust;
  Trust.TrustedDirs = A.TrustedKeys;
  Options.TrustAnchors = applyTrustEnvironment(Ctx, Trust);
  std::vector<std::string> Warnings;
  for (const std::string &Where : Trust.TrustedDirs)
    for (TrustedKey &K : loadTrustedKeys(Where, Warnings))
      Options.TrustedKeys.push_back(std::move(K));
  printWarnings(Warnings);
  ApprovalsEvidence E = collectApprovals(Options);
  for (const std::string &Anchor : E.TrustAnchorsInRepository)
    printWarnings({"trust anchor " + Anchor +
                   " is inside the repository "
                   "it approves: whoever can commit can change it (set "
                   "EXITBAR_TRUST_STORE in CI)"});
  std::string Out = evidenceOutput(A.Output, "", "approvals.json");
  writeEvidenceFile(Ctx, Out, approvalsToJson(E));
  int Good = 0;
  for (const ApprovalCheck &C : E.Approvals)
    Good += C.Status == "good";
  std::string Missing;
  for (const std::string &R : E.MissingRoles)
    Missing += (Missing.empty() ? "" : ", ") + R;
  fmt::print("approvals: {} of {} good for {} at {}; missing roles: {} -> {}\n",
             Good, E.Approvals.size(), E.ReleaseVersion, E.Commit.substr(0, 12),
             Missing.empty() ? "none" : Missing, Out);
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

void addCollectApprovals(CLI::App &Collect, Context &Ctx) {
  auto A = std::make_shared<CollectArgs>();
  A->Options.SourceDir = ".";
  CLI::App *Cmd = Collect.add_subcommand(
      "approvals",
      "Check the approvals of this release version and commit: signed by a "
      "trusted key, for this version, at this commit (or one differing only "
      "in the approvals), into evidence/approvals.json.\n"
      "Example: exitbar collect approvals --release-version 1.4.0 "
      "--trusted-keys keys/ -o build/exitbar/evidence/approvals.json");
  Cmd->add_option("--source-dir", A->Options.SourceDir,
                  "The git work tree (default .)");
  Cmd->add_option("--approvals-dir", A->Options.ApprovalsDir,
                  "Folder of approvals (default <source>/.exitbar/approvals)");
  Cmd->add_option("--release-version", A->Options.ReleaseVersion,
                  "The release version (default: the policy's)");
  Cmd->add_option("--commit", A->Options.Commit,
                  "The release commit (default: HEAD of --source-dir)");
  Cmd->add_option("--trusted-keys", A->TrustedKeys,
                  "Trust anchors: a trust file (trust.json) or a folder "
                  "holding one; only its approval keys count, each for its "
                  "roles (default $EXITBAR_TRUST_STORE, which replaces "
                  "this when set)");
  Cmd->add_option("--role", A->Roles,
                  "Roles that must approve (replaces the policy's)");
  Cmd->add_option("--policy", A->Policy,
                  "Policy whose 'approvals' section names the roles");
  Cmd->add_option("-o,--output", A->Output,
                  "Evidence file (default exitbar/evidence/approvals.json)");
  Cmd->callback([A, &Ctx, Cmd] {
    runCollectApprovals(*A, Ctx, Cmd->count("--role") > 0);
  });
}

} // namespace exitbar::cli

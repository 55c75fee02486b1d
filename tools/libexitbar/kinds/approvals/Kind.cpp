// Kind.cpp - the approvals evidence kind: `exitbar collect approvals`, the
// policy's "approvals" section, its metric, its report section and its
// record in the registry
// SPDX-License-Identifier: Apache-2.0
//
// Schema: docs/evidence-schema/approvals.md. `exitbar approve`, which
// writes the approvals this kind checks, is a command of its own.

#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/EvidenceKinds.h"
#include "exitbar/Files.h"
#include "exitbar/JsonCursor.h"
#include "exitbar/Signing.h"
#include "exitbar/Verdict.h"
#include "kinds/approvals/Approvals.h"
#include <filesystem>
#include <fmt/core.h>

namespace fs = std::filesystem;

namespace exitbar::approvals {
namespace {

const char *const File = "approvals.json";

/// The roles that must approve when neither the policy nor --role names
/// any.
const std::vector<std::string> DefaultRoles = {"release-manager"};

/// The "approvals" section read: {"roles": [...]}, which replaces the
/// default roles (an empty list requires none); each problem added to
/// \p Problems.
std::optional<std::vector<std::string>>
readApprovalsSection(const JsonCursor &Section, PolicyProblems &Problems) {
  addProblemOf(Problems, [&] { Section.expectObject(); });
  if (!Section.json().is_object())
    return std::nullopt;
  std::optional<std::vector<std::string>> Roles;
  for (const auto &[Name, Value] : Section.members()) {
    if (Name != "roles") {
      Problems.emplace_back(Value.pointer(), "unknown member '" + Name + "'");
      continue;
    }
    Roles = policyStrings(Value, Problems);
  }
  return Roles;
}

void checkPolicySection(const JsonCursor &Section, PolicyProblems &Problems) {
  readApprovalsSection(Section, Problems);
}

/// What the policy file \p PolicyFile says: the required roles and the
/// release version, into \p Options (a release version already given
/// wins).
void addPolicy(const std::string &PolicyFile, ApprovalsOptions &Options) {
  std::string Version = readPolicySection(
      PolicyFile, "approvals",
      [&](const JsonCursor &Section, PolicyProblems &Problems) {
        if (auto Roles = readApprovalsSection(Section, Problems))
          Options.RequiredRoles = *Roles;
      });
  if (Options.ReleaseVersion.empty())
    Options.ReleaseVersion = Version;
}

const ApprovalsEvidence *approvalsOf(const EvidenceSet &Set) {
  return Set.kind<ApprovalsEvidence>("approvals");
}

Measurement missingRoles(const MetricInput &In) {
  const ApprovalsEvidence *A = approvalsOf(In.Evidence);
  if (!A)
    return {std::nullopt, File, {}};
  Measurement M{static_cast<double>(A->MissingRoles.size()), File, {}};
  for (const std::string &Role : A->MissingRoles) {
    // Say why each approval of the role that exists does not count.
    std::string Why;
    for (const ApprovalCheck &C : A->Approvals)
      if (C.Statement.Role == Role)
        Why += "; " + C.File + ": " + C.Detail;
    M.Items.push_back(Role + ": no good approval of version " +
                      A->ReleaseVersion + " at commit " +
                      A->Commit.substr(0, 12) + Why);
  }
  return M;
}

/// Every approval found, with whether it counts: who approved what, and why
/// an approval does not count.
std::optional<ReportSection> report(const EvidenceSet &Set) {
  const ApprovalsEvidence *A = approvalsOf(Set);
  if (!A)
    return std::nullopt;
  ReportSection R;
  R.Id = "approvals";
  R.Title = "Approvals";
  std::string Missing;
  for (const std::string &Role : A->MissingRoles)
    Missing += (Missing.empty() ? "" : ", ") + Role;
  R.Intro = "Version " + A->ReleaseVersion + " at commit " +
            A->Commit.substr(0, 12) + ": " +
            std::to_string(A->Approvals.size()) + " approvals found; " +
            (Missing.empty() ? "every required role approved."
                             : "missing roles: " + Missing + ".");
  R.Columns = {"role", "approver", "file", "status", "detail"};
  R.RowKey = "approval";
  for (const ApprovalCheck &C : A->Approvals)
    R.Table.push_back({C.File,
                       {{C.Statement.Role, ""},
                        {C.Statement.Approver, ""},
                        {C.File, ""},
                        {C.Status, C.Status == "good" ? "pass" : "fail"},
                        {C.Detail, ""}}});
  return R;
}

CollectResult collect(const CollectRequest &Request) {
  ApprovalsOptions Options;
  Options.SourceDir = Request.value("--source-dir", ".");
  Options.ApprovalsDir = Request.value("--approvals-dir");
  // Approvals are kept with the sources by default, so they travel with
  // the release they approve.
  if (Options.ApprovalsDir.empty())
    Options.ApprovalsDir =
        (fs::path(Options.SourceDir) / ".exitbar" / "approvals").string();
  Options.ReleaseVersion = Request.value("--release-version");
  Options.Commit = Request.value("--commit");
  Options.RequiredRoles = DefaultRoles;
  if (std::string Policy = Request.value("--policy"); !Policy.empty())
    addPolicy(Policy, Options);
  if (Request.Options.count("--role"))
    Options.RequiredRoles = Request.values("--role");
  if (Options.ReleaseVersion.empty())
    throw Error("usage.approvals.version", "", "",
                "no release version: pass --release-version");
  TrustOptions Trust;
  Trust.TrustedDirs = Request.values("--trusted-keys");
  std::vector<std::string> Warnings;
  Options.TrustAnchors =
      applyTrustStoreEnvironment(Request.Environment, Trust, Warnings);
  Request.warn(Warnings);
  for (const std::string &Where : Trust.TrustedDirs) {
    Warnings.clear();
    for (TrustedKey &K : loadTrustedKeys(Where, Warnings))
      Options.TrustedKeys.push_back(std::move(K));
    Request.warn(Warnings);
  }
  ApprovalsEvidence E = collectApprovals(Options);
  for (const std::string &Anchor : E.TrustAnchorsInRepository)
    Request.Warn("trust anchor " + Anchor +
                 " is inside the repository it approves: whoever can commit "
                 "can change it (set EXITBAR_TRUST_STORE in CI)");
  CollectResult Result;
  Result.Evidence = approvalsToJson(E);
  int Good = 0;
  for (const ApprovalCheck &C : E.Approvals)
    Good += C.Status == "good";
  std::string Missing;
  for (const std::string &R : E.MissingRoles)
    Missing += (Missing.empty() ? "" : ", ") + R;
  Result.Summary =
      fmt::format("approvals: {} of {} good for {} at {}; missing roles: {}",
                  Good, E.Approvals.size(), E.ReleaseVersion,
                  E.Commit.substr(0, 12), Missing.empty() ? "none" : Missing);
  return Result;
}

std::any read(const std::string &Text, const std::string &Path) {
  return approvalsFromJson(Text, Path);
}

} // namespace

const EvidenceKind &kind() {
  static const EvidenceKind K{
      "approvals",
      File,
      "Check the approvals of this release version and commit: signed by a "
      "trusted key, for this version, at this commit (or one differing only "
      "in the approvals), into evidence/approvals.json.\n"
      "Example: exitbar collect approvals --release-version 1.4.0 "
      "--trusted-keys keys/ -o build/exitbar/evidence/approvals.json",
      read,
      {
          {"approvals.missing_roles", File,
           "required roles without a good approval", missingRoles},
      },
      {
          {"--source-dir", "The git work tree (default .)"},
          {"--approvals-dir",
           "Folder of approvals (default <source>/.exitbar/approvals)"},
          {"--release-version", "The release version (default: the policy's)"},
          {"--commit", "The release commit (default: HEAD of --source-dir)"},
          {"--trusted-keys",
           "Trust anchors: a trust file (trust.json) or a folder holding one; "
           "only its approval keys count, each for its roles (default "
           "$EXITBAR_TRUST_STORE, which replaces this when set)",
           /*Multiple=*/true},
          {"--role", "Roles that must approve (replaces the policy's)",
           /*Multiple=*/true},
          {"--policy", "Policy whose 'approvals' section names the roles"},
          {"-o,--output",
           "Evidence file (default exitbar/evidence/approvals.json)"},
      },
      /*TakesCommand=*/false,
      collect,
      report,
      // Collected once, from the repository: shards must agree.
      ShardMerge::SameInEveryShard,
      /*AddUp=*/nullptr,
      /*PolicySection=*/"approvals",
      checkPolicySection,
  };
  return K;
}

} // namespace exitbar::approvals

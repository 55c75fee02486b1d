// Approvals.h - the approvals kind's collector and JSON
// SPDX-License-Identifier: Apache-2.0
//
// Internal to the kind (and its unit tests): the evidence types are in
// exitbar/Approvals.h, what `exitbar approve` calls in exitbar/Approve.h.

#ifndef EXITBAR_KINDS_APPROVALS_APPROVALS_H
#define EXITBAR_KINDS_APPROVALS_APPROVALS_H

#include "exitbar/Approve.h"
#include <string>
#include <string_view>
#include <vector>

namespace exitbar {

struct TrustedKey;

/// What `collect approvals` needs.
struct ApprovalsOptions {
  std::string SourceDir;    ///< the git work tree of the release
  std::string ApprovalsDir; ///< folder of approval files (searched recursively)
  std::string ReleaseVersion;
  std::string Commit; ///< "" or the commit checked out in SourceDir
  std::vector<std::string> RequiredRoles;
  /// The trust anchors; only approval keys count, each for its roles.
  std::vector<TrustedKey> TrustedKeys;
  /// Where the anchors came from (trust files, folders), for the report.
  std::vector<std::string> TrustAnchors;
};

/// Reads and checks every `*.approval.json` under the approvals folder. An
/// approval of another commit still counts when the two commits' whole
/// trees (submodules included) differ only by approval statements in the
/// approvals folder (committing the approval must not void it); a dirty work
/// tree, any other file in the approvals folder, or an approvals folder that
/// holds the sources voids every approval.
/// Throws Error naming the file and JSON pointer of a malformed approval,
/// tool.git.failed outside a git work tree, usage.approvals.commit when
/// Options.Commit is not the commit checked out.
/// Example: ApprovalsEvidence E = collectApprovals(Options);
ApprovalsEvidence collectApprovals(const ApprovalsOptions &Options);

/// The full commit id checked out in \p SourceDir; throws Error
/// (tool.git.failed).
std::string currentCommit(const std::string &SourceDir);

/// True for 40 (SHA-1) or 64 (SHA-256) lower-case hex digits.
bool isFullCommitId(std::string_view Id);

/// evidence/approvals.json text, and back (throws Error naming \p File).
std::string approvalsToJson(const ApprovalsEvidence &E);
ApprovalsEvidence approvalsFromJson(std::string_view Text,
                                    const std::string &File);

} // namespace exitbar

#endif // EXITBAR_KINDS_APPROVALS_APPROVALS_H

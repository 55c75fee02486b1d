// Approvals.h - signed approvals of a release version and commit by a role
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_APPROVALS_H
#define EXITBAR_APPROVALS_H

#include <string>
#include <string_view>
#include <vector>

namespace exitbar {

class PrivateKey;
class PublicKey;

/// What an approver signs: this role approves this version at this commit.
struct ApprovalStatement {
  std::string Role;           ///< "release-manager", "security", ...
  std::string ReleaseVersion; ///< "1.4.0"
  std::string Commit;         ///< full git commit id
  std::string Approver;       ///< a name or e-mail, for people to read
  std::string Time;           ///< RFC 3339 UTC
  std::string Note;           ///< optional
};

/// An approval file's text (schema exitbar.approval): the statement, the
/// signing key's id and the signature over the statement's canonical JSON.
/// Example: writeFileAtomically(F, signApproval(S, Key));
std::string signApproval(const ApprovalStatement &S, const PrivateKey &Key);

/// One approval file, read and checked against the release.
struct ApprovalCheck {
  std::string File; ///< relative to the approvals folder
  ApprovalStatement Statement;
  std::string KeyId;
  /// "good", "invalid-signature", "untrusted-key", "other-version",
  /// "other-commit"
  std::string Status;
  std::string Detail; ///< why it does not count, or a note
};

/// evidence/approvals.json.
struct ApprovalsEvidence {
  std::string ReleaseVersion;
  std::string Commit;
  std::string ApprovalsDir;
  std::vector<std::string> RequiredRoles;
  std::vector<ApprovalCheck> Approvals; ///< sorted by file
  /// Required roles without a good approval of this version and commit.
  std::vector<std::string> MissingRoles;
};

/// What `collect approvals` needs.
struct ApprovalsOptions {
  std::string SourceDir;    ///< the git work tree of the release
  std::string ApprovalsDir; ///< folder of approval files (searched recursively)
  std::string ReleaseVersion;
  std::string Commit; ///< "" : `git rev-parse HEAD` in SourceDir
  std::vector<std::string> RequiredRoles;
  std::vector<PublicKey> TrustedKeys;
};

/// Reads and checks every `*.approval.json` under the approvals folder. An
/// approval of another commit still counts when the two commits differ only
/// in the approvals folder (committing the approval must not void it).
/// Throws Error naming the file and JSON pointer of a malformed approval.
/// Example: ApprovalsEvidence E = collectApprovals(Options);
ApprovalsEvidence collectApprovals(const ApprovalsOptions &Options);

/// The commit checked out in \p SourceDir; throws Error (tool.git.failed).
std::string currentCommit(const std::string &SourceDir);

/// evidence/approvals.json text, and back (throws Error naming \p File).
std::string approvalsToJson(const ApprovalsEvidence &E);
ApprovalsEvidence approvalsFromJson(std::string_view Text,
                                    const std::string &File);

} // namespace exitbar

#endif // EXITBAR_APPROVALS_H

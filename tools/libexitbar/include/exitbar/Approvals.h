// Approvals.h - signed approvals of a release version and commit by a role
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_APPROVALS_H
#define EXITBAR_APPROVALS_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exitbar {

class PrivateKey;
class PublicKey;
struct TrustedKey;

/// The DSSE payload type approvals are signed under: the signature covers
/// dssePae(ApprovalPayloadType, canonical statement), so no signature made
/// for an artifact or an attestation is ever an approval.
inline constexpr const char *ApprovalPayloadType =
    "application/vnd.exitbar.approval+json";

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
/// payload type, the signing key's id and the signature over the DSSE PAE
/// of the payload type and the statement's canonical JSON.
/// Example: writeFileAtomically(F, signApproval(S, Key));
std::string signApproval(const ApprovalStatement &S, const PrivateKey &Key);

/// One approval file, read and checked against the release.
struct ApprovalCheck {
  std::string File; ///< relative to the approvals folder
  ApprovalStatement Statement;
  std::string KeyId;
  /// "good", "invalid-signature", "untrusted-key", "wrong-role" (the key
  /// may not approve as this role), "key-reused" (the key already
  /// satisfies another required role), "other-version",
  /// "other-commit", "dirty-tree" (uncommitted or untracked changes),
  /// "foreign-file" (the approvals folder holds something else),
  /// "approvals-dir" (the approvals folder holds the sources)
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
  /// Required roles without a good approval of this version and commit
  /// (one key satisfies at most one role).
  std::vector<std::string> MissingRoles;
  /// Trust anchor locations inside the release's repository: whoever can
  /// commit can change them (the report warns).
  std::vector<std::string> TrustAnchorsInRepository;
};

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

/// Why no approval would count in this work tree right now (a dirty tree,
/// a foreign file in the approvals folder, an approvals folder holding the
/// sources), or "" when approvals can count. Throws Error
/// (tool.git.failed) outside a git work tree.
/// Example: if (auto Why = approvalBlocker(".", ".exitbar/approvals"); ...)
std::string approvalBlocker(const std::string &SourceDir,
                            const std::string &ApprovalsDir);

/// The full commit id checked out in \p SourceDir; throws Error
/// (tool.git.failed).
std::string currentCommit(const std::string &SourceDir);

/// The full commit id \p Revision (a commit id, branch, tag, HEAD~1, ...)
/// names in the repository of \p SourceDir, or nothing. The revision is
/// passed after --end-of-options, so it is never read as an option.
/// Example: resolveCommit(".", "HEAD") == "3f2c...40 hex digits"
std::optional<std::string> resolveCommit(const std::string &SourceDir,
                                         const std::string &Revision);

/// True for 40 (SHA-1) or 64 (SHA-256) lower-case hex digits.
bool isFullCommitId(std::string_view Id);

/// evidence/approvals.json text, and back (throws Error naming \p File).
std::string approvalsToJson(const ApprovalsEvidence &E);
ApprovalsEvidence approvalsFromJson(std::string_view Text,
                                    const std::string &File);

} // namespace exitbar

#endif // EXITBAR_APPROVALS_H

// Approvals.h - signed approvals of a release version and commit by a role
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_APPROVALS_H
#define EXITBAR_APPROVALS_H

#include <string>
#include <vector>

namespace exitbar {

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

} // namespace exitbar

#endif // EXITBAR_APPROVALS_H

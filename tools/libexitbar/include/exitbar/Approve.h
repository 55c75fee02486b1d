// Approve.h - what `exitbar approve` does: sign an approval, say why none
// would count, name a commit
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_APPROVE_H
#define EXITBAR_APPROVE_H

#include "exitbar/Approvals.h"
#include <optional>
#include <string>

namespace exitbar {

class PrivateKey;

/// An approval file's text (schema exitbar.approval): the statement, the
/// payload type, the signing key's id and the signature over the DSSE PAE
/// of the payload type and the statement's canonical JSON.
/// Example: writeFileAtomically(F, signApproval(S, Key));
std::string signApproval(const ApprovalStatement &S, const PrivateKey &Key);

/// Why no approval would count in this work tree right now (a dirty tree,
/// a foreign file in the approvals folder, an approvals folder holding the
/// sources), or "" when approvals can count. Throws Error
/// (tool.git.failed) outside a git work tree.
/// Example: if (auto Why = approvalBlocker(".", ".exitbar/approvals"); ...)
std::string approvalBlocker(const std::string &SourceDir,
                            const std::string &ApprovalsDir);

/// The full commit id \p Revision (a commit id, branch, tag, HEAD~1, ...)
/// names in the repository of \p SourceDir, or nothing. The revision is
/// passed after --end-of-options, so it is never read as an option.
/// Example: resolveCommit(".", "HEAD") == "3f2c...40 hex digits"
std::optional<std::string> resolveCommit(const std::string &SourceDir,
                                         const std::string &Revision);

} // namespace exitbar

#endif // EXITBAR_APPROVE_H

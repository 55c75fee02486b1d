// Audit.h - the tamper-evident log of gate runs
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_AUDIT_H
#define EXITBAR_AUDIT_H

#include "exitbar/Verdict.h"
#include <string>
#include <vector>

namespace exitbar {

/// Appends one JSON line for \p V to the audit log at \p Path. Each entry
/// carries its sequence number, the SHA-256 of the previous line (`prev`)
/// and of its own content (`hash`), so edits, removals and reorderings are
/// detectable. \p PolicyDigest identifies the policy applied.
/// Example: appendAuditEntry("build/exitbar/audit.jsonl", V, Digest);
void appendAuditEntry(const std::string &Path, const Verdict &V,
                      const std::string &PolicyDigest);

/// The result of checking an audit log.
struct AuditCheck {
  int Entries = 0;
  std::vector<std::string> Problems; ///< "line N: ..." each; empty if intact
  std::string Head; ///< hash of the last entry, to anchor elsewhere
};

/// Verifies the hash chain of the audit log text \p Text.
/// Example: auto R = verifyAuditLog(readFile(Path));
AuditCheck verifyAuditLog(const std::string &Text);

} // namespace exitbar

#endif // EXITBAR_AUDIT_H

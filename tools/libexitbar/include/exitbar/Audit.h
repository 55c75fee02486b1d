// Audit.h - the tamper-evident log of gate runs
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_AUDIT_H
#define EXITBAR_AUDIT_H

#include "exitbar/Verdict.h"
#include <optional>
#include <string>
#include <vector>

namespace exitbar {

/// An exclusive lock on an audit log (`<log>.lock`, flock), held by a gate
/// from reading the log to writing it back, so concurrent gates serialise
/// instead of forking the chain.
/// Example: AuditLogLock Lock("build/exitbar/audit-log.jsonl");
class AuditLogLock {
public:
  explicit AuditLogLock(const std::string &LogPath);
  ~AuditLogLock();
  AuditLogLock(const AuditLogLock &) = delete;
  AuditLogLock &operator=(const AuditLogLock &) = delete;

private:
  int Fd = -1;
};

/// The audit log with one more entry, not yet written.
struct AuditAppend {
  std::string Text; ///< the whole new log
  std::string Head; ///< SHA-256 of the new last line: the chain's head
  int Entries = 0;  ///< sequence number of the new entry
};

/// Reads the log at \p Path (absent: empty) and adds one JSON line for
/// \p V. Each entry carries its sequence number, the SHA-256 of the
/// previous line (`prev`) and of its own content (`hash`). Call it under an
/// AuditLogLock and write the result with commitAuditEntry.
/// Example: AuditAppend A = prepareAuditEntry(Path, V, PolicyDigest);
AuditAppend prepareAuditEntry(const std::string &Path, const Verdict &V,
                              const std::string &PolicyDigest);

/// Replaces the log at \p Path atomically with \p A.Text.
/// Example: commitAuditEntry(Path, A);
void commitAuditEntry(const std::string &Path, const AuditAppend &A);

/// Locks, prepares and commits one entry; returns it.
/// Example: appendAuditEntry("build/exitbar/audit-log.jsonl", V, Digest);
AuditAppend appendAuditEntry(const std::string &Path, const Verdict &V,
                             const std::string &PolicyDigest);

/// The result of checking an audit log.
struct AuditCheck {
  int Entries = 0;
  std::vector<std::string> Problems; ///< "line N: ..." each; empty if intact
  std::string Head; ///< hash of the last entry, to anchor elsewhere
};

/// What an audit log is checked against besides its own chain.
struct AuditVerifyOptions {
  std::string File; ///< named in input errors
  /// A head recorded elsewhere (a verdict, a signed attestation): the log
  /// must still contain that entry, unchanged, at \p ExpectedEntry when
  /// given. Truncating the log or rewriting the chain loses it.
  std::string ExpectedHead;
  std::optional<int> ExpectedEntry;
};

/// Verifies the hash chain of the audit log text \p Text. Throws Error
/// (input.audit.too-deep) for a line nested too deeply to be an entry.
/// Example: auto R = verifyAuditLog(readFile(Path), {Path, Head, 12});
AuditCheck verifyAuditLog(const std::string &Text,
                          const AuditVerifyOptions &Options = {});

} // namespace exitbar

#endif // EXITBAR_AUDIT_H

// AuditLog.cpp - the tamper-evident, hash-chained JSON-lines log of gate runs
// SPDX-License-Identifier: Apache-2.0
//
// Format: docs/evidence-schema/audit-log.md. One canonical JSON object per
// line; `prev` is the SHA-256 of the previous line's bytes (64 zeros for
// the first), `hash` the SHA-256 of the entry serialised without `hash`.
// A chain alone cannot show that its last entries were cut off or that the
// whole chain was rewritten; the head recorded in each verdict and its
// signed attestation can (verifyAuditLog's ExpectedHead).

#include "exitbar/Audit.h"
#include "exitbar/Digest.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sstream>
#include <sys/file.h>
#include <unistd.h>

using nlohmann::json;

namespace exitbar {
namespace {

const std::string Genesis(64, '0');

/// Entries are flat objects; anything nested deeper is not one, and deep
/// nesting would only exhaust the stack of the recursive JSON code.
constexpr int MaxEntryDepth = 16;

std::vector<std::string> splitLines(const std::string &Text) {
  std::vector<std::string> Lines;
  std::istringstream In(Text);
  std::string Line;
  while (std::getline(In, Line))
    if (!Line.empty())
      Lines.push_back(Line);
  return Lines;
}

/// The deepest bracket nesting of \p Text, outside strings.
int nestingDepth(const std::string &Text) {
  int Depth = 0, Deepest = 0;
  bool InString = false, Escaped = false;
  for (char C : Text) {
    if (InString) {
      if (Escaped)
        Escaped = false;
      else if (C == '\\')
        Escaped = true;
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"')
      InString = true;
    else if (C == '[' || C == '{')
      Deepest = std::max(Deepest, ++Depth);
    else if (C == ']' || C == '}')
      --Depth;
  }
  return Deepest;
}

std::string contentHash(json Entry) {
  Entry.erase("hash");
  return sha256Hex(Entry.dump());
}

} // namespace

AuditLogLock::AuditLogLock(const std::string &LogPath) {
  std::string LockPath = LogPath + ".lock";
  Fd =
      ::open(LockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (Fd < 0)
    throw Error("output.file.unwritable", LockPath, "",
                std::string("cannot lock the audit log: ") +
                    std::strerror(errno));
  while (::flock(Fd, LOCK_EX) != 0)
    if (errno != EINTR) {
      int Saved = errno;
      ::close(Fd);
      throw Error("output.file.unwritable", LockPath, "",
                  std::string("cannot lock the audit log: ") +
                      std::strerror(Saved));
    }
}

AuditLogLock::~AuditLogLock() {
  if (Fd >= 0)
    ::close(Fd); // releases the flock
}

AuditAppend prepareAuditEntry(const std::string &Path, const Verdict &V,
                              const std::string &PolicyDigest) {
  std::string Existing;
  std::error_code Ec;
  if (std::filesystem::exists(Path, Ec))
    Existing = readFile(Path);
  auto Lines = splitLines(Existing);
  json Entry{{"seq", static_cast<int>(Lines.size()) + 1},
             {"time", V.GeneratedAt},
             {"status", toString(V.Result)},
             {"release_version", V.ReleaseVersion},
             {"readiness_score", V.ReadinessScore},
             {"must_pass",
              std::to_string(V.MustPassed) + "/" + std::to_string(V.MustTotal)},
             {"should_pass", std::to_string(V.ShouldPassed) + "/" +
                                 std::to_string(V.ShouldTotal)},
             {"policy_sha256", PolicyDigest},
             {"prev", Lines.empty() ? Genesis : sha256Hex(Lines.back())}};
  for (const GateInput &I : V.Inputs)
    Entry["inputs"][I.Kind] = json{{"path", I.Path}, {"sha256", I.Sha256}};
  Entry["hash"] = contentHash(Entry);
  if (!Existing.empty() && Existing.back() != '\n')
    Existing += '\n';
  std::string Line = Entry.dump();
  return {Existing + Line + "\n", sha256Hex(Line),
          static_cast<int>(Lines.size()) + 1};
}

void commitAuditEntry(const std::string &Path, const AuditAppend &A) {
  // Rewritten whole through a temporary file: an interrupted run leaves the
  // old log, never half a line.
  writeFileAtomically(Path, A.Text);
}

AuditAppend appendAuditEntry(const std::string &Path, const Verdict &V,
                             const std::string &PolicyDigest) {
  AuditLogLock Lock(Path);
  AuditAppend A = prepareAuditEntry(Path, V, PolicyDigest);
  commitAuditEntry(Path, A);
  return A;
}

AuditCheck verifyAuditLog(const std::string &Text,
                          const AuditVerifyOptions &Options) {
  AuditCheck Result;
  auto Lines = splitLines(Text);
  std::string Prev = Genesis;
  int HeadAt = 0;
  for (size_t I = 0; I < Lines.size(); ++I) {
    std::string Where = "line " + std::to_string(I + 1) + ": ";
    if (nestingDepth(Lines[I]) > MaxEntryDepth)
      throw Error("input.audit.too-deep", Options.File, std::to_string(I + 1),
                  "nested more than " + std::to_string(MaxEntryDepth) +
                      " levels deep; not an audit entry");
    json Entry;
    try {
      Entry = json::parse(Lines[I]);
    } catch (const json::exception &) {
      Result.Problems.push_back(Where + "not a JSON object");
      Prev = sha256Hex(Lines[I]);
      continue;
    }
    if (!Entry.is_object() || !Entry.contains("hash") ||
        !Entry.contains("prev") || !Entry.contains("seq")) {
      Result.Problems.push_back(Where + "not an audit entry");
      Prev = sha256Hex(Lines[I]);
      continue;
    }
    if (Entry["seq"] != static_cast<int>(I) + 1)
      Result.Problems.push_back(
          Where + "sequence number " + Entry["seq"].dump() + ", expected " +
          std::to_string(I + 1) + " (an entry was removed or reordered)");
    if (Entry["prev"] != Prev)
      Result.Problems.push_back(
          Where + "does not chain to the previous entry (an entry before it "
                  "was edited, removed or reordered)");
    if (Entry["hash"] != contentHash(Entry))
      Result.Problems.push_back(Where + "its content does not match its hash "
                                        "(the entry was edited)");
    Prev = sha256Hex(Lines[I]);
    if (!Options.ExpectedHead.empty() && Prev == Options.ExpectedHead &&
        !HeadAt)
      HeadAt = static_cast<int>(I) + 1;
  }
  Result.Entries = static_cast<int>(Lines.size());
  Result.Head = Lines.empty() ? Genesis : Prev;
  if (!Options.ExpectedHead.empty()) {
    if (!HeadAt)
      Result.Problems.push_back(
          "head: the recorded head " + Options.ExpectedHead +
          " is not in the log (entries were removed from its end, or the "
          "chain was rewritten)");
    else if (Options.ExpectedEntry && *Options.ExpectedEntry != HeadAt)
      Result.Problems.push_back("head: the recorded head is entry " +
                                std::to_string(HeadAt) + ", expected entry " +
                                std::to_string(*Options.ExpectedEntry));
  }
  return Result;
}

} // namespace exitbar

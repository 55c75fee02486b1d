// AuditLog.cpp - the tamper-evident, hash-chained JSON-lines log of gate runs
// SPDX-License-Identifier: Apache-2.0
//
// Format: docs/evidence-schema/audit-log.md. One canonical JSON object per
// line; `prev` is the SHA-256 of the previous line's bytes (64 zeros for
// the first), `hash` the SHA-256 of the entry serialised without `hash`.

#include "exitbar/Audit.h"
#include "exitbar/Digest.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include <filesystem>
#include <sstream>

using nlohmann::json;

namespace exitbar {
namespace {

const std::string Genesis(64, '0');

std::vector<std::string> splitLines(const std::string &Text) {
  std::vector<std::string> Lines;
  std::istringstream In(Text);
  std::string Line;
  while (std::getline(In, Line))
    if (!Line.empty())
      Lines.push_back(Line);
  return Lines;
}

std::string contentHash(json Entry) {
  Entry.erase("hash");
  return sha256Hex(Entry.dump());
}

} // namespace

void appendAuditEntry(const std::string &Path, const Verdict &V,
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
             {"must_pass", std::to_string(V.MustPassed) + "/" +
                               std::to_string(V.MustTotal)},
             {"should_pass", std::to_string(V.ShouldPassed) + "/" +
                                 std::to_string(V.ShouldTotal)},
             {"policy_sha256", PolicyDigest},
             {"prev", Lines.empty() ? Genesis : sha256Hex(Lines.back())}};
  Entry["hash"] = contentHash(Entry);
  if (!Existing.empty() && Existing.back() != '\n')
    Existing += '\n';
  // Rewritten whole through a temporary file: an interrupted run leaves the
  // old log, never half a line.
  writeFileAtomically(Path, Existing + Entry.dump() + "\n");
}

AuditCheck verifyAuditLog(const std::string &Text) {
  AuditCheck Result;
  auto Lines = splitLines(Text);
  std::string Prev = Genesis;
  for (size_t I = 0; I < Lines.size(); ++I) {
    std::string Where = "line " + std::to_string(I + 1) + ": ";
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
      Result.Problems.push_back(Where + "sequence number " +
                                Entry["seq"].dump() + ", expected " +
                                std::to_string(I + 1) +
                                " (an entry was removed or reordered)");
    if (Entry["prev"] != Prev)
      Result.Problems.push_back(
          Where + "does not chain to the previous entry (an entry before it "
                  "was edited, removed or reordered)");
    if (Entry["hash"] != contentHash(Entry))
      Result.Problems.push_back(Where + "its content does not match its hash "
                                        "(the entry was edited)");
    Prev = sha256Hex(Lines[I]);
  }
  Result.Entries = static_cast<int>(Lines.size());
  Result.Head = Lines.empty() ? Genesis : Prev;
  return Result;
}

} // namespace exitbar

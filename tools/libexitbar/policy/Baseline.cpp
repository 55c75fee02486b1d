// Baseline.cpp - baseline and waiver files: accepted findings and accepted
// failures
// SPDX-License-Identifier: Apache-2.0
//
// Schemas: docs/evidence-schema/baseline.md and
// docs/evidence-schema/waivers.md.

#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Verdict.h"
#include <algorithm>
#include <ctime>

using nlohmann::json;

namespace exitbar {

bool Baseline::contains(const std::string &Fingerprint) const {
  return std::binary_search(Fingerprints.begin(), Fingerprints.end(),
                            Fingerprint);
}

Baseline parseBaseline(std::string_view Text, const std::string &File) {
  json J = parseJsonText(Text, File);
  if (!memberIs(J, "schema", "exitbar.baseline"))
    throw Error("input.baseline.schema", File, "/schema",
                "expected \"exitbar.baseline\"");
  auto It = J.find("findings");
  if (It == J.end() || !It->is_array())
    throw Error("input.baseline.invalid", File, "/findings",
                "must be an array");
  Baseline B;
  for (size_t I = 0; I < It->size(); ++I) {
    const json &Entry = (*It)[I];
    if (!Entry.is_object() || !Entry.contains("fingerprint") ||
        !Entry["fingerprint"].is_string())
      throw Error("input.baseline.invalid", File,
                  "/findings/" + std::to_string(I),
                  "needs a string 'fingerprint'");
    B.Fingerprints.push_back(Entry["fingerprint"].get<std::string>());
  }
  std::sort(B.Fingerprints.begin(), B.Fingerprints.end());
  return B;
}

std::string baselineToJson(const FindingsEvidence &E) {
  json Findings = json::array();
  // Check, file and message make the file reviewable; only the fingerprint
  // is matched, so the entries survive line moves.
  for (const Finding &F : E.Findings)
    Findings.push_back(json{{"fingerprint", F.Fingerprint},
                            {"check", F.Check},
                            {"file", F.File},
                            {"message", F.Message}});
  return dumpCanonical(json{{"schema", "exitbar.baseline"},
                            {"schema_version", EvidenceSchemaVersion},
                            {"findings", Findings}});
}

/// Seconds since the epoch at the end of day \p Date (YYYY-MM-DD), or -1.
static long long endOfDay(const std::string &Date) {
  std::tm Tm{};
  if (Date.size() != 10 || !strptime(Date.c_str(), "%Y-%m-%d", &Tm))
    return -1;
  int Month = Tm.tm_mon, Day = Tm.tm_mday;
  long long Start = timegm(&Tm);
  // strptime accepts 2025-02-30; timegm normalises it to March: reject that.
  if (Tm.tm_mon != Month || Tm.tm_mday != Day)
    return -1;
  return Start + 24 * 60 * 60;
}

std::vector<Waiver> parseWaivers(std::string_view Text,
                                 const std::string &File) {
  json J = parseJsonText(Text, File);
  if (!memberIs(J, "schema", "exitbar.waivers"))
    throw Error("input.waivers.schema", File, "/schema",
                "expected \"exitbar.waivers\"");
  // A member ExitBar does not know (a typo of "expires", a "scope" it
  // ignores) must not change what a waiver accepts silently.
  for (const auto &Item : J.items())
    if (Item.key() != "schema" && Item.key() != "schema_version" &&
        Item.key() != "waivers")
      throw Error("input.waivers.invalid", File, "/" + Item.key(),
                  "unknown member '" + Item.key() + "'");
  auto It = J.find("waivers");
  if (It == J.end() || !It->is_array())
    throw Error("input.waivers.invalid", File, "/waivers", "must be an array");
  std::vector<Waiver> Waivers;
  for (size_t I = 0; I < It->size(); ++I) {
    const json &Entry = (*It)[I];
    std::string Pointer = "/waivers/" + std::to_string(I);
    if (!Entry.is_object())
      throw Error("input.waivers.invalid", File, Pointer, "must be an object");
    for (const auto &Item : Entry.items())
      if (Item.key() != "finding" && Item.key() != "criterion" &&
          Item.key() != "owner" && Item.key() != "reason" &&
          Item.key() != "expires")
        throw Error("input.waivers.invalid", File, Pointer + "/" + Item.key(),
                    "unknown member '" + Item.key() + "'");
    auto Text = [&](const char *Key, bool Required) {
      auto Member = Entry.find(Key);
      if (Member == Entry.end() || !Member->is_string() ||
          Member->get<std::string>().empty()) {
        if (Required || Member != Entry.end())
          throw Error("input.waivers.invalid", File, Pointer + "/" + Key,
                      "must be a non-empty string");
        return std::string();
      }
      return Member->get<std::string>();
    };
    Waiver W;
    W.Finding = Text("finding", false);
    W.Criterion = Text("criterion", false);
    if (W.Finding.empty() == W.Criterion.empty())
      throw Error("input.waivers.invalid", File, Pointer,
                  "give exactly one of 'finding' (a fingerprint) and "
                  "'criterion' (an id)");
    W.Owner = Text("owner", true);
    W.Reason = Text("reason", true);
    W.Expires = Text("expires", true);
    W.ExpiresAt = endOfDay(W.Expires);
    if (W.ExpiresAt < 0)
      throw Error("input.waivers.invalid", File, Pointer + "/expires",
                  "'" + W.Expires + "' is not a date YYYY-MM-DD");
    Waivers.push_back(std::move(W));
  }
  return Waivers;
}

void checkWaiverLifetimes(const std::vector<Waiver> &Waivers, int MaxDays,
                          long long Now, const std::string &File) {
  // The limit counts from today by the real clock, so a waiver cannot be
  // made endless by a far date, nor by a SOURCE_DATE_EPOCH in the past.
  constexpr long long Day = 24 * 60 * 60;
  long long Today = Now - Now % Day;
  long long Limit = Today + (static_cast<long long>(MaxDays) + 1) * Day;
  for (size_t I = 0; I < Waivers.size(); ++I)
    if (Waivers[I].ExpiresAt > Limit)
      throw Error("input.waivers.too-long", File,
                  "/waivers/" + std::to_string(I) + "/expires",
                  "'" + Waivers[I].Expires + "' is more than " +
                      std::to_string(MaxDays) +
                      " days from today; the policy's waivers.max_days "
                      "bounds a waiver's lifetime");
}

} // namespace exitbar

// Verdict.h - the outcome of applying a policy to evidence
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_VERDICT_H
#define EXITBAR_VERDICT_H

#include "exitbar/Evidence.h"
#include "exitbar/Policy.h"
#include <any>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace exitbar {

/// GO: every criterion passes; CONDITIONAL: only should-pass criteria fail;
/// NO_GO: a must-pass criterion fails.
enum class Status { Go, Conditional, NoGo };
std::string_view toString(Status S); ///< "GO", "CONDITIONAL", "NO_GO"
inline std::string_view format_as(Status S) { return toString(S); }

/// A team's acceptance of a finding or of a failing criterion, with an
/// owner, a reason and an expiry date; expired waivers stop counting.
struct Waiver {
  std::string Finding;   ///< a finding fingerprint, or empty
  std::string Criterion; ///< a criterion id, or empty
  std::string Owner;
  std::string Reason;
  std::string Expires;     ///< YYYY-MM-DD, inclusive
  long long ExpiresAt = 0; ///< seconds since the epoch of the day after
};

/// Findings accepted as they are today (`exitbar baseline update`), by
/// fingerprint; with a baseline, findings criteria count only new findings.
struct Baseline {
  std::vector<std::string> Fingerprints; ///< sorted
  bool contains(const std::string &Fingerprint) const;
};

/// What the gate made of one finding.
enum class FindingState { New, Baselined, Waived };
std::string_view toString(FindingState S);

/// A finding with its state, as the reports show it.
struct FindingResult {
  Finding Item;
  FindingState State = FindingState::New;
  std::string Note; ///< the waiver behind a Waived finding
};

/// One cell of a report section's table; Class marks it for the HTML
/// report ("fail": shown as a failure, "waived": as a warning).
struct ReportCell {
  std::string Text;
  std::string Class;
};

/// One row of a report section's table with headings; Key, when set, is
/// the row's data-<RowKey> attribute in the HTML report (for scripts).
struct ReportRow {
  std::string Key;
  std::vector<ReportCell> Cells;
};

/// A registered evidence kind's part of the Markdown and HTML reports: a
/// title, an introduction, rows of name and value or a table with
/// headings, and a note (how it was measured).
struct ReportSection {
  std::string Id;    ///< an HTML id, "energy"
  std::string Title; ///< "Energy and CO2e"
  std::string Intro; ///< a paragraph before the table, or nothing
  /// Name and value, one pair per row (no headings).
  std::vector<std::pair<std::string, std::string>> Rows;
  /// Or a table: its headings and rows (no table when there is no row).
  std::vector<std::string> Columns;
  std::vector<ReportRow> Table;
  std::string RowKey; ///< "vulnerability": <tr data-vulnerability="...">
  std::string Note;
};

/// One evaluated criterion.
struct CriterionResult {
  Criterion Rule;
  std::optional<double> Actual; ///< nothing: no evidence for the metric
  bool Passed = false;
  std::string Evidence; ///< the evidence file the value came from
  std::string Detail;   ///< why it failed, or a summary when it passed
  /// The items behind a failure (e.g. the findings), one line each.
  std::vector<std::string> Items;
  bool Waived = false; ///< failed, but an unexpired waiver accepts it
  /// Its evidence is optional and was not collected (e.g. no vulnerability
  /// database configured): not counted in must/should totals or scores.
  bool NotApplicable = false;
};

/// A file the gate read besides the policy and the evidence (the waivers,
/// the baseline): it can turn failures into passes, so its digest is
/// recorded in the verdict, its attestation and the audit log.
struct GateInput {
  std::string Kind;   ///< "waivers" or "baseline"
  std::string Path;   ///< as given on the command line
  std::string Sha256; ///< of the bytes read
};

/// The score and counts of one category.
struct CategoryResult {
  std::string Name;
  double Weight = 1;
  std::optional<double> Score; ///< 0-100; nothing when it has no criteria
  int Passed = 0;
  int Total = 0;
};

/// The whole verdict (verdict.json).
struct Verdict {
  Status Result = Status::NoGo;
  std::string ReleaseVersion;
  double ReadinessScore = 0;
  int MustPassed = 0, MustTotal = 0;
  int ShouldPassed = 0, ShouldTotal = 0;
  std::vector<CategoryResult> Categories;
  std::vector<CriterionResult> Criteria;
  std::string GeneratedAt; ///< RFC 3339, from SOURCE_DATE_EPOCH when set
  std::vector<FindingResult> Findings; ///< every finding with its state
  /// Code under `#ifndef __clang__` and the like that no check analysed.
  std::vector<UnanalysedRegion> UnanalysedRegions;
  bool HasBaseline = false;
  /// Waivers that no longer count, one line each for the report.
  std::vector<std::string> ExpiredWaivers;
  /// The audit log's head once this verdict's entry is in it (SHA-256 of
  /// that line) and the entry's number; empty when no log was written.
  /// Recorded in the verdict and its attestation, it shows a log cut short
  /// or rewritten later (`exitbar audit verify --verdict`).
  std::string AuditLogHead;
  int AuditLogEntry = 0;
  /// Evidence files left out as stale: "coverage.json: <why>".
  std::vector<std::string> StaleEvidence;
  /// Why the verdict deserves less trust than it claims (trust anchors
  /// inside the gated repository), one line each for the reports.
  std::vector<std::string> Warnings;
  /// NOLINT suppressions of exitbar-* checks, "file:line: text", with
  /// " (blanket)" for those no-blanket-suppressions counts.
  std::vector<std::string> Suppressions;
  /// The waivers and baseline files applied, by kind; empty without them.
  std::vector<GateInput> Inputs;
  /// The registered evidence kinds' report sections.
  std::vector<ReportSection> Sections;
};

/// Everything the gate may read, one optional member per evidence kind.
struct EvidenceSet {
  /// Evidence files present but not produced by this run, by file name
  /// ("coverage.json"), with why; their members stay empty and every
  /// criterion that needs them fails (never "not applicable").
  std::map<std::string, std::string> Stale;
  /// The evidence of each registered kind (EvidenceKinds.h), by kind name.
  std::map<std::string, std::any> Kinds;
  /// Kind \p Name's evidence as T, or null when it was not collected.
  /// Example: const EnergyEvidence *E = Set.kind<EnergyEvidence>("energy");
  template <typename T> const T *kind(const std::string &Name) const {
    auto It = Kinds.find(Name);
    return It == Kinds.end() ? nullptr : std::any_cast<T>(&It->second);
  }
};

/// Reads every evidence file present in \p EvidenceDir; a missing file leaves
/// its member empty, a malformed one throws Error naming it. With a
/// non-empty \p RunId, a file whose `run` is another (or none) is stale:
/// listed in EvidenceSet::Stale and not read.
/// Example: EvidenceSet E = loadEvidence("build/exitbar/evidence", RunId);
EvidenceSet loadEvidence(const std::string &EvidenceDir,
                         const std::string &RunId = "");

/// What the gate needs besides the policy and the evidence.
struct GateOptions {
  std::string ReleaseVersion;
  /// Seconds since the epoch by the real clock (Env::clock()): decides
  /// waiver expiry.
  long long Now = 0;
  std::optional<Baseline> Accepted;
  std::vector<Waiver> Waivers;
  /// The verdict's generated_at (Env::now(), which follows
  /// SOURCE_DATE_EPOCH); Now when unset.
  std::optional<long long> OutputTime;
};

/// Applies \p P to \p E.
/// Example: Verdict V = evaluate(defaultPolicy(), Evidence, {"1.0", Now});
Verdict evaluate(const Policy &P, const EvidenceSet &E,
                 const GateOptions &Options);

/// Parses a baseline file (schema exitbar.baseline); throws Error.
Baseline parseBaseline(std::string_view Text, const std::string &File);
/// A baseline of every finding in \p E, as canonical JSON text.
std::string baselineToJson(const FindingsEvidence &E);

/// Parses a waiver file (schema exitbar.waivers); throws Error with the JSON
/// pointer of a waiver that lacks an owner, reason or valid expiry date.
std::vector<Waiver> parseWaivers(std::string_view Text,
                                 const std::string &File);

/// Throws Error (input.waivers.too-long) naming the JSON pointer of the
/// first waiver of \p File that expires more than \p MaxDays days after
/// today by \p Now (the real clock, Env::clock()).
/// Example: checkWaiverLifetimes(Waivers, P.WaiverMaxDays, Now, File);
void checkWaiverLifetimes(const std::vector<Waiver> &Waivers, int MaxDays,
                          long long Now, const std::string &File);

} // namespace exitbar

#endif // EXITBAR_VERDICT_H

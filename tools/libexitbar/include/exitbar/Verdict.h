// Verdict.h - the outcome of applying a policy to evidence
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_VERDICT_H
#define EXITBAR_VERDICT_H

#include "exitbar/Evidence.h"
#include "exitbar/Policy.h"
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

/// One evaluated criterion.
struct CriterionResult {
  Criterion Rule;
  std::optional<double> Actual; ///< nothing: no evidence for the metric
  bool Passed = false;
  std::string Evidence; ///< the evidence file the value came from
  std::string Detail;   ///< why it failed, or a summary when it passed
  /// The items behind a failure (e.g. the findings), one line each.
  std::vector<std::string> Items;
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
};

/// Everything the gate may read, one optional member per evidence kind.
struct EvidenceSet {
  std::optional<FindingsEvidence> Findings;
};

/// Reads every evidence file present in \p EvidenceDir; a missing file leaves
/// its member empty, a malformed one throws Error naming it.
EvidenceSet loadEvidence(const std::string &EvidenceDir);

/// Applies \p P to \p E.
/// Example: Verdict V = evaluate(defaultPolicy(), Evidence, "1.0", Env);
Verdict evaluate(const Policy &P, const EvidenceSet &E,
                 const std::string &ReleaseVersion, long long Now);

} // namespace exitbar

#endif // EXITBAR_VERDICT_H

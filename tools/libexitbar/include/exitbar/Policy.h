// Policy.h - the exit bar: categories, criteria and their thresholds
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_POLICY_H
#define EXITBAR_POLICY_H

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace exitbar {

/// Whether a failing criterion blocks the release (must) or only lowers the
/// verdict to CONDITIONAL (should).
enum class Level { Must, Should };
std::string_view toString(Level L);
inline std::string_view format_as(Level L) { return toString(L); }

/// How a criterion compares the measured value with its threshold.
enum class Comparison { Less, LessEqual, Equal, GreaterEqual, Greater };
std::string_view toString(Comparison C);
inline std::string_view format_as(Comparison C) { return toString(C); }
/// True when `Actual <op> Threshold` holds.
bool compare(double Actual, Comparison C, double Threshold);

/// One line of the exit bar.
struct Criterion {
  std::string Id;       ///< e.g. "no-critical-findings"
  std::string Category; ///< e.g. "security"
  Level Required = Level::Must;
  std::string Metric; ///< e.g. "findings.severity.critical"
  Comparison Op = Comparison::LessEqual;
  double Threshold = 0;
  double Weight = 1;
  std::string Description;
};

/// A scored group of criteria.
struct Category {
  std::string Name;
  double Weight = 1;
};

/// A whole policy file.
struct Policy {
  std::string ReleaseVersion; ///< empty: taken from the gate's arguments
  std::vector<Category> Categories;
  std::vector<Criterion> Criteria;
  /// The members registered evidence kinds own ("signing", "energy"), as
  /// written; each kind reads and checks its own (EvidenceKinds.h).
  std::map<std::string, nlohmann::json> KindSections;
  /// "waivers": {"max_days": N}: the longest a waiver may run, counted from
  /// the real clock at the gate; a waiver expiring later is an input error.
  int WaiverMaxDays = 90;
};

/// The policy ExitBar applies when a project names none: the audits' exit bar.
Policy defaultPolicy();

/// Parses a policy (JSON, comments allowed) and validates it; throws Error
/// with the JSON pointer of the first problem.
/// Example: Policy P = parsePolicy(Text, "exitbar-policy.json");
Policy parsePolicy(std::string_view Text, const std::string &FileName);

/// Every problem of a policy, one "file:/pointer: message" line each; empty
/// when the policy is valid.
std::vector<std::string> checkPolicy(std::string_view Text,
                                     const std::string &FileName);

/// The policy as JSON text (what `exitbar policy init` writes).
std::string policyToJson(const Policy &P);

/// True when \p Metric names something the evidence model can measure:
/// `findings.check.<name>` only for a catalogued exitbar-* check or another
/// clang-tidy check name, `findings.cwe.<id>` only for `CWE-<n>`.
/// Example: isKnownMetric("findings.cwe.CWE-120") &&
/// !isKnownMetric("findings.cwe.cwe-120")
bool isKnownMetric(std::string_view Metric);

} // namespace exitbar

#endif // EXITBAR_POLICY_H

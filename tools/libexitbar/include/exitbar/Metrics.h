// Metrics.h - the table of metrics a policy criterion can name
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_METRICS_H
#define EXITBAR_METRICS_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exitbar {

struct EvidenceSet;
struct FindingResult;

/// The value of one metric and where it came from.
struct Measurement {
  Measurement() = default;
  // Not an aggregate, so that {value, evidence, items} leaves NoData empty
  // without -Wmissing-field-initializers.
  Measurement(std::optional<double> Value, std::string Evidence,
              std::vector<std::string> Items)
      : Value(Value), Evidence(std::move(Evidence)), Items(std::move(Items)) {}
  std::optional<double> Value;
  std::string Evidence;
  std::vector<std::string> Items;
  /// Why the evidence exists but measures nothing (no value, so the
  /// criterion fails closed), e.g. "no test was executed".
  std::string NoData;
};

/// What a metric is measured from.
struct MetricInput {
  const std::string &Metric; ///< the full name, "findings.severity.high"
  const EvidenceSet &Evidence;
  /// Every finding with its state (new, baselined, waived).
  const std::vector<FindingResult> &Findings;
};

/// One row of the metric table: a metric, or a family of metrics
/// ("findings.severity.<level>") when Accepts is set.
struct MetricDef {
  /// The name, or the family's prefix ending in '.'.
  const char *Name;
  /// The evidence file it is measured from ("coverage.json").
  const char *Evidence;
  /// How it is measured, for docs/policy.md and `exitbar policy check`.
  const char *Measured;
  /// Measures it; no value (with NoData or not) fails the criterion.
  Measurement (*Measure)(const MetricInput &In);
  /// Why a criterion on it does not apply to this evidence, "" when it
  /// does; null: it always applies (missing evidence fails, never skips).
  std::string (*NotApplicable)(const std::string &Metric,
                               const EvidenceSet &E) = nullptr;
  /// For a family: whether the part after the prefix names a member.
  bool (*Accepts)(std::string_view Suffix) = nullptr;
};

/// Every metric: the built-in kinds' and the registered kinds'.
const std::vector<MetricDef> &metricTable();

/// The row measuring \p Metric, or null for an unknown metric.
/// Example: findMetric("coverage.line")->Evidence == "coverage.json"
const MetricDef *findMetric(std::string_view Metric);

/// At most this many items are listed behind a failing criterion.
inline constexpr size_t MaxItems = 50;

} // namespace exitbar

#endif // EXITBAR_METRICS_H

// Metrics.cpp - the metric table: every metric a criterion can name, the
// evidence it is measured from, how, and when it does not apply
// SPDX-License-Identifier: Apache-2.0
//
// One row per metric replaces the if-chain of measure() and the second list
// of the same names in Policy.cpp: a metric exists when it has a row here.

#include "exitbar/Metrics.h"
#include "exitbar/EvidenceKinds.h"
#include "exitbar/Findings.h"
#include "exitbar/Verdict.h"
#include "support/Strings.h"
#include <algorithm>
#include <functional>
#include <regex>

namespace exitbar {

const std::vector<MetricDef> &metricTable() {
  static const std::vector<MetricDef> Table = [] {
    std::vector<MetricDef> T;
    for (const EvidenceKind *K : evidenceKinds())
      T.insert(T.end(), K->Metrics.begin(), K->Metrics.end());
    return T;
  }();
  return Table;
}

const MetricDef *findMetric(std::string_view Metric) {
  for (const MetricDef &D : metricTable()) {
    std::string_view Name = D.Name;
    if (!D.Accepts ? Metric == Name
                   : Metric.size() > Name.size() &&
                         Metric.substr(0, Name.size()) == Name &&
                         D.Accepts(Metric.substr(Name.size())))
      return &D;
  }
  return nullptr;
}

} // namespace exitbar

// Write.cpp - GitLab Code Quality report (CodeClimate JSON) of the findings
// SPDX-License-Identifier: Apache-2.0
//
// Format: GitLab's "Code Quality report format" (a subset of the
// CodeClimate engine spec, https://github.com/codeclimate/platform/blob/
// master/spec/analyzers/SPEC.md#data-types): an array of issues, each with
// description, check_name, fingerprint, severity and location.path /
// location.lines.begin; what the merge-request widget reads.

#include "exitbar/Reports.h"
#include <algorithm>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace exitbar {
namespace {

/// CodeClimate's five severities; GitLab sorts and colours by them.
const char *codeClimateSeverity(Severity S) {
  switch (S) {
  case Severity::Critical:
    return "blocker";
  case Severity::High:
    return "critical";
  case Severity::Medium:
    return "major";
  case Severity::Low:
    return "minor";
  }
  return "info";
}

} // namespace

void writeCodeQuality(const Verdict &V, std::ostream &Out) {
  json Issues = json::array();
  for (const FindingResult &F : V.Findings) {
    // A waived finding is accepted: the widget would show it as new work.
    if (F.State == FindingState::Waived)
      continue;
    const Finding &I = F.Item;
    // {"type": "issue", "check_name", "description", "categories",
    //  "severity", "fingerprint", "location": {"path", "lines": {"begin"}}}
    Issues.push_back(json{
        {"type", "issue"},
        {"check_name", I.Check},
        {"description", I.Message},
        {"categories", json::array({"Security"})},
        {"severity", codeClimateSeverity(I.Level)},
        // The finding's fingerprint has no line number, so GitLab
        // keeps recognising the issue when lines above it move.
        {"fingerprint", I.Fingerprint},
        {"location",
         {{"path", I.File}, {"lines", {{"begin", std::max(I.Line, 1)}}}}}});
  }
  Out << Issues.dump(2) << "\n";
}

} // namespace exitbar

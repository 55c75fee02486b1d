// Write.cpp - GitLab SAST security report (gl-sast-report.json) of the findings
// SPDX-License-Identifier: Apache-2.0
//
// Format: GitLab's security report schema, SAST report, version 15.0.7
// (https://gitlab.com/gitlab-org/security-products/security-report-schemas,
// dist/sast-report-format.json) and its documentation ("Security scanner
// integration"): a scan with analyzer and scanner, and vulnerabilities whose
// location has file and start_line and whose first identifier is the
// primary one GitLab tracks a vulnerability by.

#include "exitbar/Reports.h"
#include "report/CheckDocs.h"
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace exitbar {
namespace {

const char *gitLabSeverity(Severity S) {
  switch (S) {
  case Severity::Critical:
    return "Critical";
  case Severity::High:
    return "High";
  case Severity::Medium:
    return "Medium";
  case Severity::Low:
    return "Low";
  }
  return "Unknown";
}

/// "2026-01-02T03:04:05Z" -> "2026-01-02T03:04:05": the schema's time
/// pattern has neither a zone nor fractions of a second.
std::string gitLabTime(const std::string &Rfc3339) {
  std::string T = Rfc3339.substr(0, 19);
  return T.size() == 19 ? T : "1970-01-01T00:00:00";
}

/// The summary sentence of a check's documentation, or its id.
std::string checkName(const std::string &Check) {
  const auto &Docs = checkDocs();
  auto Doc = Docs.find(Check);
  if (Doc == Docs.end())
    return Check;
  const std::string &Summary = Doc->second.Summary;
  std::string Short = Summary.substr(0, Summary.find(". ") + 1);
  return Short.empty() || Short.size() > Summary.size() ? Summary : Short;
}

/// A UUID-shaped id from the fingerprint, so the same finding keeps its id
/// from one pipeline to the next (GitLab recommends a UUID).
std::string vulnerabilityId(const Finding &I) {
  std::string Hex;
  for (char C : I.Fingerprint + I.File + std::to_string(I.Line))
    if (std::isxdigit(static_cast<unsigned char>(C)))
      Hex += static_cast<char>(std::tolower(static_cast<unsigned char>(C)));
  // Stretch short fingerprints with a hash of the whole finding.
  std::size_t H = std::hash<std::string>{}(I.Check + I.File + I.Fingerprint +
                                           std::to_string(I.Line));
  char Buffer[17];
  std::snprintf(Buffer, sizeof Buffer, "%016zx", H);
  Hex = (Hex + Buffer + Buffer).substr(0, 32);
  return Hex.substr(0, 8) + "-" + Hex.substr(8, 4) + "-" + Hex.substr(12, 4) +
         "-" + Hex.substr(16, 4) + "-" + Hex.substr(20, 12);
}

} // namespace

void writeGitLabSast(const Verdict &V, std::ostream &Out,
                     const ReportOptions &Options) {
  json Tool{{"id", "exitbar"},
            {"name", "ExitBar"},
            {"url", "https://github.com/exitbar/exitbar"},
            {"vendor", {{"name", "ExitBar"}}},
            {"version", Options.ToolVersion}};
  std::string Time = gitLabTime(V.GeneratedAt);
  json Vulnerabilities = json::array();
  for (const FindingResult &F : V.Findings) {
    if (F.State == FindingState::Waived)
      continue;
    const Finding &I = F.Item;
    // The check is the primary identifier (how GitLab tracks and merges
    // vulnerabilities); CWE ids follow for display.
    json Identifiers = json::array({json{
        {"type", "exitbar_check"}, {"name", I.Check}, {"value", I.Check}}});
    for (const std::string &Cwe : I.Cwe) {
      std::string Number = Cwe.rfind("CWE-", 0) == 0 ? Cwe.substr(4) : Cwe;
      Identifiers.push_back(
          json{{"type", "cwe"},
               {"name", Cwe},
               {"value", Number},
               {"url",
                "https://cwe.mitre.org/data/definitions/" + Number + ".html"}});
    }
    int Line = std::max(I.Line, 1);
    Vulnerabilities.push_back(
        json{{"id", vulnerabilityId(I)},
             {"name", checkName(I.Check)},
             {"description", I.Message},
             {"severity", gitLabSeverity(I.Level)},
             {"location",
              {{"file", I.File}, {"start_line", Line}, {"end_line", Line}}},
             {"identifiers", Identifiers}});
  }
  json Report{{"version", "15.0.7"},
              {"schema", "https://gitlab.com/gitlab-org/security-products/"
                         "security-report-schemas/-/raw/v15.0.7/dist/"
                         "sast-report-format.json"},
              {"scan",
               {{"analyzer", Tool},
                {"scanner", Tool},
                {"type", "sast"},
                {"start_time", Time},
                {"end_time", Time},
                {"status", "success"}}},
              {"vulnerabilities", Vulnerabilities}};
  Out << Report.dump(2) << "\n";
}

} // namespace exitbar

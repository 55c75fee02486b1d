// Write.cpp - SARIF 2.1.0 writer of findings, shaped for GitHub code scanning
// SPDX-License-Identifier: Apache-2.0
//
// Spec: OASIS SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/),
// plus GitHub's conventions: `security-severity` and `tags` rule properties,
// `partialFingerprints.primaryLocationLineHash`, repository-relative URIs
// under `originalUriBaseIds.%SRCROOT%`.

#include "exitbar/Findings.h"
#include "exitbar/Reports.h"
#include "report/CheckDocs.h"
#include <algorithm>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace exitbar {
namespace {

/// GitHub maps security-severity to critical (>= 9), high (>= 7),
/// medium (>= 4) and low.
const char *securitySeverity(Severity S) {
  switch (S) {
  case Severity::Critical:
    return "9.5";
  case Severity::High:
    return "8.0";
  case Severity::Medium:
    return "5.5";
  case Severity::Low:
    return "3.0";
  }
  return "3.0";
}

const char *sarifLevel(Severity S) {
  return S == Severity::Critical || S == Severity::High ? "error"
         : S == Severity::Medium                        ? "warning"
                                                        : "note";
}

/// "CWE-120" -> "external/cwe/cwe-120", the tag GitHub shows as a CWE link.
std::string cweTag(std::string Cwe) {
  std::transform(Cwe.begin(), Cwe.end(), Cwe.begin(),
                 [](unsigned char C) { return std::tolower(C); });
  return "external/cwe/" + Cwe;
}

/// "exitbar-unsafe-function" -> "UnsafeFunction": SARIF wants a readable
/// name that differs from the opaque id.
std::string ruleName(const std::string &Check) {
  std::string Name;
  bool Upper = true;
  for (char C : Check.substr(Check.rfind("exitbar-", 0) == 0 ? 8 : 0)) {
    if (C == '-' || C == '.' || C == '_') {
      Upper = true;
      continue;
    }
    Name += Upper
                ? static_cast<char>(std::toupper(static_cast<unsigned char>(C)))
                : C;
    Upper = false;
  }
  return Name;
}

json rule(const std::string &Check, const FindingResult *Example) {
  const auto &Docs = checkDocs();
  auto Doc = Docs.find(Check);
  std::string Summary =
      Doc != Docs.end() ? Doc->second.Summary : "Diagnostic of " + Check;
  std::string Help = Doc != Docs.end() ? Doc->second.Markdown : Summary;
  CheckInfo Info = classifyFinding(Check, Example ? Example->Item.Message : "");
  json Tags = json::array({"security"});
  for (const std::string &Cwe : Info.Cwe)
    Tags.push_back(cweTag(Cwe));
  // short: the summary's first sentence; full: the whole summary.
  std::string Short = Summary.substr(0, Summary.find(". ") + 1);
  if (Short.empty() || Short.size() > Summary.size())
    Short = Summary;
  return json{{"id", Check},
              {"name", ruleName(Check)},
              {"shortDescription", {{"text", Short}}},
              {"fullDescription", {{"text", Summary}}},
              {"help", {{"text", Help}, {"markdown", Help}}},
              {"defaultConfiguration", {{"level", sarifLevel(Info.Level)}}},
              {"properties",
               {{"tags", Tags},
                {"precision", "high"},
                {"security-severity", securitySeverity(Info.Level)}}}};
}

json physicalLocation(const std::string &File, int Line, int Column) {
  return {{"artifactLocation", {{"uri", File}, {"uriBaseId", "%SRCROOT%"}}},
          {"region",
           {{"startLine", std::max(Line, 1)},
            {"startColumn", std::max(Column, 1)}}}};
}

/// The way the data went, as one thread flow: each step of the finding's
/// path, then the finding itself, where it ends (GitHub code scanning and
/// VS Code's SARIF viewer show it as "paths").
json codeFlows(const Finding &I) {
  json Steps = json::array();
  for (const PathStep &S : I.Path)
    Steps.push_back(
        {{"location",
          {{"physicalLocation", physicalLocation(S.File, S.Line, S.Column)},
           {"message", {{"text", S.Message}}}}}});
  Steps.push_back(
      {{"location",
        {{"physicalLocation", physicalLocation(I.File, I.Line, I.Column)},
         {"message", {{"text", I.Message}}}}}});
  return json::array(
      {{{"threadFlows", json::array({{{"locations", Steps}}})}}});
}

} // namespace

void writeSarif(const Verdict &V, std::ostream &Out,
                const ReportOptions &Options) {
  // rules: one per check that has a finding, sorted by id.
  std::map<std::string, const FindingResult *> Checks;
  for (const FindingResult &F : V.Findings)
    Checks.emplace(F.Item.Check, &F);
  json Rules = json::array();
  std::map<std::string, int> RuleIndex;
  for (const auto &[Check, Example] : Checks) {
    RuleIndex[Check] = static_cast<int>(Rules.size());
    Rules.push_back(rule(Check, Example));
  }

  json Results = json::array();
  for (const FindingResult &F : V.Findings) {
    const Finding &I = F.Item;
    json Location{
        {"physicalLocation", physicalLocation(I.File, I.Line, I.Column)}};
    json Result{{"ruleId", I.Check},
                {"ruleIndex", RuleIndex[I.Check]},
                {"level", sarifLevel(I.Level)},
                {"message", {{"text", I.Message}}},
                {"locations", json::array({Location})},
                {"partialFingerprints",
                 {{"primaryLocationLineHash", I.Fingerprint + ":1"},
                  {"exitbarFingerprint/v1", I.Fingerprint}}},
                {"properties",
                 {{"security-severity", securitySeverity(I.Level)},
                  {"severity", toString(I.Level)},
                  {"cwe", I.Cwe}}}};
    if (!I.Path.empty())
      Result["codeFlows"] = codeFlows(I);
    if (V.HasBaseline)
      Result["baselineState"] =
          F.State == FindingState::Baselined ? "unchanged" : "new";
    if (F.State == FindingState::Waived)
      Result["suppressions"] =
          json::array({json{{"kind", "external"}, {"justification", F.Note}}});
    Results.push_back(std::move(Result));
  }

  std::string Root = Options.SourceDir;
  if (!Root.empty() && Root.back() != '/')
    Root += '/';
  json Run{{"tool",
            {{"driver",
              {{"name", "ExitBar"},
               {"semanticVersion", Options.ToolVersion},
               {"version", Options.ToolVersion},
               {"informationUri", "https://github.com/exitbar/exitbar"},
               {"rules", Rules}}}}},
           {"columnKind", "unicodeCodePoints"},
           {"results", Results}};
  if (!Root.empty())
    Run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", "file://" + Root}}}};
  json Log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
           {"version", "2.1.0"},
           {"runs", json::array({Run})}};
  Out << Log.dump(2) << "\n";
}

} // namespace exitbar

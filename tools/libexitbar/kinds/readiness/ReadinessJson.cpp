// ReadinessJson.cpp - evidence/readiness.json, written and read
// SPDX-License-Identifier: Apache-2.0
//
// Schema: docs/evidence-schema/readiness.md.

#include "exitbar/Evidence.h"
#include "exitbar/JsonCursor.h"
#include "kinds/readiness/Readiness.h"

using nlohmann::json;

namespace exitbar {

void to_json(json &J, const ReadinessEvidence &E) {
  json Documents = json::array();
  for (const DocumentCheck &D : E.Documents)
    Documents.push_back(json{{"name", D.Name},
                             {"file", D.File},
                             {"status", D.Status},
                             {"reason", D.Reason}});
  json Runbooks = json::array();
  for (const RunbookCheck &R : E.Runbooks)
    Runbooks.push_back(json{{"file", R.File},
                            {"sections_found", R.SectionsFound},
                            {"sections_missing", R.SectionsMissing}});
  J = json{{"schema", "exitbar.readiness"},
           {"schema_version", EvidenceSchemaVersion},
           {"license",
            {{"file", E.LicenseFile},
             {"spdx_id", E.LicenseId ? json(*E.LicenseId) : json(nullptr)},
             {"matcher", E.LicenseMatcher},
             {"matcher_result", E.LicenseMatcherResult}}},
           {"documents", Documents},
           {"runbooks", Runbooks},
           {"required_sections", E.RequiredSections},
           {"sections_missing", E.SectionsMissing},
           {"ci", {{"files", E.CiFiles}, {"runs_tests", E.CiRunsTests}}}};
  json Signals = json::array();
  for (const MonitoringSignal &S : E.Monitoring)
    Signals.push_back(
        json{{"kind", S.Kind}, {"where", S.Where}, {"what", S.What}});
  J["monitoring"] = {{"accepted", E.MonitoringAccepted}, {"signals", Signals}};
  json Limits = json::array();
  for (const MonitoringSignal &S : E.RateLimiting)
    Limits.push_back(
        json{{"kind", S.Kind}, {"where", S.Where}, {"what", S.What}});
  J["rate_limiting"] = {{"accepted", E.RateLimitAccepted}, {"signals", Limits}};
}

ReadinessEvidence readinessFromJson(const json &J, const std::string &File) {
  JsonCursor C = openEvidence(J, "exitbar.readiness", File);
  ReadinessEvidence E;
  JsonCursor License = C.at("license");
  E.LicenseFile = License.at("file").string();
  E.LicenseId = License.at("spdx_id").stringOrNull();
  // Evidence written before the licensecheck matcher has neither.
  if (auto Matcher = License.find("matcher"))
    E.LicenseMatcher = Matcher->string();
  if (auto Result = License.find("matcher_result"))
    E.LicenseMatcherResult = Result->string();
  for (const JsonCursor &D : C.at("documents").elements())
    E.Documents.push_back({D.at("name").string(), D.at("file").string(),
                           D.at("status").string(), D.at("reason").string()});
  for (const JsonCursor &R : C.at("runbooks").elements())
    E.Runbooks.push_back({R.at("file").string(),
                          R.at("sections_found").strings(),
                          R.at("sections_missing").strings()});
  E.RequiredSections = C.at("required_sections").strings();
  E.SectionsMissing = C.at("sections_missing").strings();
  E.CiFiles = C.at("ci").at("files").strings();
  E.CiRunsTests = C.at("ci").at("runs_tests").boolean();
  // Older evidence (before monitoring signals) has no "monitoring".
  if (auto Monitoring = C.find("monitoring")) {
    E.MonitoringAccepted = Monitoring->at("accepted").strings();
    for (const JsonCursor &S : Monitoring->at("signals").elements())
      E.Monitoring.push_back({S.at("kind").string(), S.at("where").string(),
                              S.at("what").string()});
  }
  // Older evidence (before rate-limiting signals) has none.
  if (auto RateLimiting = C.find("rate_limiting")) {
    E.RateLimitAccepted = RateLimiting->at("accepted").strings();
    for (const JsonCursor &S : RateLimiting->at("signals").elements())
      E.RateLimiting.push_back({S.at("kind").string(), S.at("where").string(),
                                S.at("what").string()});
  }
  return E;
}

} // namespace exitbar

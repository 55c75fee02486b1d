// EvidenceJson.cpp - JSON serialisation of evidence and verdicts
// SPDX-License-Identifier: Apache-2.0
//
// Schemas: docs/evidence-schema/findings.md and docs/evidence-schema/verdict.md.

#include "exitbar/EvidenceJson.h"
#include "exitbar/Error.h"

using nlohmann::json;

namespace exitbar {
namespace {

constexpr const char *FindingsSchema = "exitbar.findings";

/// Reads member \p Key of \p J as T, or throws with the member's pointer.
template <typename T>
T member(const json &J, const char *Key, const std::string &Pointer) {
  auto It = J.find(Key);
  if (It == J.end())
    throw Error("input.evidence.missing-member", "", Pointer,
                std::string("missing member '") + Key + "'");
  try {
    return It->get<T>();
  } catch (const json::exception &) {
    throw Error("input.evidence.wrong-type", "", Pointer + "/" + Key,
                "has the wrong type");
  }
}

} // namespace

void to_json(json &J, const Finding &F) {
  J = json{{"check", F.Check},     {"severity", toString(F.Level)},
           {"cwe", F.Cwe},         {"file", F.File},
           {"line", F.Line},       {"column", F.Column},
           {"message", F.Message}, {"fingerprint", F.Fingerprint}};
}

void from_json(const json &J, Finding &F) {
  F.Check = J.at("check").get<std::string>();
  auto Level = parseSeverity(J.at("severity").get<std::string>());
  if (!Level)
    throw json::other_error::create(501, "unknown severity", &J);
  F.Level = *Level;
  F.Cwe = J.at("cwe").get<std::vector<std::string>>();
  F.File = J.at("file").get<std::string>();
  F.Line = asInteger<int>(J.at("line"));
  F.Column = asInteger<int>(J.at("column"));
  F.Message = J.at("message").get<std::string>();
  F.Fingerprint = J.at("fingerprint").get<std::string>();
}

void to_json(json &J, const AnalysisError &E) {
  J = json{{"file", E.File}, {"message", E.Message}};
}

void from_json(const json &J, AnalysisError &E) {
  E.File = J.at("file").get<std::string>();
  E.Message = J.at("message").get<std::string>();
}

void to_json(json &J, const UnanalysedRegion &R) {
  J = json{{"file", R.File},
           {"line", R.Line},
           {"lines", R.Lines},
           {"condition", R.Condition}};
}

void from_json(const json &J, UnanalysedRegion &R) {
  R.File = J.at("file").get<std::string>();
  R.Line = asInteger<int>(J.at("line"));
  R.Lines = asInteger<int>(J.at("lines"));
  R.Condition = J.at("condition").get<std::string>();
}

void to_json(json &J, const Suppression &S) {
  J = json{{"file", S.File},
           {"line", S.Line},
           {"text", S.Text},
           {"blanket", S.Blanket}};
}

void from_json(const json &J, Suppression &S) {
  S.File = J.at("file").get<std::string>();
  S.Line = asInteger<int>(J.at("line"));
  S.Text = J.at("text").get<std::string>();
  S.Blanket = J.at("blanket").get<bool>();
}

void to_json(json &J, const FindingsEvidence &E) {
  J = json{{"schema", FindingsSchema},
           {"schema_version", EvidenceSchemaVersion},
           {"translation_units", E.TranslationUnits},
           {"findings", E.Findings},
           {"analysis_errors", E.AnalysisErrors}};
  // Written only when there are some, so evidence without such regions
  // stays byte-identical to what earlier versions wrote.
  if (!E.UnanalysedRegions.empty())
    J["unanalysed_regions"] = E.UnanalysedRegions;
  // Optional: evidence without suppressions reads as it always did.
  if (!E.Suppressions.empty())
    J["suppressions"] = E.Suppressions;
}

void from_json(const json &J, FindingsEvidence &E) {
  E.TranslationUnits = asInteger<int>(J.at("translation_units"));
  E.Findings = J.at("findings").get<std::vector<Finding>>();
  E.AnalysisErrors = J.at("analysis_errors").get<std::vector<AnalysisError>>();
  // Optional: fragments written before regions were recorded have none.
  E.UnanalysedRegions.clear();
  if (auto It = J.find("unanalysed_regions"); It != J.end())
    E.UnanalysedRegions = It->get<std::vector<UnanalysedRegion>>();
  // Fragments and evidence written before suppressions were recorded.
  if (auto It = J.find("suppressions"); It != J.end())
    E.Suppressions = It->get<std::vector<Suppression>>();
}

static json optionalNumber(const std::optional<double> &V) {
  return V ? json(*V) : json(nullptr);
}

void to_json(json &J, const Verdict &V) {
  json Criteria = json::array();
  json Blocking = json::array();
  json Results = json::object();
  for (const CategoryResult &C : V.Categories)
    Results[C.Name] = json{{"score", optionalNumber(C.Score)},
                           {"weight", C.Weight},
                           {"passed", C.Passed},
                           {"total", C.Total},
                           {"criteria", json::array()}};
  for (const CriterionResult &R : V.Criteria) {
    json Entry{{"id", R.Rule.Id},
               {"category", R.Rule.Category},
               {"level", toString(R.Rule.Required)},
               {"metric", R.Rule.Metric},
               {"comparison", toString(R.Rule.Op)},
               {"threshold", R.Rule.Threshold},
               {"weight", R.Rule.Weight},
               {"actual", optionalNumber(R.Actual)},
               {"passed", R.Passed},
               {"evidence", R.Evidence},
               {"detail", R.Detail},
               {"items", R.Items}};
    if (!R.Rule.Description.empty())
      Entry["description"] = R.Rule.Description;
    if (R.Waived)
      Entry["waived"] = true;
    json Short{{"id", R.Rule.Id}, {"passed", R.Passed}};
    if (R.NotApplicable) {
      Entry["not_applicable"] = true;
      Short["not_applicable"] = true;
    }
    Results[R.Rule.Category]["criteria"].push_back(std::move(Short));
    if (!R.Passed && R.Rule.Required == Level::Must)
      Blocking.push_back(json{{"id", R.Rule.Id}, {"detail", R.Detail},
                              {"evidence", R.Evidence}, {"items", R.Items}});
    Criteria.push_back(std::move(Entry));
  }
  json Counts{{"new", 0}, {"baselined", 0}, {"waived", 0}};
  for (const FindingResult &F : V.Findings)
    Counts[std::string(toString(F.State))] =
        Counts[std::string(toString(F.State))].get<int>() + 1;
  J = json{
      {"schema", "exitbar.verdict"},
      {"findings", Counts},
      {"baseline", V.HasBaseline},
      {"expired_waivers", V.ExpiredWaivers},
      {"warnings", V.Warnings},
      {"schema_version", EvidenceSchemaVersion},
      {"status", toString(V.Result)},
      {"release_version", V.ReleaseVersion},
      {"readiness_score", V.ReadinessScore},
      {"must_pass", json{{"passed", V.MustPassed}, {"total", V.MustTotal}}},
      {"should_pass",
       json{{"passed", V.ShouldPassed}, {"total", V.ShouldTotal}}},
      {"exit_bar_results", Results},
      {"criteria", Criteria},
      {"blocking_items", Blocking},
      {"generated_at", V.GeneratedAt}};
  if (!V.StaleEvidence.empty())
    J["stale_evidence"] = V.StaleEvidence;
  for (const GateInput &I : V.Inputs)
    J["inputs"][I.Kind] = json{{"path", I.Path}, {"sha256", I.Sha256}};
  if (!V.AuditLogHead.empty())
    J["audit_log"] = json{{"head", V.AuditLogHead},
                          {"entry", V.AuditLogEntry}};
}

bool memberIs(const json &J, const char *Key, std::string_view Value) {
  if (!J.is_object())
    return false;
  auto It = J.find(Key);
  return It != J.end() && It->is_string() &&
         It->get_ref<const std::string &>() == Value;
}

bool memberIs(const json &J, const char *Key, int Value) {
  if (!J.is_object())
    return false;
  auto It = J.find(Key);
  return It != J.end() && It->is_number() && *It == Value;
}

namespace {
/// "line:column" of byte \p Offset of \p Text.
std::string lineColumn(std::string_view Text, size_t Offset) {
  int Line = 1, Column = 1;
  for (size_t I = 0; I < Offset && I < Text.size(); ++I) {
    if (Text[I] == '\n') {
      ++Line;
      Column = 1;
    } else {
      ++Column;
    }
  }
  return std::to_string(Line) + ":" + std::to_string(Column);
}
} // namespace

void checkJsonDepth(std::string_view Text, const std::string &File) {
  // nlohmann parses deep nesting iteratively, but copying, comparing and
  // dumping the result recurse: a crafted 200 000-deep array would overflow
  // the stack long after parsing. Strings and comments are skipped so that
  // brackets in them neither raise nor hide the real depth.
  size_t Depth = 0;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '"') {
      for (++I; I < Text.size() && Text[I] != '"'; ++I)
        if (Text[I] == '\\')
          ++I;
    } else if (C == '/' && I + 1 < Text.size() && Text[I + 1] == '/') {
      while (I < Text.size() && Text[I] != '\n')
        ++I;
    } else if (C == '/' && I + 1 < Text.size() && Text[I + 1] == '*') {
      size_t End = Text.find("*/", I + 2);
      I = End == std::string_view::npos ? Text.size() : End + 1;
    } else if (C == '[' || C == '{') {
      if (++Depth > MaxJsonDepth)
        throw Error("input.json.too-deep", File, lineColumn(Text, I),
                    "nested more than " + std::to_string(MaxJsonDepth) +
                        " levels deep");
    } else if ((C == ']' || C == '}') && Depth > 0) {
      --Depth;
    }
  }
}

json parseJsonText(std::string_view Text, const std::string &File) {
  checkJsonDepth(Text, File);
  try {
    return json::parse(Text.begin(), Text.end(), /*cb=*/nullptr,
                       /*allow_exceptions=*/true, /*ignore_comments=*/true);
  } catch (const json::out_of_range &E) {
    // A number too large for a double (1e999999): the lexer names the
    // token, which finds the place.
    std::string Why = E.what();
    size_t Quote = Why.find('\'');
    std::string Token = Quote == std::string::npos
                            ? ""
                            : Why.substr(Quote + 1, Why.rfind('\'') - Quote - 1);
    size_t At = Token.empty() ? std::string_view::npos : Text.find(Token);
    throw Error("input.json.syntax", File,
                At == std::string_view::npos ? "" : lineColumn(Text, At),
                "number out of range" +
                    (Token.empty() ? std::string() : ": " + Token));
  } catch (const json::parse_error &E) {
    // nlohmann reports a byte offset; users want line:column.
    size_t Offset = std::min<size_t>(E.byte == 0 ? 0 : E.byte - 1, Text.size());
    std::string Why = E.what();
    auto Colon = Why.rfind(": ");
    throw Error("input.json.syntax", File, lineColumn(Text, Offset),
                "invalid JSON: " +
                    (Colon == std::string::npos ? Why : Why.substr(Colon + 2)));
  }
}

FindingsEvidence parseFindingsEvidence(std::string_view Text,
                                       const std::string &File) {
  return findingsFromJson(parseJsonText(Text, File), File);
}

FindingsEvidence findingsFromJson(const json &J, const std::string &File) {
  try {
    if (!J.is_object())
      throw Error("input.evidence.wrong-type", "", "", "not a JSON object");
    auto Schema = member<std::string>(J, "schema", "");
    if (Schema != FindingsSchema)
      throw Error("input.evidence.schema", "", "/schema",
                  "expected '" + std::string(FindingsSchema) + "', found '" +
                      Schema + "'");
    auto Version = member<int>(J, "schema_version", "");
    if (Version != EvidenceSchemaVersion)
      throw Error("input.evidence.schema-version", "", "/schema_version",
                  "unsupported schema version " + std::to_string(Version));
    auto Findings = member<json>(J, "findings", "");
    for (size_t I = 0; I < Findings.size(); ++I) {
      try {
        (void)Findings.at(I).get<Finding>();
      } catch (const json::exception &E) {
        throw Error("input.evidence.bad-finding", "",
                    "/findings/" + std::to_string(I), E.what());
      }
    }
    (void)countMember(J, "translation_units", "");
    return J.get<FindingsEvidence>();
  } catch (const Error &E) {
    throw Error(E.id(), File, E.place(), E.message());
  } catch (const json::exception &E) {
    throw Error("input.evidence.invalid", File, "", E.what());
  }
}

static json totalsJson(const CoverageTotals &T) {
  return json{{"lines_found", T.LinesFound},
              {"lines_hit", T.LinesHit},
              {"line_percent", percent(T.LinesHit, T.LinesFound)},
              {"branches_found", T.BranchesFound},
              {"branches_hit", T.BranchesHit},
              {"branch_percent", percent(T.BranchesHit, T.BranchesFound)},
              {"functions_found", T.FunctionsFound},
              {"functions_hit", T.FunctionsHit},
              {"function_percent", percent(T.FunctionsHit, T.FunctionsFound)}};
}

void to_json(json &J, const CoverageEvidence &E) {
  json Files = json::array();
  for (const auto &[Path, F] : E.Files) {
    json Lines = json::array(), Branches = json::array(),
         Functions = json::array();
    for (const auto &[Line, Hits] : F.Lines)
      Lines.push_back(json::array({Line, Hits}));
    for (const auto &[Key, Hits] : F.Branches)
      Branches.push_back(json::array({Key.first, Key.second, Hits}));
    for (const auto &[Name, Fn] : F.Functions)
      Functions.push_back(
          json{{"name", Name}, {"line", Fn.Line}, {"hits", Fn.Hits}});
    json Entry = totalsJson(totalsOf(F));
    Entry["path"] = Path;
    Entry["lines"] = Lines;
    Entry["branches"] = Branches;
    Entry["functions"] = Functions;
    Files.push_back(std::move(Entry));
  }
  J = json{{"schema", "exitbar.coverage"},
           {"schema_version", EvidenceSchemaVersion},
           {"tool", E.Tool},
           {"totals", totalsJson(E.totals())},
           {"files", Files}};
  if (E.Diff)
    J["diff"] = json{{"base", E.Diff->Base},
                     {"lines_found", E.Diff->LinesFound},
                     {"lines_hit", E.Diff->LinesHit},
                     {"line_percent", percent(E.Diff->LinesHit, E.Diff->LinesFound)},
                     {"missed", E.Diff->Missed}};
}

/// Checks an evidence document's schema name and version.
static void checkSchema(const json &J, const char *Schema,
                        const std::string &File) {
  if (!J.is_object())
    throw Error("input.evidence.wrong-type", File, "", "not a JSON object");
  if (!memberIs(J, "schema", Schema))
    throw Error("input.evidence.schema", File, "/schema",
                std::string("expected '") + Schema + "'");
  if (!memberIs(J, "schema_version", EvidenceSchemaVersion))
    throw Error("input.evidence.schema-version", File, "/schema_version",
                "unsupported schema version");
}

CoverageEvidence coverageFromJson(const json &J, const std::string &File) {
  checkSchema(J, "exitbar.coverage", File);
  CoverageEvidence E;
  auto Tool = J.find("tool");
  if (Tool != J.end() && !Tool->is_string())
    throw Error("input.evidence.invalid", File, "/tool", "must be a string");
  E.Tool = Tool != J.end() ? Tool->get<std::string>() : "";
  auto FilesIt = J.find("files");
  if (FilesIt == J.end() || !FilesIt->is_array())
    throw Error("input.evidence.invalid", File, "/files", "must be an array");
  const json &Files = *FilesIt;
  for (size_t I = 0; I < Files.size(); ++I) {
    std::string Pointer = "/files/" + std::to_string(I);
    try {
      const json &F = Files.at(I);
      FileCoverage &Cov = E.Files[F.at("path").get<std::string>()];
      for (const json &L : F.at("lines"))
        addHits(Cov.Lines[asInteger<int>(L.at(0))], asInteger<long long>(L.at(1)));
      for (const json &B : F.at("branches"))
        addHits(Cov.Branches[{asInteger<int>(B.at(0)), asInteger<int>(B.at(1))}],
                asInteger<long long>(B.at(2)));
      for (const json &Fn : F.at("functions"))
        Cov.Functions[Fn.at("name").get<std::string>()] = {
            asInteger<int>(Fn.at("line")), asInteger<long long>(Fn.at("hits"))};
    } catch (const json::exception &X) {
      throw Error("input.evidence.invalid", File, Pointer, X.what());
    }
  }
  if (auto It = J.find("diff"); It != J.end()) {
    try {
      DiffCoverage D;
      D.Base = It->at("base").get<std::string>();
      D.LinesFound = countMember<long long>(*It, "lines_found", File, "/diff");
      D.LinesHit = countMember<long long>(*It, "lines_hit", File, "/diff");
      D.Missed = It->at("missed").get<std::map<std::string, std::vector<int>>>();
      E.Diff = std::move(D);
    } catch (const json::exception &X) {
      throw Error("input.evidence.invalid", File, "/diff", X.what());
    }
  }
  return E;
}

void to_json(json &J, const TestsEvidence &E) {
  J = json{{"schema", "exitbar.tests"},
           {"schema_version", EvidenceSchemaVersion},
           {"passed", E.Passed},
           {"failed", E.Failed},
           {"skipped", E.Skipped},
           {"errored", E.Errored},
           {"total", E.total()},
           {"seconds", E.Seconds},
           {"failing_tests", E.FailingTests},
           {"flaky_tests", E.FlakyTests}};
}

TestsEvidence testsFromJson(const json &J, const std::string &File) {
  checkSchema(J, "exitbar.tests", File);
  TestsEvidence E;
  try {
    E.Passed = countMember(J, "passed", File);
    E.Failed = countMember(J, "failed", File);
    E.Skipped = countMember(J, "skipped", File);
    E.Errored = countMember(J, "errored", File);
    E.Seconds = J.at("seconds").get<double>();
    E.FailingTests = J.at("failing_tests").get<std::vector<std::string>>();
    E.FlakyTests = J.at("flaky_tests").get<std::vector<std::string>>();
  } catch (const json::exception &X) {
    throw Error("input.evidence.invalid", File, "", X.what());
  }
  return E;
}

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
           {"license", {{"file", E.LicenseFile},
                        {"spdx_id", E.LicenseId ? json(*E.LicenseId)
                                                : json(nullptr)}}},
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
  J["rate_limiting"] = {{"accepted", E.RateLimitAccepted},
                        {"signals", Limits}};
}

ReadinessEvidence readinessFromJson(const json &J, const std::string &File) {
  checkSchema(J, "exitbar.readiness", File);
  ReadinessEvidence E;
  try {
    E.LicenseFile = J.at("license").at("file").get<std::string>();
    if (!J.at("license").at("spdx_id").is_null())
      E.LicenseId = J.at("license").at("spdx_id").get<std::string>();
    for (const json &D : J.at("documents"))
      E.Documents.push_back({D.at("name").get<std::string>(),
                             D.at("file").get<std::string>(),
                             D.at("status").get<std::string>(),
                             D.at("reason").get<std::string>()});
    for (const json &R : J.at("runbooks"))
      E.Runbooks.push_back(
          {R.at("file").get<std::string>(),
           R.at("sections_found").get<std::vector<std::string>>(),
           R.at("sections_missing").get<std::vector<std::string>>()});
    E.RequiredSections =
        J.at("required_sections").get<std::vector<std::string>>();
    E.SectionsMissing = J.at("sections_missing").get<std::vector<std::string>>();
    E.CiFiles = J.at("ci").at("files").get<std::vector<std::string>>();
    E.CiRunsTests = J.at("ci").at("runs_tests").get<bool>();
    // Older evidence (before monitoring signals) has no "monitoring".
    if (J.contains("monitoring")) {
      E.MonitoringAccepted =
          J.at("monitoring").at("accepted").get<std::vector<std::string>>();
      for (const json &S : J.at("monitoring").at("signals"))
        E.Monitoring.push_back({S.at("kind").get<std::string>(),
                                S.at("where").get<std::string>(),
                                S.at("what").get<std::string>()});
    }
    // Older evidence (before rate-limiting signals) has none.
    if (J.contains("rate_limiting")) {
      E.RateLimitAccepted =
          J.at("rate_limiting").at("accepted").get<std::vector<std::string>>();
      for (const json &S : J.at("rate_limiting").at("signals"))
        E.RateLimiting.push_back({S.at("kind").get<std::string>(),
                                  S.at("where").get<std::string>(),
                                  S.at("what").get<std::string>()});
    }
  } catch (const json::exception &X) {
    throw Error("input.evidence.invalid", File, "", X.what());
  }
  return E;
}

std::string dumpCanonical(const json &J) {
  // nlohmann::json keeps object keys in a std::map, so keys come out sorted.
  // Invalid UTF-8 read from a report (a test name, a path) becomes U+FFFD
  // rather than an exception halfway through writing evidence.
  return J.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace exitbar

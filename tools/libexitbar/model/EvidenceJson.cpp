// EvidenceJson.cpp - JSON serialisation of evidence and verdicts
// SPDX-License-Identifier: Apache-2.0
//
// Schemas: docs/evidence-schema/findings.md and
// docs/evidence-schema/verdict.md.

#include "exitbar/EvidenceJson.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include "exitbar/JsonCursor.h"

using nlohmann::json;

namespace exitbar {
namespace {

constexpr const char *FindingsSchema = "exitbar.findings";

/// A finding's path or a taint summary's steps, as JSON.
json stepsJson(const std::vector<PathStep> &Steps) {
  json Out = json::array();
  for (const PathStep &S : Steps)
    Out.push_back(json{{"file", S.File},
                       {"line", S.Line},
                       {"column", S.Column},
                       {"message", S.Message}});
  return Out;
}

/// The steps of a path, read with their places.
std::vector<PathStep> stepsFrom(const JsonCursor &C) {
  std::vector<PathStep> Steps;
  for (const JsonCursor &S : C.elements())
    Steps.push_back({S.at("file").string(), S.at("line").integer<int>(),
                     S.at("column").integer<int>(), S.at("message").string()});
  return Steps;
}

} // namespace

void to_json(json &J, const Finding &F) {
  J = json{{"check", F.Check},     {"severity", toString(F.Level)},
           {"cwe", F.Cwe},         {"file", F.File},
           {"line", F.Line},       {"column", F.Column},
           {"message", F.Message}, {"fingerprint", F.Fingerprint}};
  if (!F.Path.empty())
    J["path"] = stepsJson(F.Path);
}

void to_json(json &J, const AnalysisError &E) {
  J = json{{"file", E.File}, {"message", E.Message}};
}

void to_json(json &J, const UnanalysedRegion &R) {
  J = json{{"file", R.File},
           {"line", R.Line},
           {"lines", R.Lines},
           {"condition", R.Condition}};
}

void to_json(json &J, const Suppression &S) {
  J = json{{"file", S.File},
           {"line", S.Line},
           {"text", S.Text},
           {"blanket", S.Blanket}};
}

namespace {

const char *kindName(TaintSummary::Kind K) {
  switch (K) {
  case TaintSummary::Kind::Source:
    return "source";
  case TaintSummary::Kind::Pass:
    return "pass";
  case TaintSummary::Kind::Sink:
    return "sink";
  }
  return "source";
}

} // namespace

void to_json(json &J, const TaintSummary &S) {
  J = json{{"kind", kindName(S.K)},
           {"check", S.Check},
           {"appended", S.Appended},
           {"combined", S.Combined},
           {"steps", stepsJson(S.Steps)}};
  if (S.K != TaintSummary::Kind::Source) {
    J["function"] = S.Function;
    J["parameter"] = S.Parameter;
  }
  if (S.K != TaintSummary::Kind::Sink) {
    J["callee"] = S.Callee;
    J["argument"] = S.Argument;
  }
  if (S.K == TaintSummary::Kind::Source)
    J["remote"] = S.Remote;
  if (S.K == TaintSummary::Kind::Sink) {
    J["file"] = S.File;
    J["line"] = S.Line;
    J["column"] = S.Column;
    J["message"] = S.Message;
    J["line_text"] = S.LineText;
    J["needs_remote_or_appended"] = S.NeedsRemoteOrAppended;
  }
}

TaintSummary taintSummaryFrom(const JsonCursor &C) {
  TaintSummary S;
  JsonCursor Kind = C.at("kind");
  std::string Name = Kind.string();
  if (Name == "source")
    S.K = TaintSummary::Kind::Source;
  else if (Name == "pass")
    S.K = TaintSummary::Kind::Pass;
  else if (Name == "sink")
    S.K = TaintSummary::Kind::Sink;
  else
    Kind.fail("input.evidence.invalid",
              "must be \"source\", \"pass\" or \"sink\", got \"" + Name + "\"");
  S.Check = C.at("check").string();
  S.Appended = C.at("appended").boolean();
  S.Combined = C.at("combined").boolean();
  S.Steps = stepsFrom(C.at("steps"));
  // A parameter or argument index k >= 0; -1 stands for the return value
  // (or a global's value), -2 - k for what is written through parameter k.
  auto Index = [](const JsonCursor &I) { return I.integer<int>(); };
  if (S.K != TaintSummary::Kind::Source) {
    S.Function = C.at("function").string();
    S.Parameter = Index(C.at("parameter"));
  }
  if (S.K != TaintSummary::Kind::Sink) {
    S.Callee = C.at("callee").string();
    S.Argument = Index(C.at("argument"));
  }
  if (S.K == TaintSummary::Kind::Source)
    S.Remote = C.at("remote").boolean();
  if (S.K == TaintSummary::Kind::Sink) {
    S.File = C.at("file").string();
    S.Line = C.at("line").integer<int>();
    S.Column = C.at("column").integer<int>();
    S.Message = C.at("message").string();
    if (auto Text = C.find("line_text"))
      S.LineText = Text->string();
    S.NeedsRemoteOrAppended = C.at("needs_remote_or_appended").boolean();
  }
  return S;
}

namespace {

constexpr std::pair<ServerSummary::Kind, const char *> ServerKindNames[] = {
    {ServerSummary::Kind::Route, "route"},
    {ServerSummary::Kind::Guard, "guard"},
    {ServerSummary::Kind::Pass, "server-pass"}};

} // namespace

bool isServerSummaryKind(const std::string &Name) {
  for (const auto &[Kind, Text] : ServerKindNames)
    if (Name == Text)
      return true;
  return false;
}

void to_json(json &J, const ServerSummary &S) {
  for (const auto &[Kind, Text] : ServerKindNames)
    if (S.K == Kind)
      J = json{{"kind", Text}, {"server", S.Server}};
  switch (S.K) {
  case ServerSummary::Kind::Route:
    J["check"] = S.Check;
    J["library"] = S.Library;
    J["pattern"] = S.Pattern;
    J["file"] = S.File;
    J["line"] = S.Line;
    J["column"] = S.Column;
    J["message"] = S.Message;
    J["line_text"] = S.LineText;
    break;
  case ServerSummary::Kind::Guard:
    J["library"] = S.Library;
    J["prefix"] = S.Prefix;
    break;
  case ServerSummary::Kind::Pass:
    J["to"] = S.To;
    break;
  }
}

ServerSummary serverSummaryFrom(const JsonCursor &C) {
  ServerSummary S;
  JsonCursor Kind = C.at("kind");
  std::string Name = Kind.string();
  bool Known = false;
  for (const auto &[K, Text] : ServerKindNames)
    if (Name == Text) {
      S.K = K;
      Known = true;
    }
  if (!Known)
    Kind.fail("input.evidence.invalid",
              "must be \"route\", \"guard\" or \"server-pass\", got \"" + Name +
                  "\"");
  S.Server = C.at("server").string();
  switch (S.K) {
  case ServerSummary::Kind::Route:
    S.Check = C.at("check").string();
    S.Library = C.at("library").string();
    S.Pattern = C.at("pattern").string();
    S.File = C.at("file").string();
    S.Line = C.at("line").integer<int>();
    S.Column = C.at("column").integer<int>();
    S.Message = C.at("message").string();
    if (auto Text = C.find("line_text"))
      S.LineText = Text->string();
    break;
  case ServerSummary::Kind::Guard:
    S.Library = C.at("library").string();
    S.Prefix = C.at("prefix").string();
    break;
  case ServerSummary::Kind::Pass:
    S.To = C.at("to").string();
    break;
  }
  return S;
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
  // Fragments only (see TaintSummary).
  if (!E.TaintSummaries.empty())
    J["taint_summaries"] = E.TaintSummaries;
  if (!E.ServerSummaries.empty())
    J["server_summaries"] = E.ServerSummaries;
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
      Blocking.push_back(json{{"id", R.Rule.Id},
                              {"detail", R.Detail},
                              {"evidence", R.Evidence},
                              {"items", R.Items}});
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
    J["audit_log"] = json{{"head", V.AuditLogHead}, {"entry", V.AuditLogEntry}};
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
    std::string Token =
        Quote == std::string::npos
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

namespace {

Finding findingFrom(const JsonCursor &C) {
  Finding F;
  F.Check = C.at("check").string();
  JsonCursor Severity = C.at("severity");
  auto Level = parseSeverity(Severity.string());
  if (!Level)
    Severity.fail("input.evidence.invalid", "unknown severity");
  F.Level = *Level;
  F.Cwe = C.at("cwe").strings();
  F.File = C.at("file").string();
  F.Line = C.at("line").integer<int>();
  F.Column = C.at("column").integer<int>();
  F.Message = C.at("message").string();
  F.Fingerprint = C.at("fingerprint").string();
  if (std::optional<JsonCursor> Path = C.find("path"))
    F.Path = stepsFrom(*Path);
  return F;
}

} // namespace

FindingsEvidence findingsFromJson(const json &J, const std::string &File) {
  JsonCursor C = openEvidence(J, FindingsSchema, File);
  FindingsEvidence E;
  E.TranslationUnits = C.at("translation_units").count<int>();
  for (const JsonCursor &F : C.at("findings").elements()) {
    try {
      E.Findings.push_back(findingFrom(F));
    } catch (const Error &X) {
      // The finding is the unit a user fixes; the member is in the message.
      throw Error("input.evidence.bad-finding", File, F.pointer(),
                  X.place() + ": " + X.message());
    }
  }
  for (const JsonCursor &A : C.at("analysis_errors").elements())
    E.AnalysisErrors.push_back(
        {A.at("file").string(), A.at("message").string()});
  // Optional: fragments written before regions were recorded have none.
  if (auto Regions = C.find("unanalysed_regions"))
    for (const JsonCursor &R : Regions->elements())
      E.UnanalysedRegions.push_back(
          {R.at("file").string(), R.at("line").integer<int>(),
           R.at("lines").integer<int>(), R.at("condition").string()});
  // Fragments and evidence written before suppressions were recorded.
  if (auto Suppressions = C.find("suppressions"))
    for (const JsonCursor &S : Suppressions->elements())
      E.Suppressions.push_back(
          {S.at("file").string(), S.at("line").integer<int>(),
           S.at("text").string(), S.at("blanket").boolean()});
  // Fragments written before taint summaries were recorded have none.
  if (auto Summaries = C.find("taint_summaries"))
    for (const JsonCursor &S : Summaries->elements())
      E.TaintSummaries.push_back(taintSummaryFrom(S));
  if (auto Summaries = C.find("server_summaries"))
    for (const JsonCursor &S : Summaries->elements())
      E.ServerSummaries.push_back(serverSummaryFrom(S));
  return E;
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
    J["diff"] =
        json{{"base", E.Diff->Base},
             {"lines_found", E.Diff->LinesFound},
             {"lines_hit", E.Diff->LinesHit},
             {"line_percent", percent(E.Diff->LinesHit, E.Diff->LinesFound)},
             {"missed", E.Diff->Missed}};
}

CoverageEvidence coverageFromJson(const json &J, const std::string &File) {
  JsonCursor C = openEvidence(J, "exitbar.coverage", File);
  CoverageEvidence E;
  if (auto Tool = C.find("tool"))
    E.Tool = Tool->string();
  for (const JsonCursor &F : C.at("files").elements()) {
    FileCoverage &Cov = E.Files[F.at("path").string()];
    for (const JsonCursor &L : F.at("lines").elements())
      addHits(Cov.Lines[L.at(0).integer<int>()], L.at(1).integer<long long>());
    for (const JsonCursor &B : F.at("branches").elements())
      addHits(Cov.Branches[{B.at(0).integer<int>(), B.at(1).integer<int>()}],
              B.at(2).integer<long long>());
    for (const JsonCursor &Fn : F.at("functions").elements())
      Cov.Functions[Fn.at("name").string()] = {
          Fn.at("line").integer<int>(), Fn.at("hits").integer<long long>()};
  }
  if (auto Diff = C.find("diff")) {
    DiffCoverage D;
    D.Base = Diff->at("base").string();
    D.LinesFound = Diff->at("lines_found").count<long long>();
    D.LinesHit = Diff->at("lines_hit").count<long long>();
    for (const auto &[Path, Lines] : Diff->at("missed").members())
      for (const JsonCursor &L : Lines.elements())
        D.Missed[Path].push_back(L.integer<int>());
    E.Diff = std::move(D);
  }
  return E;
}

std::string dumpCanonical(const json &J) {
  // nlohmann::json keeps object keys in a std::map, so keys come out sorted.
  // Invalid UTF-8 read from a report (a test name, a path) becomes U+FFFD
  // rather than an exception halfway through writing evidence.
  return J.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

void writeEvidence(const std::string &Path, const std::string &Text,
                   const std::string &RunId) {
  if (RunId.empty()) {
    writeFileAtomically(Path, Text);
    return;
  }
  json J = parseJsonText(Text, Path);
  J[EvidenceRunMember] = RunId;
  writeFileAtomically(Path, dumpCanonical(J));
}

} // namespace exitbar

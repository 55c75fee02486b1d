// Policy.cpp - the exit bar's policy file: default, parsing and validation
// SPDX-License-Identifier: Apache-2.0
//
// Schema: docs/policy.md.

#include "exitbar/Policy.h"
#include "exitbar/Error.h"
#include "exitbar/Evidence.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/EvidenceKinds.h"
#include "exitbar/Findings.h"
#include "exitbar/JsonCursor.h"
#include "exitbar/Metrics.h"
#include <algorithm>
#include <set>

using nlohmann::json;

namespace exitbar {

bool compare(double Actual, Comparison C, double Threshold) {
  switch (C) {
  case Comparison::Less:
    return Actual < Threshold;
  case Comparison::LessEqual:
    return Actual <= Threshold;
  case Comparison::Equal:
    return Actual == Threshold;
  case Comparison::GreaterEqual:
    return Actual >= Threshold;
  case Comparison::Greater:
    return Actual > Threshold;
  }
  return false;
}

bool isKnownMetric(std::string_view Metric) {
  return findMetric(Metric) != nullptr;
}

Policy defaultPolicy() {
  Policy P;
  for (const char *Name :
       {"quality", "security", "performance", "operational", "compliance"})
    P.Categories.push_back({Name, 1});
  P.Criteria = {
      {"no-critical-findings", "security", Level::Must,
       "findings.severity.critical", Comparison::LessEqual, 0, 1,
       "No finding of critical severity"},
      {"no-high-findings", "security", Level::Must, "findings.severity.high",
       Comparison::LessEqual, 0, 1, "No finding of high severity"},
      {"no-medium-findings", "security", Level::Should,
       "findings.severity.medium", Comparison::LessEqual, 0, 1,
       "No finding of medium severity"},
      // A blanket NOLINT hides every exitbar-* finding on its line, now
      // and of checks added later; one check with a reason is reviewable.
      {"no-blanket-suppressions", "security", Level::Should,
       "findings.suppressed_blanket", Comparison::LessEqual, 0, 1,
       "No blanket NOLINT of exitbar-* checks: name one check and give a "
       "reason"},
      {"line-coverage", "quality", Level::Must, "coverage.line",
       Comparison::GreaterEqual, 80, 1,
       "Line coverage of the project's own code is at least 80 %"},
      {"branch-coverage", "quality", Level::Should, "coverage.branch",
       Comparison::GreaterEqual, 60, 1, "Branch coverage is at least 60 %"},
      {"tests-pass", "quality", Level::Must, "tests.failed",
       Comparison::LessEqual, 0, 1, "Every test passes"},
      {"tests-ran", "quality", Level::Must, "tests.executed",
       Comparison::GreaterEqual, 1, 1, "At least one test ran"},
      {"license", "compliance", Level::Must, "readiness.license",
       Comparison::GreaterEqual, 1, 1,
       "A LICENSE file with a recognised licence"},
      {"readme", "compliance", Level::Should, "readiness.document.README",
       Comparison::GreaterEqual, 1, 1, "A README with real content"},
      {"security-policy", "compliance", Level::Should,
       "readiness.document.SECURITY", Comparison::GreaterEqual, 1, 1,
       "SECURITY.md: how to report a vulnerability"},
      {"contributing", "compliance", Level::Should,
       "readiness.document.CONTRIBUTING", Comparison::GreaterEqual, 1, 1,
       "CONTRIBUTING.md"},
      {"architecture", "compliance", Level::Should,
       "readiness.document.ARCHITECTURE", Comparison::GreaterEqual, 1, 1,
       "ARCHITECTURE.md"},
      {"changelog", "compliance", Level::Should, "readiness.document.CHANGELOG",
       Comparison::GreaterEqual, 1, 1, "A CHANGELOG"},
      {"runbook", "operational", Level::Should,
       "readiness.runbook_sections_missing", Comparison::LessEqual, 0, 1,
       "Runbooks cover deployment, rollback, incident response and "
       "monitoring"},
      {"approvals", "compliance", Level::Should, "approvals.missing_roles",
       Comparison::LessEqual, 0, 1,
       "The roles the policy names (default: release-manager) approved this "
       "version and commit, signed with a trusted key"},
      {"monitoring", "operational", Level::Should, "readiness.monitoring",
       Comparison::GreaterEqual, 1, 1,
       "Monitoring in place: a runbook's monitoring section, a health or "
       "metrics endpoint, or a monitoring library"},
      {"rate-limiting", "security", Level::Should, "readiness.rate_limiting",
       Comparison::GreaterEqual, 1, 1,
       "Requests are rate limited: a limiter in the code, or limit_req, an "
       "Envoy rate-limit filter or ingress limits in the deployment files"},
      {"ci-runs-tests", "operational", Level::Should, "readiness.ci_runs_tests",
       Comparison::GreaterEqual, 1, 1, "CI configuration that runs the tests"},
      {"sbom-complete", "compliance", Level::Must, "sbom.components_incomplete",
       Comparison::LessEqual, 0, 1,
       "SBOM generated and complete: every component has the NTIA minimum "
       "elements"},
      // Must: a unit whose analysis crashed or was killed hides all of
      // its findings, so a GO over it would vouch for code nobody read.
      {"analysis-complete", "quality", Level::Must, "findings.analysis_errors",
       Comparison::LessEqual, 0, 1,
       "Every translation unit was analysed: no clang-tidy crash, kill or "
       "compiler error"},
      {"artifacts-signed", "security", Level::Must, "signatures.bad",
       Comparison::LessEqual, 0, 1,
       "All release artifacts signed by a trusted key"},
      {"benchmarks-exist", "performance", Level::Should, "benchmarks.count",
       Comparison::GreaterEqual, 1, 1, "Benchmarks ran for this build"},
      {"no-benchmark-regression", "performance", Level::Should,
       "benchmarks.max_regression_percent", Comparison::LessEqual, 10, 1,
       "No benchmark is more than 10 % slower than the baseline"},
      // Not applicable (not failing) when no OSV database is configured.
      {"no-known-vulnerabilities", "security", Level::Must,
       "vulnerabilities.high_or_critical", Comparison::LessEqual, 0, 1,
       "No dependency has a known vulnerability of high or critical "
       "severity (OSV database)"},
  };
  return P;
}

namespace {

/// Walks a policy document, collecting every problem with its JSON pointer.
class PolicyReader {
public:
  explicit PolicyReader(std::string File) : File(std::move(File)) {}

  Policy read(const json &J) {
    Policy P;
    if (!J.is_object()) {
      problem("", "a policy is a JSON object");
      return P;
    }
    static const std::set<std::string> Known = {
        "schema",     "schema_version", "release_version",
        "categories", "criteria",       "waivers"};
    for (const auto &Item : J.items())
      // A registered evidence kind's section (e.g. "signing", "energy").
      if (!Known.count(Item.key()) && !findPolicySectionOwner(Item.key()))
        problem("/" + Item.key(), "unknown member '" + Item.key() + "'");
    if (auto Schema = J.find("schema");
        Schema != J.end() && *Schema != "exitbar.policy")
      problem("/schema", "expected \"exitbar.policy\"");
    if (auto Version = J.find("schema_version");
        Version != J.end() && *Version != EvidenceSchemaVersion)
      problem("/schema_version", "unsupported schema version");
    if (auto Release = J.find("release_version"); Release != J.end()) {
      if (Release->is_string())
        P.ReleaseVersion = Release->get<std::string>();
      else
        problem("/release_version", "must be a string");
    }
    readCategories(J, P);
    readCriteria(J, P);
    readKindSections(J, P);
    readWaiverLimits(J, P);
    return P;
  }

  std::vector<std::pair<std::string, std::string>> Problems;

private:
  void problem(const std::string &Pointer, const std::string &Message) {
    Problems.emplace_back(Pointer, Message);
  }

  void readCategories(const json &J, Policy &P) {
    auto It = J.find("categories");
    if (It == J.end()) {
      P.Categories = defaultPolicy().Categories;
      return;
    }
    if (!It->is_array()) {
      problem("/categories", "must be an array");
      return;
    }
    std::set<std::string> Seen;
    for (size_t I = 0; I < It->size(); ++I) {
      const json &C = (*It)[I];
      std::string Pointer = "/categories/" + std::to_string(I);
      Category Cat;
      if (!C.is_object() || !C.contains("name") || !C["name"].is_string()) {
        problem(Pointer, "a category needs a string 'name'");
        continue;
      }
      Cat.Name = C["name"].get<std::string>();
      if (!Seen.insert(Cat.Name).second)
        problem(Pointer + "/name", "duplicate category '" + Cat.Name + "'");
      if (C.contains("weight")) {
        if (!C["weight"].is_number() || C["weight"].get<double>() < 0)
          problem(Pointer + "/weight", "must be a non-negative number");
        else
          Cat.Weight = C["weight"].get<double>();
      }
      P.Categories.push_back(Cat);
    }
  }

  /// The members registered evidence kinds own, kept as written and
  /// checked by their kind.
  void readKindSections(const json &J, Policy &P) {
    for (const auto &Item : J.items()) {
      const EvidenceKind *K = findPolicySectionOwner(Item.key());
      if (!K)
        continue;
      P.KindSections[Item.key()] = Item.value();
      if (K->CheckPolicySection)
        K->CheckPolicySection(JsonCursor(Item.value(), File, "/" + Item.key()),
                              Problems);
    }
  }

  /// "waivers": {"max_days": N}; a positive whole number of days.
  void readWaiverLimits(const json &J, Policy &P) {
    auto It = J.find("waivers");
    if (It == J.end())
      return;
    if (!It->is_object()) {
      problem("/waivers", "must be an object");
      return;
    }
    for (const auto &Item : It->items()) {
      if (Item.key() != "max_days")
        problem("/waivers/" + Item.key(),
                "unknown member '" + Item.key() + "'");
      else if (!Item.value().is_number_integer() || Item.value() < 1 ||
               Item.value() > 3650)
        problem("/waivers/max_days", "must be a whole number of days, 1 to "
                                     "3650");
      else
        P.WaiverMaxDays = Item.value().get<int>();
    }
  }

  static std::optional<Comparison> parseComparison(const std::string &Text) {
    for (Comparison C :
         {Comparison::Less, Comparison::LessEqual, Comparison::Equal,
          Comparison::GreaterEqual, Comparison::Greater})
      if (toString(C) == Text)
        return C;
    return std::nullopt;
  }

  void readCriteria(const json &J, Policy &P) {
    auto It = J.find("criteria");
    if (It == J.end()) {
      problem("", "missing member 'criteria'");
      return;
    }
    if (!It->is_array()) {
      problem("/criteria", "must be an array");
      return;
    }
    std::set<std::string> Ids;
    size_t Before = Problems.size();
    for (size_t I = 0; I < It->size(); ++I) {
      std::string Pointer = "/criteria/" + std::to_string(I);
      if (auto C = readCriterion((*It)[I], Pointer, P)) {
        if (!Ids.insert(C->Id).second)
          problem(Pointer + "/id", "duplicate criterion id '" + C->Id + "'");
        P.Criteria.push_back(*C);
      }
    }
    // A policy of should-level criteria only (or none) can never be NO_GO:
    // {"criteria": []} said GO at 100 % on an empty evidence folder.
    if (Problems.size() == Before &&
        std::none_of(
            P.Criteria.begin(), P.Criteria.end(),
            [](const Criterion &C) { return C.Required == Level::Must; }))
      problem("/criteria", "needs at least one must-level criterion; a "
                           "policy without one passes anything");
  }

  std::optional<std::string> stringMember(const json &C,
                                          const std::string &Pointer,
                                          const char *Key, bool Required) {
    auto It = C.find(Key);
    if (It == C.end()) {
      if (Required)
        problem(Pointer, std::string("missing member '") + Key + "'");
      return std::nullopt;
    }
    if (!It->is_string() || It->get<std::string>().empty()) {
      problem(Pointer + "/" + Key, "must be a non-empty string");
      return std::nullopt;
    }
    return It->get<std::string>();
  }

  std::optional<Criterion>
  readCriterion(const json &C, const std::string &Pointer, const Policy &P) {
    if (!C.is_object()) {
      problem(Pointer, "a criterion is a JSON object");
      return std::nullopt;
    }
    static const std::set<std::string> Known = {
        "id",         "category",  "level",  "metric",
        "comparison", "threshold", "weight", "description"};
    for (const auto &Item : C.items())
      // A registered evidence kind's settings (e.g. "energy").
      if (!Known.count(Item.key()) && !findEvidenceKind(Item.key()))
        problem(Pointer + "/" + Item.key(),
                "unknown member '" + Item.key() + "'");
    size_t Before = Problems.size();
    Criterion R;
    R.Id = stringMember(C, Pointer, "id", true).value_or("");
    R.Category = stringMember(C, Pointer, "category", true).value_or("");
    if (!R.Category.empty() &&
        std::none_of(
            P.Categories.begin(), P.Categories.end(),
            [&](const Category &Cat) { return Cat.Name == R.Category; }))
      problem(Pointer + "/category", "unknown category '" + R.Category + "'");
    if (auto L = stringMember(C, Pointer, "level", true)) {
      if (*L == "must")
        R.Required = Level::Must;
      else if (*L == "should")
        R.Required = Level::Should;
      else
        problem(Pointer + "/level", "must be \"must\" or \"should\"");
    }
    R.Metric = stringMember(C, Pointer, "metric", true).value_or("");
    if (!R.Metric.empty() && !isKnownMetric(R.Metric))
      problem(Pointer + "/metric", "unknown metric '" + R.Metric + "'");
    if (auto Op = stringMember(C, Pointer, "comparison", true)) {
      if (auto Parsed = parseComparison(*Op))
        R.Op = *Parsed;
      else
        problem(Pointer + "/comparison",
                "must be one of \"<\", \"<=\", \"==\", \">=\", \">\"");
    }
    if (!C.contains("threshold"))
      problem(Pointer, "missing member 'threshold'");
    else if (!C["threshold"].is_number())
      problem(Pointer + "/threshold", "must be a number");
    else
      R.Threshold = C["threshold"].get<double>();
    if (C.contains("weight")) {
      if (!C["weight"].is_number() || C["weight"].get<double>() < 0)
        problem(Pointer + "/weight", "must be a non-negative number");
      else
        R.Weight = C["weight"].get<double>();
    }
    R.Description = stringMember(C, Pointer, "description", false).value_or("");
    if (Problems.size() != Before)
      return std::nullopt;
    return R;
  }

  std::string File;
};

} // namespace

std::vector<std::string> checkPolicy(std::string_view Text,
                                     const std::string &FileName) {
  json J;
  try {
    J = parseJsonText(Text, FileName);
  } catch (const Error &E) {
    return {E.file() + ":" + E.place() + ": " + E.message()};
  }
  PolicyReader Reader(FileName);
  Reader.read(J);
  std::vector<std::string> Lines;
  for (const auto &[Pointer, Message] : Reader.Problems)
    Lines.push_back(FileName + ":" + (Pointer.empty() ? "/" : Pointer) + ": " +
                    Message);
  return Lines;
}

Policy parsePolicy(std::string_view Text, const std::string &FileName) {
  json J = parseJsonText(Text, FileName);
  PolicyReader Reader(FileName);
  Policy P = Reader.read(J);
  if (!Reader.Problems.empty()) {
    const auto &[Pointer, Message] = Reader.Problems.front();
    throw Error("input.policy.invalid", FileName,
                Pointer.empty() ? "/" : Pointer, Message);
  }
  return P;
}

std::string policyToJson(const Policy &P) {
  json Categories = json::array();
  for (const Category &C : P.Categories)
    Categories.push_back(json{{"name", C.Name}, {"weight", C.Weight}});
  json Criteria = json::array();
  for (const Criterion &C : P.Criteria) {
    json Entry{{"id", C.Id},
               {"category", C.Category},
               {"level", toString(C.Required)},
               {"metric", C.Metric},
               {"comparison", toString(C.Op)},
               {"threshold", C.Threshold},
               {"weight", C.Weight}};
    if (!C.Description.empty())
      Entry["description"] = C.Description;
    Criteria.push_back(std::move(Entry));
  }
  json J{{"schema", "exitbar.policy"},
         {"schema_version", EvidenceSchemaVersion},
         {"categories", Categories},
         {"criteria", Criteria}};
  if (!P.ReleaseVersion.empty())
    J["release_version"] = P.ReleaseVersion;
  for (const auto &[Member, Section] : P.KindSections)
    J[Member] = Section;
  if (P.WaiverMaxDays != Policy().WaiverMaxDays)
    J["waivers"]["max_days"] = P.WaiverMaxDays;
  return dumpCanonical(J);
}

} // namespace exitbar

// Kind.cpp - the readiness evidence kind: `exitbar collect readiness`, the
// policy's "readiness" section, its metrics, its report section and its
// record in the registry
// SPDX-License-Identifier: Apache-2.0
//
// Schema: docs/evidence-schema/readiness.md.

#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/EvidenceKinds.h"
#include "exitbar/Files.h"
#include "exitbar/JsonCursor.h"
#include "exitbar/Verdict.h"
#include "kinds/readiness/Readiness.h"
#include "support/Strings.h"
#include <algorithm>
#include <fmt/core.h>

namespace exitbar::readiness {
namespace {

const char *const File = "readiness.json";

const std::vector<std::string> MonitoringKinds = {"runbook", "endpoint",
                                                  "library"};
const std::vector<std::string> RateLimitKinds = {"code", "library",
                                                 "deployment"};

bool isOneOf(const std::string &Kind, const std::vector<std::string> &Kinds) {
  return std::find(Kinds.begin(), Kinds.end(), Kind) != Kinds.end();
}

/// "unknown kind 'x' (expected runbook, endpoint or library)".
std::string unknownKind(const std::string &Kind,
                        const std::vector<std::string> &Kinds) {
  std::string Expected;
  for (size_t I = 0; I < Kinds.size(); ++I)
    Expected += (I == 0                  ? ""
                 : I + 1 == Kinds.size() ? " or "
                                         : ", ") +
                Kinds[I];
  return "unknown kind '" + Kind + "' (expected " + Expected + ")";
}

/// The "readiness" section read over \p R: a member present replaces its
/// default list (an empty list requires nothing); each problem added to
/// \p Problems.
void readReadinessSection(const JsonCursor &Section, ReadinessRequirements &R,
                          PolicyProblems &Problems) {
  addProblemOf(Problems, [&] { Section.expectObject(); });
  if (!Section.json().is_object())
    return;
  for (const auto &[Name, Value] : Section.members()) {
    std::vector<std::string> *Into =
        Name == "documents"             ? &R.Documents
        : Name == "runbook_sections"    ? &R.RunbookSections
        : Name == "monitoring_evidence" ? &R.MonitoringEvidence
        : Name == "rate_limit_evidence" ? &R.RateLimitEvidence
                                        : nullptr;
    if (!Into) {
      Problems.emplace_back(Value.pointer(), "unknown member '" + Name + "'");
      continue;
    }
    *Into = policyStrings(Value, Problems);
    const std::vector<std::string> *Kinds =
        Into == &R.MonitoringEvidence  ? &MonitoringKinds
        : Into == &R.RateLimitEvidence ? &RateLimitKinds
                                       : nullptr;
    if (Kinds)
      for (size_t I = 0; I < Into->size(); ++I)
        if (!isOneOf((*Into)[I], *Kinds))
          Problems.emplace_back(Value.pointer() + "/" + std::to_string(I),
                                unknownKind((*Into)[I], *Kinds));
  }
}

void checkPolicySection(const JsonCursor &Section, PolicyProblems &Problems) {
  ReadinessRequirements Ignored;
  readReadinessSection(Section, Ignored, Problems);
}

const ReadinessEvidence *readinessOf(const EvidenceSet &Set) {
  return Set.kind<ReadinessEvidence>("readiness");
}

/// A readiness.* metric: \p Of(input, evidence, items).
template <typename F> Measurement measure(const MetricInput &In, F Of) {
  const ReadinessEvidence *R = readinessOf(In.Evidence);
  if (!R)
    return {std::nullopt, File, {}};
  Measurement M{std::nullopt, File, {}};
  M.Value = Of(In, *R, M.Items);
  return M;
}

using Items = std::vector<std::string>;

std::string missingDocument(const DocumentCheck &D) {
  return D.Name + ": " +
         (D.File.empty() ? "missing" : D.File + " is " + D.Reason);
}

/// What the report says of a licence file no matcher identified: what
/// licensecheck called it when that is no SPDX id, and which matcher
/// looked, so "not recognised" can be told from "licensecheck missing".
std::string unrecognisedLicense(const ReadinessEvidence &R) {
  std::string Out = "licence not recognised";
  if (!R.LicenseMatcherResult.empty() && R.LicenseMatcherResult != "UNKNOWN")
    return Out + " (licensecheck calls it '" + R.LicenseMatcherResult +
           "', which has no SPDX id)";
  if (!R.LicenseMatcher.empty())
    Out += " (by " + R.LicenseMatcher + ")";
  return Out;
}

std::string licence(const ReadinessEvidence &R) {
  return R.LicenseFile.empty()
             ? "no LICENSE file"
             : R.LicenseFile + ": " +
                   (R.LicenseId ? *R.LicenseId : unrecognisedLicense(R));
}

Measurement license(const MetricInput &In) {
  return measure(In,
                 [](const MetricInput &, const ReadinessEvidence &R, Items &L) {
                   L.push_back(licence(R));
                   return R.LicenseId ? 1.0 : 0.0;
                 });
}

Measurement documentsMissing(const MetricInput &In) {
  return measure(In,
                 [](const MetricInput &, const ReadinessEvidence &R, Items &L) {
                   double Missing = 0;
                   for (const DocumentCheck &D : R.Documents)
                     if (D.Status != "present") {
                       ++Missing;
                       L.push_back(missingDocument(D));
                     }
                   return Missing;
                 });
}

/// readiness.document.<NAME>.
Measurement document(const MetricInput &In) {
  return measure(
      In, [](const MetricInput &X, const ReadinessEvidence &R, Items &L) {
        std::string Name =
            X.Metric.substr(std::string("readiness.document.").size());
        double Value = 0;
        for (const DocumentCheck &D : R.Documents)
          if (D.Name == Name) {
            Value = D.Status == "present" ? 1 : 0;
            if (D.Status != "present")
              L.push_back(missingDocument(D));
          }
        if (L.empty() && Value == 0)
          L.push_back(Name + ": not among the documents collected");
        return Value;
      });
}

Measurement runbookSectionsMissing(const MetricInput &In) {
  return measure(
      In, [](const MetricInput &, const ReadinessEvidence &R, Items &L) {
        for (const std::string &S : R.SectionsMissing)
          L.push_back("no runbook section on " + S +
                      (R.Runbooks.empty() ? " (no runbook found)" : ""));
        return static_cast<double>(R.SectionsMissing.size());
      });
}

Measurement ci(const MetricInput &In) {
  return measure(In,
                 [](const MetricInput &, const ReadinessEvidence &R, Items &L) {
                   if (R.CiFiles.empty())
                     L.emplace_back("no CI configuration (.github/workflows, "
                                    ".gitlab-ci.yml, Jenkinsfile, .ci/)");
                   return R.CiFiles.empty() ? 0.0 : 1.0;
                 });
}

Measurement ciRunsTests(const MetricInput &In) {
  return measure(
      In, [](const MetricInput &, const ReadinessEvidence &R, Items &L) {
        if (!R.CiRunsTests)
          L.emplace_back(R.CiFiles.empty()
                             ? "no CI configuration"
                             : "no CI file runs the tests (ctest, make test, "
                               "...)");
        return R.CiRunsTests ? 1.0 : 0.0;
      });
}

/// Monitoring signals of the kinds the policy accepts: from the readiness
/// evidence, plus monitoring libraries (Prometheus, OpenTelemetry) among the
/// SBOM's components. Lists them, or what would have counted.
Measurement monitoring(const MetricInput &In) {
  return measure(
      In, [](const MetricInput &X, const ReadinessEvidence &R, Items &L) {
        const auto *Sbom = X.Evidence.kind<SbomEvidence>("sbom");
        auto Accepted = [&](const std::string &Kind) {
          return isOneOf(Kind, R.MonitoringAccepted);
        };
        double Count = 0;
        for (const MonitoringSignal &S : R.Monitoring)
          if (Accepted(S.Kind)) {
            ++Count;
            L.push_back(S.Kind + " " + S.What + " (" + S.Where + ")");
          }
        if (Sbom && Accepted("library"))
          for (const SbomComponentCheck &C : Sbom->Checks) {
            std::string Name = toLower(C.Name);
            for (const char *Library :
                 {"prometheus", "opentelemetry", "opencensus"})
              if (Name.find(Library) != std::string::npos) {
                ++Count;
                L.push_back("library " + C.Name + " (SBOM " + C.Ref + ")");
                break;
              }
          }
        if (Count == 0) {
          std::string Kinds;
          for (const std::string &K : R.MonitoringAccepted)
            Kinds += (Kinds.empty() ? "" : ", ") + K;
          L.push_back("no monitoring evidence (accepted: " +
                      (Kinds.empty() ? std::string("none") : Kinds) +
                      "): no runbook monitoring section, /health or /metrics "
                      "route, or Prometheus/OpenTelemetry");
        }
        return Count;
      });
}

/// Rate-limiting signals of the kinds the policy accepts.
Measurement rateLimiting(const MetricInput &In) {
  return measure(
      In, [](const MetricInput &, const ReadinessEvidence &R, Items &L) {
        double Count = 0;
        for (const MonitoringSignal &S : R.RateLimiting)
          if (isOneOf(S.Kind, R.RateLimitAccepted)) {
            ++Count;
            L.push_back(S.Kind + " " + S.What + " (" + S.Where + ")");
          }
        if (Count == 0) {
          std::string Kinds;
          for (const std::string &K : R.RateLimitAccepted)
            Kinds += (Kinds.empty() ? "" : ", ") + K;
          L.push_back("no rate limiting (accepted: " +
                      (Kinds.empty() ? std::string("none") : Kinds) +
                      "): no limiter on the server in the code, no nginx "
                      "limit_req, Envoy rate-limit filter or ingress limit");
        }
        return Count;
      });
}

/// What the repository has and lacks, one row per readiness fact.
std::optional<ReportSection> report(const EvidenceSet &Set) {
  const ReadinessEvidence *R = readinessOf(Set);
  if (!R)
    return std::nullopt;
  ReportSection S;
  S.Id = "readiness";
  S.Title = "Repository readiness";
  S.Rows.emplace_back("licence", licence(*R));
  std::string Documents;
  for (const DocumentCheck &D : R->Documents)
    Documents += (Documents.empty() ? "" : ", ") +
                 (D.Status == "present" ? D.Name : missingDocument(D));
  S.Rows.emplace_back("documents",
                      Documents.empty() ? "none required" : Documents);
  std::string Sections;
  for (const std::string &Missing : R->SectionsMissing)
    Sections += (Sections.empty() ? "" : ", ") + Missing;
  S.Rows.emplace_back("runbook sections missing",
                      Sections.empty() ? "none" : Sections);
  S.Rows.emplace_back("CI", R->CiFiles.empty() ? "none"
                            : R->CiRunsTests   ? "runs the tests"
                                               : "does not run the tests");
  auto Signals = [](const std::vector<MonitoringSignal> &All,
                    const std::vector<std::string> &Accepted) {
    std::string Out;
    for (const MonitoringSignal &Signal : All)
      if (isOneOf(Signal.Kind, Accepted))
        Out +=
            (Out.empty() ? "" : "; ") + Signal.What + " (" + Signal.Where + ")";
    return Out.empty() ? std::string("none") : Out;
  };
  S.Rows.emplace_back("monitoring",
                      Signals(R->Monitoring, R->MonitoringAccepted));
  S.Rows.emplace_back("rate limiting",
                      Signals(R->RateLimiting, R->RateLimitAccepted));
  return S;
}

/// A list given on the command line (\p Flag) replaces the policy's.
void listOption(const CollectRequest &Request, const std::string &Flag,
                std::vector<std::string> &Into,
                const std::vector<std::string> *Kinds = nullptr) {
  if (!Request.Options.count(Flag))
    return;
  Into = Request.values(Flag);
  if (Kinds)
    for (const std::string &Kind : Into)
      if (!isOneOf(Kind, *Kinds))
        throw Error("usage.readiness.kind", "", "",
                    Flag + ": " + unknownKind(Kind, *Kinds));
}

CollectResult collect(const CollectRequest &Request) {
  ReadinessOptions Options;
  Options.SourceDir = Request.value("--source-dir");
  Options.Licensecheck = Request.value("--licensecheck", "licensecheck");
  // The command line wins over the policy, the policy over defaults.
  if (std::string Policy = Request.value("--policy"); !Policy.empty())
    readPolicySection(Policy, "readiness",
                      [&](const JsonCursor &Section, PolicyProblems &Problems) {
                        readReadinessSection(Section, Options, Problems);
                      });
  listOption(Request, "--document", Options.Documents);
  listOption(Request, "--runbook-section", Options.RunbookSections);
  listOption(Request, "--monitoring-evidence", Options.MonitoringEvidence,
             &MonitoringKinds);
  listOption(Request, "--rate-limit-evidence", Options.RateLimitEvidence,
             &RateLimitKinds);
  ReadinessEvidence E = collectReadiness(Options);
  int Present = 0;
  for (const DocumentCheck &D : E.Documents)
    Present += D.Status == "present";
  std::string License = E.LicenseId ? *E.LicenseId
                        : E.LicenseFile.empty()
                            ? "missing"
                            : "unknown (" + E.LicenseMatcher +
                                  (E.LicenseMatcherResult.empty()
                                       ? ""
                                       : ": " + E.LicenseMatcherResult) +
                                  ")";
  CollectResult Result;
  Result.Evidence = dumpCanonical(nlohmann::json(E));
  Result.Summary = fmt::format(
      "readiness: licence {}, documents {}/{}, runbook sections missing {}, "
      "CI {}, monitoring signals {}",
      License, Present, E.Documents.size(), E.SectionsMissing.size(),
      E.CiFiles.empty() ? "none"
                        : (E.CiRunsTests ? "runs tests" : "does not run tests"),
      E.Monitoring.size());
  return Result;
}

std::any read(const std::string &Text, const std::string &Path) {
  return readinessFromJson(parseJsonText(Text, Path), Path);
}

} // namespace

const EvidenceKind &kind() {
  static const EvidenceKind K{
      "readiness",
      File,
      "Look through the source tree for a LICENSE (and its SPDX id), README, "
      "SECURITY, CONTRIBUTING, ARCHITECTURE, CHANGELOG, runbooks with "
      "deployment/rollback/incident/monitoring sections, and CI that runs "
      "the tests.\n"
      "Example: exitbar collect readiness --source-dir . "
      "-o build/exitbar/evidence/readiness.json",
      read,
      {
          {"readiness.license", File, "1 when the licence is recognised",
           license},
          {"readiness.documents_missing", File,
           "required documents missing or empty", documentsMissing},
          // A family: readiness.document.<NAME>, any name.
          {"readiness.document.", File, "1 when the named document is present",
           document, nullptr, [](std::string_view) { return true; }},
          {"readiness.runbook_sections_missing", File,
           "required runbook sections no runbook has", runbookSectionsMissing},
          {"readiness.ci", File, "1 when a CI configuration exists", ci},
          {"readiness.ci_runs_tests", File, "1 when a CI file runs the tests",
           ciRunsTests},
          {"readiness.monitoring", File,
           "monitoring signals of the accepted kinds (SBOM libraries "
           "included)",
           monitoring},
          {"readiness.rate_limiting", File,
           "rate-limiting signals of the accepted kinds", rateLimiting},
      },
      {
          {"--source-dir", "Project source folder", /*Multiple=*/false,
           /*Required=*/true},
          {"--policy", "Policy whose 'readiness' section names the documents, "
                       "runbook sections and monitoring evidence required"},
          {"--document", "Documents to require (replaces the policy's list)",
           /*Multiple=*/true},
          {"--runbook-section",
           "Runbook sections to require (replaces the policy's list)",
           /*Multiple=*/true},
          {"--monitoring-evidence",
           "Kinds of monitoring evidence that count: runbook, endpoint, "
           "library (replaces the policy's list)",
           /*Multiple=*/true},
          {"--licensecheck",
           "Debian's licensecheck program that identifies the licence text "
           "(default licensecheck; '' for the built-in matcher of the common "
           "texts)"},
          {"--rate-limit-evidence",
           "Kinds of rate-limiting evidence that count: code, library, "
           "deployment (replaces the policy's list)",
           /*Multiple=*/true},
          {"-o,--output",
           "Evidence file (default exitbar/evidence/readiness.json)"},
      },
      /*TakesCommand=*/false,
      collect,
      report,
      // Collected once, from the repository: shards must agree.
      ShardMerge::SameInEveryShard,
      /*AddUp=*/nullptr,
      /*PolicySection=*/"readiness",
      checkPolicySection,
  };
  return K;
}

} // namespace exitbar::readiness

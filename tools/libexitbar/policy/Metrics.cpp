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
namespace {

std::string describe(const Finding &F) {
  return F.File + ":" + std::to_string(F.Line) + ":" +
         std::to_string(F.Column) + ": " + std::string(toString(F.Level)) +
         ": " + F.Message + " [" + F.Check + "]";
}

/// The findings evidence, or null with \p M saying why there is no value:
/// zero findings of zero analysed files is no evidence of anything.
const FindingsEvidence *findingsOf(const EvidenceSet &E, Measurement &M) {
  M = {std::nullopt, "findings.json", {}};
  if (!E.Findings)
    return nullptr;
  if (E.Findings->TranslationUnits <= 0) {
    M.NoData = "no translation unit was analysed";
    return nullptr;
  }
  return &*E.Findings;
}

/// Counts the new findings (not baselined, not waived) that \p Match.
Measurement countFindings(const MetricInput &In,
                          const std::function<bool(const Finding &)> &Match) {
  Measurement M;
  if (!findingsOf(In.Evidence, M))
    return M;
  double Count = 0;
  for (const FindingResult &R : In.Findings) {
    const Finding &F = R.Item;
    if (R.State != FindingState::New || !Match(F))
      continue;
    ++Count;
    if (M.Items.size() < MaxItems)
      M.Items.push_back(describe(F));
  }
  if (Count > static_cast<double>(M.Items.size()))
    M.Items.push_back("... and " +
                      std::to_string(static_cast<long long>(Count) -
                                     static_cast<long long>(M.Items.size())) +
                      " more");
  M.Value = Count;
  return M;
}

/// The part of \p In's metric after the family prefix \p Prefix.
std::string after(const MetricInput &In, std::string_view Prefix) {
  return In.Metric.substr(Prefix.size());
}

Measurement suppressed(const MetricInput &In, bool BlanketOnly) {
  Measurement M;
  const FindingsEvidence *F = findingsOf(In.Evidence, M);
  if (!F)
    return M;
  M.Value = 0;
  for (const Suppression &S : F->Suppressions)
    if (!BlanketOnly || S.Blanket) {
      *M.Value += 1;
      if (M.Items.size() < MaxItems)
        M.Items.push_back(S.File + ":" + std::to_string(S.Line) + ": " +
                          S.Text);
    }
  return M;
}

/// Line, branch or function coverage (\p Unit) of the whole project, or the
/// least-covered file's (\p FileMin); the least-covered files, in the
/// metric's own unit, are the items behind a failure.
Measurement coverage(const MetricInput &In, const char *Unit,
                     bool FileMin = false) {
  const EvidenceSet &E = In.Evidence;
  if (!E.Coverage)
    return {std::nullopt, "coverage.json", {}};
  CoverageTotals T = E.Coverage->totals();
  Measurement M{std::nullopt, "coverage.json", {}};
  const bool Branch = std::string_view(Unit) == "branches";
  const bool Function = std::string_view(Unit) == "functions";
  // No line measured is no data, not 100 % (fail closed); a project may
  // have no branches, but code without lines is no measurement at all.
  if (T.LinesFound == 0 && !Branch && !Function) {
    M.NoData = "no line of code was measured";
    return M;
  }
  if (FileMin) {
    double Min = 100;
    for (const auto &[Path, F] : E.Coverage->Files) {
      CoverageTotals FT = totalsOf(F);
      Min = std::min(Min, percent(FT.LinesHit, FT.LinesFound));
    }
    M.Value = Min;
  } else if (Branch) {
    M.Value = percent(T.BranchesHit, T.BranchesFound);
  } else if (Function) {
    M.Value = percent(T.FunctionsHit, T.FunctionsFound);
  } else {
    M.Value = percent(T.LinesHit, T.LinesFound);
  }
  std::vector<std::pair<double, std::string>> Files;
  for (const auto &[Path, F] : E.Coverage->Files) {
    CoverageTotals FT = totalsOf(F);
    long long Hit = Branch     ? FT.BranchesHit
                    : Function ? FT.FunctionsHit
                               : FT.LinesHit;
    long long Found = Branch     ? FT.BranchesFound
                      : Function ? FT.FunctionsFound
                                 : FT.LinesFound;
    if (Found == 0)
      continue;
    char Line[80];
    std::snprintf(Line, sizeof Line, "%.1f %% %s (%lld/%lld)",
                  percent(Hit, Found), Unit, Hit, Found);
    Files.emplace_back(percent(Hit, Found), Path + ": " + Line);
  }
  std::sort(Files.begin(), Files.end());
  for (size_t I = 0; I < Files.size() && I < 10; ++I)
    M.Items.push_back(Files[I].second);
  return M;
}

/// Only lines changed since the base revision count, and only the changed
/// lines never run are the items.
Measurement diffCoverage(const MetricInput &In) {
  const EvidenceSet &E = In.Evidence;
  if (!E.Coverage)
    return {std::nullopt, "coverage.json", {}};
  if (!E.Coverage->Diff)
    return {std::nullopt, "coverage.json (run with --diff-base)", {}};
  Measurement M{std::nullopt, "coverage.json", {}};
  const DiffCoverage &D = *E.Coverage->Diff;
  if (D.LinesFound == 0) {
    M.NoData = "no changed line since " + D.Base + " holds measured code";
    return M;
  }
  M.Value = percent(D.LinesHit, D.LinesFound);
  for (const auto &[Path, Lines] : D.Missed) {
    std::string Item = Path + ": changed lines not run:";
    for (size_t I = 0; I < Lines.size() && I < 20; ++I)
      Item += " " + std::to_string(Lines[I]);
    if (Lines.size() > 20)
      Item += " ...";
    M.Items.push_back(Item);
  }
  return M;
}

/// A readiness.* metric: \p Of(readiness, evidence, items).
Measurement readiness(const MetricInput &In,
                      double (*Of)(const MetricInput &,
                                   const ReadinessEvidence &,
                                   std::vector<std::string> &)) {
  if (!In.Evidence.Readiness)
    return {std::nullopt, "readiness.json", {}};
  Measurement M{std::nullopt, "readiness.json", {}};
  M.Value = Of(In, *In.Evidence.Readiness, M.Items);
  return M;
}

std::string missingDocument(const DocumentCheck &D) {
  return D.Name + ": " +
         (D.File.empty() ? "missing" : D.File + " is " + D.Reason);
}

/// Monitoring signals of the kinds the policy accepts: from the readiness
/// evidence, plus monitoring libraries (Prometheus, OpenTelemetry) among the
/// SBOM's components. Lists them, or what would have counted.
double measureMonitoring(const ReadinessEvidence &R, const SbomEvidence *Sbom,
                         std::vector<std::string> &Items) {
  auto Accepted = [&](const std::string &Kind) {
    return std::find(R.MonitoringAccepted.begin(), R.MonitoringAccepted.end(),
                     Kind) != R.MonitoringAccepted.end();
  };
  double Count = 0;
  for (const MonitoringSignal &S : R.Monitoring)
    if (Accepted(S.Kind)) {
      ++Count;
      Items.push_back(S.Kind + " " + S.What + " (" + S.Where + ")");
    }
  if (Sbom && Accepted("library"))
    for (const SbomComponentCheck &C : Sbom->Checks) {
      std::string Name = toLower(C.Name);
      for (const char *Library : {"prometheus", "opentelemetry", "opencensus"})
        if (Name.find(Library) != std::string::npos) {
          ++Count;
          Items.push_back("library " + C.Name + " (SBOM " + C.Ref + ")");
          break;
        }
    }
  if (Count == 0) {
    std::string Kinds;
    for (const std::string &K : R.MonitoringAccepted)
      Kinds += (Kinds.empty() ? "" : ", ") + K;
    Items.push_back("no monitoring evidence (accepted: " +
                    (Kinds.empty() ? std::string("none") : Kinds) +
                    "): no runbook monitoring section, /health or /metrics "
                    "route, or Prometheus/OpenTelemetry");
  }
  return Count;
}

/// Rate-limiting signals of the kinds the policy accepts.
double measureRateLimiting(const ReadinessEvidence &R,
                           std::vector<std::string> &Items) {
  double Count = 0;
  for (const MonitoringSignal &S : R.RateLimiting)
    if (std::find(R.RateLimitAccepted.begin(), R.RateLimitAccepted.end(),
                  S.Kind) != R.RateLimitAccepted.end()) {
      ++Count;
      Items.push_back(S.Kind + " " + S.What + " (" + S.Where + ")");
    }
  if (Count == 0) {
    std::string Kinds;
    for (const std::string &K : R.RateLimitAccepted)
      Kinds += (Kinds.empty() ? "" : ", ") + K;
    Items.push_back("no rate limiting (accepted: " +
                    (Kinds.empty() ? std::string("none") : Kinds) +
                    "): no limiter on the server in the code, no nginx "
                    "limit_req, Envoy rate-limit filter or ingress limit");
  }
  return Count;
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

/// An sbom.* metric: \p Of(sbom); the missing document elements and the
/// incomplete components are the items.
Measurement sbom(const MetricInput &In, double (*Of)(const SbomEvidence &)) {
  if (!In.Evidence.Sbom)
    return {std::nullopt, "sbom.json", {}};
  const SbomEvidence &S = *In.Evidence.Sbom;
  Measurement M{Of(S), "sbom.json", {}};
  if (!S.HasAuthor)
    M.Items.emplace_back("the SBOM has no author (set a supplier or author: "
                         "exitbar_enable(SBOM_SUPPLIER ...), the policy's "
                         "\"sbom\" section, or --author)");
  if (!S.HasTimestamp)
    M.Items.emplace_back("the SBOM has no timestamp");
  for (const SbomComponentCheck &C : S.Checks) {
    if (C.Missing.empty() || M.Items.size() >= MaxItems)
      continue;
    std::string Line = C.Ref + ": missing";
    for (size_t I = 0; I < C.Missing.size(); ++I)
      Line += (I ? ", " : " ") + C.Missing[I];
    M.Items.push_back(Line);
  }
  return M;
}

std::vector<MetricDef> builtInMetrics() {
  using In = const MetricInput &;
  using Items = std::vector<std::string> &;
  using RE = const ReadinessEvidence &;
  return {
      // findings.json: new findings (neither baselined nor waived); zero
      // analysed translation units is no data.
      {"findings.total", "findings.json", "new findings",
       [](In I) {
         return countFindings(I, [](const Finding &) { return true; });
       }},
      {"findings.severity.", "findings.json", "new findings of one severity",
       [](In I) {
         auto Level = parseSeverity(after(I, "findings.severity."));
         return countFindings(
             I, [&](const Finding &X) { return X.Level == Level; });
       },
       nullptr,
       [](std::string_view S) { return parseSeverity(S).has_value(); }},
      {"findings.check.", "findings.json", "new findings of one check",
       [](In I) {
         std::string Check = after(I, "findings.check.");
         return countFindings(
             I, [&](const Finding &X) { return X.Check == Check; });
       },
       nullptr, [](std::string_view S) { return isKnownCheckName(S); }},
      {"findings.cwe.", "findings.json", "new findings of one CWE",
       [](In I) {
         std::string Cwe = after(I, "findings.cwe.");
         return countFindings(I, [&](const Finding &X) {
           return std::find(X.Cwe.begin(), X.Cwe.end(), Cwe) != X.Cwe.end();
         });
       },
       nullptr,
       [](std::string_view S) {
         return std::regex_match(std::string(S), std::regex("CWE-[1-9][0-9]*"));
       }},
      {"findings.analysis_errors", "findings.json",
       "translation units whose analysis failed",
       [](In I) {
         Measurement M;
         const FindingsEvidence *F = findingsOf(I.Evidence, M);
         if (!F)
           return M;
         M.Value = static_cast<double>(F->AnalysisErrors.size());
         for (const AnalysisError &A : F->AnalysisErrors)
           if (M.Items.size() < MaxItems)
             M.Items.push_back(A.File + ": " + A.Message);
         return M;
       }},
      {"findings.unanalysed_regions", "findings.json",
       "preprocessor regions no check analysed",
       [](In I) {
         Measurement M;
         const FindingsEvidence *F = findingsOf(I.Evidence, M);
         if (!F)
           return M;
         M.Value = static_cast<double>(F->UnanalysedRegions.size());
         for (const UnanalysedRegion &R : F->UnanalysedRegions)
           if (M.Items.size() < MaxItems)
             M.Items.push_back(R.File + ":" + std::to_string(R.Line) + ": '" +
                               R.Condition + "' (" + std::to_string(R.Lines) +
                               " lines)");
         return M;
       }},
      {"findings.suppressed", "findings.json", "NOLINT suppressions",
       [](In I) { return suppressed(I, false); }},
      {"findings.suppressed_blanket", "findings.json",
       "NOLINT suppressions naming no check",
       [](In I) { return suppressed(I, true); }},
      // coverage.json
      {"coverage.line", "coverage.json", "percent of lines run",
       [](In I) { return coverage(I, "lines"); }},
      {"coverage.branch", "coverage.json", "percent of branches taken",
       [](In I) { return coverage(I, "branches"); }},
      {"coverage.function", "coverage.json", "percent of functions called",
       [](In I) { return coverage(I, "functions"); }},
      {"coverage.file_min_line", "coverage.json",
       "line coverage of the least-covered file",
       [](In I) { return coverage(I, "lines", /*FileMin=*/true); }},
      {"coverage.diff_line", "coverage.json",
       "percent of lines changed since --diff-base that ran", diffCoverage},
      // readiness.json
      {"readiness.license", "readiness.json",
       "1 when the licence is recognised",
       [](In I) {
         return readiness(I, [](In, RE R, Items L) {
           L.push_back(
               R.LicenseFile.empty()
                   ? "no LICENSE file"
                   : R.LicenseFile + ": " +
                         (R.LicenseId ? *R.LicenseId : unrecognisedLicense(R)));
           return R.LicenseId ? 1.0 : 0.0;
         });
       }},
      {"readiness.documents_missing", "readiness.json",
       "required documents missing or empty",
       [](In I) {
         return readiness(I, [](In, RE R, Items L) {
           double Missing = 0;
           for (const DocumentCheck &D : R.Documents)
             if (D.Status != "present") {
               ++Missing;
               L.push_back(missingDocument(D));
             }
           return Missing;
         });
       }},
      {"readiness.document.", "readiness.json",
       "1 when the named document is present",
       [](In I) {
         return readiness(I, [](In X, RE R, Items L) {
           std::string Name = after(X, "readiness.document.");
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
       },
       nullptr, [](std::string_view) { return true; }},
      {"readiness.runbook_sections_missing", "readiness.json",
       "required runbook sections no runbook has",
       [](In I) {
         return readiness(I, [](In, RE R, Items L) {
           for (const std::string &S : R.SectionsMissing)
             L.push_back("no runbook section on " + S +
                         (R.Runbooks.empty() ? " (no runbook found)" : ""));
           return static_cast<double>(R.SectionsMissing.size());
         });
       }},
      {"readiness.ci", "readiness.json", "1 when a CI configuration exists",
       [](In I) {
         return readiness(I, [](In, RE R, Items L) {
           if (R.CiFiles.empty())
             L.emplace_back("no CI configuration (.github/workflows, "
                            ".gitlab-ci.yml, Jenkinsfile, .ci/)");
           return R.CiFiles.empty() ? 0.0 : 1.0;
         });
       }},
      {"readiness.ci_runs_tests", "readiness.json",
       "1 when a CI file runs the tests",
       [](In I) {
         return readiness(I, [](In, RE R, Items L) {
           if (!R.CiRunsTests)
             L.emplace_back(
                 R.CiFiles.empty()
                     ? "no CI configuration"
                     : "no CI file runs the tests (ctest, make test, "
                       "...)");
           return R.CiRunsTests ? 1.0 : 0.0;
         });
       }},
      {"readiness.monitoring", "readiness.json",
       "monitoring signals of the accepted kinds (SBOM libraries included)",
       [](In I) {
         return readiness(I, [](In X, RE R, Items L) {
           const EvidenceSet &E = X.Evidence;
           return measureMonitoring(R, E.Sbom ? &*E.Sbom : nullptr, L);
         });
       }},
      {"readiness.rate_limiting", "readiness.json",
       "rate-limiting signals of the accepted kinds",
       [](In I) {
         return readiness(
             I, [](In, RE R, Items L) { return measureRateLimiting(R, L); });
       }},
      // sbom.json
      {"sbom.generated", "sbom.json", "1 when an SBOM was generated",
       [](In I) { return sbom(I, [](const SbomEvidence &) { return 1.0; }); }},
      {"sbom.components", "sbom.json", "components in the SBOM",
       [](In I) {
         return sbom(I, [](const SbomEvidence &S) {
           return static_cast<double>(S.Components);
         });
       }},
      {"sbom.components_incomplete", "sbom.json",
       "components missing a required element",
       [](In I) {
         return sbom(I, [](const SbomEvidence &S) {
           return static_cast<double>(S.incomplete());
         });
       }},
  };
}

} // namespace

const std::vector<MetricDef> &metricTable() {
  static const std::vector<MetricDef> Table = [] {
    std::vector<MetricDef> T = builtInMetrics();
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

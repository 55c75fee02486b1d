// Gate.cpp - applying a policy to evidence: measurements, verdict and scores
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Env.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/Findings.h"
#include "exitbar/Verdict.h"
#include "support/Strings.h"
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>

namespace fs = std::filesystem;

namespace exitbar {

std::string_view toString(Status S) {
  switch (S) {
  case Status::Go:
    return "GO";
  case Status::Conditional:
    return "CONDITIONAL";
  case Status::NoGo:
    return "NO_GO";
  }
  return "NO_GO";
}

namespace {

/// Lists at most this many items behind a failing criterion.
constexpr size_t MaxItems = 50;

/// The value of one metric and where it came from.
struct Measurement {
  Measurement() = default;
  // Not an aggregate, so that {value, evidence, items} leaves NoData empty
  // without -Wmissing-field-initializers.
  Measurement(std::optional<double> Value, std::string Evidence,
              std::vector<std::string> Items)
      : Value(Value), Evidence(std::move(Evidence)), Items(std::move(Items)) {}
  std::optional<double> Value;
  std::string Evidence;
  std::vector<std::string> Items;
  /// Why the evidence exists but measures nothing (no value, so the
  /// criterion fails closed), e.g. "no test was executed".
  std::string NoData;
};

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

/// Why a criterion on \p Metric does not apply to \p E, or "" when it does.
/// Only evidence that needs something a project may not have (an OSV
/// database) is optional; missing coverage or tests still fail.
std::string notApplicable(const std::string &Metric, const EvidenceSet &E) {
  // vulnerabilities.database stays applicable: it is how a policy demands
  // that a database be configured at all.
  if (Metric.rfind("vulnerabilities.", 0) == 0 &&
      Metric != "vulnerabilities.database" && !E.Vulnerabilities &&
      !E.Stale.count("vulnerabilities.json"))
    return "no vulnerability database configured (vulnerabilities.json was "
           "not collected; see docs/vulnerabilities.md)";
  return "";
}

/// vulnerabilities.<Name>: the counts of evidence/vulnerabilities.json; the
/// items behind a failure are the worst findings first.
Measurement measureVulnerabilities(const std::string &Name,
                                   const VulnerabilitiesEvidence &V) {
  Measurement M{std::nullopt, "vulnerabilities.json", {}};
  bool HighOnly = Name == "high_or_critical";
  if (Name == "database")
    M.Value = 1;
  else if (Name == "count")
    M.Value = static_cast<double>(V.Findings.size());
  else if (HighOnly)
    M.Value = V.highOrCritical();
  else
    return M;
  // Fail closed: an empty database or no component checked finds nothing
  // because it looked at nothing, which is not "no known vulnerability".
  if (V.Records <= 0)
    M.NoData = "the OSV database " + V.Database + " holds no record";
  else if (V.ComponentsChecked <= 0)
    M.NoData = "no component was checked against the OSV database";
  if (!M.NoData.empty()) {
    M.Value.reset();
    return M;
  }
  auto Rank = [](const std::string &S) {
    return S == "critical" ? 0
           : S == "high"   ? 1
           : S == "medium" ? 2
           : S == "low"    ? 3
                           : 4;
  };
  std::vector<const VulnerabilityFinding *> Worst;
  for (const VulnerabilityFinding &F : V.Findings)
    if (!HighOnly || Rank(F.Severity) <= 1)
      Worst.push_back(&F);
  std::stable_sort(Worst.begin(), Worst.end(), [&](auto *A, auto *B) {
    return Rank(A->Severity) < Rank(B->Severity);
  });
  for (const VulnerabilityFinding *F : Worst) {
    if (M.Items.size() >= MaxItems)
      break;
    std::string Line = F->Id;
    for (const std::string &Alias : F->Aliases)
      Line += " " + Alias;
    char Score[16] = "";
    if (F->CvssScore)
      std::snprintf(Score, sizeof Score, " %.1f", *F->CvssScore);
    Line += " (" + F->Severity + Score + ") in " + F->ComponentName + " " +
            F->ComponentVersion;
    if (F->Package != F->ComponentName)
      Line += " (package " + F->Package + ")";
    Line += F->Fixed.empty() ? ": no fixed version" : ": fixed in " + F->Fixed;
    M.Items.push_back(Line);
  }
  return M;
}

std::string describe(const Finding &F) {
  return F.File + ":" + std::to_string(F.Line) + ":" +
         std::to_string(F.Column) + ": " + std::string(toString(F.Level)) +
         ": " + F.Message + " [" + F.Check + "]";
}

/// Counts the new findings (not baselined, not waived) that \p Match.
Measurement countFindings(const std::vector<FindingResult> &Findings,
                          const std::function<bool(const Finding &)> &Match) {
  Measurement M;
  M.Evidence = "findings.json";
  double Count = 0;
  for (const FindingResult &R : Findings) {
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

/// signatures.<Name>; the items are the artifacts that are not good.
Measurement measureSignatures(const std::string &Name,
                              const SignaturesEvidence &S) {
  Measurement M{std::nullopt, "signatures.json", {}};
  for (const ArtifactSignature &A : S.Artifacts)
    if (A.Status != SignatureStatus::Good && M.Items.size() < MaxItems)
      M.Items.push_back(A.Path + ": " + std::string(toString(A.Status)) +
                        (A.Detail.empty() ? "" : ": " + A.Detail));
  if (Name == "artifacts")
    M.Value = static_cast<double>(S.Artifacts.size());
  else if (S.Artifacts.empty() && Name != "good")
    // Fail closed: no artifact is not "none badly signed" (DESIGN.md).
    M.Evidence = "a release artifact in signatures.json (it lists none)";
  else if (Name == "bad")
    M.Value = S.bad();
  else if (Name == "untrusted_key")
    M.Value = S.count(SignatureStatus::UntrustedKey);
  else if (Name == "needs_online_check")
    M.Value = S.count(SignatureStatus::NeedsOnlineCheck);
  else if (auto Status = parseSignatureStatus(Name))
    M.Value = S.count(*Status);
  return M;
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

Measurement measure(const std::string &Metric, const EvidenceSet &E,
                    const std::vector<FindingResult> &Findings) {
  auto After = [&](std::string_view Prefix) {
    return Metric.substr(Prefix.size());
  };
  if (Metric.rfind("findings.", 0) == 0) {
    if (!E.Findings)
      return {std::nullopt, "findings.json", {}};
    const FindingsEvidence &F = *E.Findings;
    if (F.TranslationUnits <= 0) {
      // Zero findings of zero analysed files is no evidence of anything.
      Measurement M{std::nullopt, "findings.json", {}};
      M.NoData = "no translation unit was analysed";
      return M;
    }
    if (Metric == "findings.total")
      return countFindings(Findings, [](const Finding &) { return true; });
    if (Metric == "findings.analysis_errors") {
      Measurement M{
          static_cast<double>(F.AnalysisErrors.size()), "findings.json", {}};
      for (const AnalysisError &A : F.AnalysisErrors)
        if (M.Items.size() < MaxItems)
          M.Items.push_back(A.File + ": " + A.Message);
      return M;
    }
    if (Metric == "findings.unanalysed_regions") {
      Measurement M{
          static_cast<double>(F.UnanalysedRegions.size()), "findings.json", {}};
      for (const UnanalysedRegion &R : F.UnanalysedRegions)
        if (M.Items.size() < MaxItems)
          M.Items.push_back(R.File + ":" + std::to_string(R.Line) + ": '" +
                            R.Condition + "' (" + std::to_string(R.Lines) +
                            " lines)");
      return M;
    }
    if (Metric == "findings.suppressed" ||
        Metric == "findings.suppressed_blanket") {
      bool BlanketOnly = Metric == "findings.suppressed_blanket";
      Measurement M{0, "findings.json", {}};
      for (const Suppression &S : F.Suppressions)
        if (!BlanketOnly || S.Blanket) {
          *M.Value += 1;
          if (M.Items.size() < MaxItems)
            M.Items.push_back(S.File + ":" + std::to_string(S.Line) + ": " +
                              S.Text);
        }
      return M;
    }
    if (Metric.rfind("findings.severity.", 0) == 0) {
      auto Level = parseSeverity(After("findings.severity."));
      return countFindings(Findings,
                           [&](const Finding &X) { return X.Level == Level; });
    }
    if (Metric.rfind("findings.check.", 0) == 0) {
      std::string Check = After("findings.check.");
      return countFindings(Findings,
                           [&](const Finding &X) { return X.Check == Check; });
    }
    if (Metric.rfind("findings.cwe.", 0) == 0) {
      std::string Cwe = After("findings.cwe.");
      return countFindings(Findings, [&](const Finding &X) {
        return std::find(X.Cwe.begin(), X.Cwe.end(), Cwe) != X.Cwe.end();
      });
    }
  }
  if (Metric.rfind("coverage.", 0) == 0) {
    if (!E.Coverage)
      return {std::nullopt, "coverage.json", {}};
    CoverageTotals T = E.Coverage->totals();
    Measurement M{std::nullopt, "coverage.json", {}};
    if (Metric == "coverage.diff_line") {
      // Only lines changed since the base revision count, and only the
      // changed lines never run are the items.
      if (!E.Coverage->Diff)
        return {std::nullopt, "coverage.json (run with --diff-base)", {}};
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
    // No line measured is no data, not 100 % (fail closed); a project may
    // have no branches, but code without lines is no measurement at all.
    if (T.LinesFound == 0 &&
        (Metric == "coverage.line" || Metric == "coverage.file_min_line")) {
      M.NoData = "no line of code was measured";
      return M;
    }
    if (Metric == "coverage.line")
      M.Value = percent(T.LinesHit, T.LinesFound);
    else if (Metric == "coverage.branch")
      M.Value = percent(T.BranchesHit, T.BranchesFound);
    else if (Metric == "coverage.function")
      M.Value = percent(T.FunctionsHit, T.FunctionsFound);
    else if (Metric == "coverage.file_min_line") {
      double Min = 100;
      for (const auto &[Path, F] : E.Coverage->Files) {
        CoverageTotals FT = totalsOf(F);
        Min = std::min(Min, percent(FT.LinesHit, FT.LinesFound));
      }
      M.Value = Min;
    }
    // The least-covered files, in the metric's own unit, are the items
    // behind a coverage failure; files without any of that unit are left out.
    const bool Branch = Metric == "coverage.branch";
    const bool Function = Metric == "coverage.function";
    const char *Unit = Branch ? "branches" : Function ? "functions" : "lines";
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
    if (M.Value)
      return M;
  }
  if (Metric.rfind("tests.", 0) == 0) {
    if (!E.Tests)
      return {std::nullopt, "tests.json", {}};
    const TestsEvidence &T = *E.Tests;
    Measurement M{std::nullopt, "tests.json", {}};
    for (const std::string &Name : T.FailingTests)
      if (M.Items.size() < MaxItems)
        M.Items.push_back("failed: " + Name);
    for (const std::string &Name : T.FlakyTests)
      if (M.Items.size() < MaxItems)
        M.Items.push_back("flaky: " + Name);
    // 64-bit sums: INT_MAX failed plus one errored must not wrap to < 0.
    const long long Executed =
        static_cast<long long>(T.Passed) + T.Failed + T.Errored;
    if ((Metric == "tests.failed" || Metric == "tests.pass_rate") &&
        Executed == 0) {
      // Nothing failed because nothing ran: not a pass (fail closed).
      M.NoData =
          "no test was executed (" + std::to_string(T.Skipped) + " skipped)";
      return M;
    }
    if (Metric == "tests.total")
      M.Value = static_cast<double>(T.total());
    else if (Metric == "tests.executed")
      M.Value = static_cast<double>(Executed);
    else if (Metric == "tests.passed")
      M.Value = T.Passed;
    else if (Metric == "tests.failed")
      M.Value =
          static_cast<double>(static_cast<long long>(T.Failed) + T.Errored);
    else if (Metric == "tests.skipped")
      M.Value = T.Skipped;
    else if (Metric == "tests.flaky")
      M.Value = static_cast<double>(T.FlakyTests.size());
    else if (Metric == "tests.pass_rate")
      M.Value = percent(T.Passed, Executed);
    if (M.Value)
      return M;
  }
  if (Metric.rfind("readiness.", 0) == 0) {
    if (!E.Readiness)
      return {std::nullopt, "readiness.json", {}};
    const ReadinessEvidence &R = *E.Readiness;
    Measurement M{std::nullopt, "readiness.json", {}};
    if (Metric == "readiness.license") {
      M.Value = R.LicenseId ? 1 : 0;
      M.Items.push_back(
          R.LicenseFile.empty()
              ? "no LICENSE file"
              : R.LicenseFile + ": " +
                    (R.LicenseId ? *R.LicenseId : unrecognisedLicense(R)));
    } else if (Metric == "readiness.documents_missing") {
      double Missing = 0;
      for (const DocumentCheck &D : R.Documents)
        if (D.Status != "present") {
          ++Missing;
          M.Items.push_back(
              D.Name + ": " +
              (D.File.empty() ? "missing" : D.File + " is " + D.Reason));
        }
      M.Value = Missing;
    } else if (Metric.rfind("readiness.document.", 0) == 0) {
      std::string Name = Metric.substr(19);
      M.Value = 0;
      for (const DocumentCheck &D : R.Documents)
        if (D.Name == Name) {
          M.Value = D.Status == "present" ? 1 : 0;
          if (D.Status != "present")
            M.Items.push_back(
                D.Name + ": " +
                (D.File.empty() ? "missing" : D.File + " is " + D.Reason));
        }
      if (M.Items.empty() && *M.Value == 0)
        M.Items.push_back(Name + ": not among the documents collected");
    } else if (Metric == "readiness.runbook_sections_missing") {
      M.Value = static_cast<double>(R.SectionsMissing.size());
      for (const std::string &S : R.SectionsMissing)
        M.Items.push_back("no runbook section on " + S +
                          (R.Runbooks.empty() ? " (no runbook found)" : ""));
    } else if (Metric == "readiness.ci") {
      M.Value = R.CiFiles.empty() ? 0 : 1;
      if (R.CiFiles.empty())
        M.Items.push_back("no CI configuration (.github/workflows, "
                          ".gitlab-ci.yml, Jenkinsfile, .ci/)");
    } else if (Metric == "readiness.monitoring") {
      M.Value = measureMonitoring(R, E.Sbom ? &*E.Sbom : nullptr, M.Items);
    } else if (Metric == "readiness.rate_limiting") {
      M.Value = measureRateLimiting(R, M.Items);
    } else if (Metric == "readiness.ci_runs_tests") {
      M.Value = R.CiRunsTests ? 1 : 0;
      if (!R.CiRunsTests)
        M.Items.push_back(R.CiFiles.empty()
                              ? "no CI configuration"
                              : "no CI file runs the tests (ctest, make test, "
                                "...)");
    }
    if (M.Value)
      return M;
  }
  if (Metric.rfind("benchmarks.", 0) == 0) {
    if (!E.Benchmarks)
      return {std::nullopt, "benchmarks.json", {}};
    const BenchmarksEvidence &B = *E.Benchmarks;
    Measurement M{std::nullopt, "benchmarks.json", {}};
    if (Metric == "benchmarks.count") {
      M.Value = static_cast<double>(B.Benchmarks.size());
      if (B.Benchmarks.empty())
        M.Items.push_back("the benchmark run produced no results");
    } else if (Metric == "benchmarks.max_regression_percent") {
      bool Compared = std::any_of(
          B.Benchmarks.begin(), B.Benchmarks.end(),
          [](const BenchmarkResult &R) { return R.ChangePercent.has_value(); });
      // No baseline (or none of it ran) is no regression measured, not 0 %.
      if (B.BaselineFile.empty() || !Compared) {
        M.NoData = B.BaselineFile.empty()
                       ? "no baseline was given, so no regression was measured"
                       : "no benchmark of the baseline " + B.BaselineFile +
                             " ran, so no regression was measured";
        return M;
      }
      M.Value = maxRegressionPercent(B);
      // The slowest-down benchmarks first, as the items behind a failure.
      std::vector<const BenchmarkResult *> Slower;
      for (const BenchmarkResult &R : B.Benchmarks)
        if (R.ChangePercent && *R.ChangePercent > 0)
          Slower.push_back(&R);
      std::sort(Slower.begin(), Slower.end(), [](auto *A, auto *C) {
        return *A->ChangePercent > *C->ChangePercent;
      });
      for (size_t I = 0; I < Slower.size() && I < 10; ++I) {
        char Line[160];
        double Now = B.Metric == "cpu" ? Slower[I]->CpuNs : Slower[I]->RealNs;
        std::snprintf(Line, sizeof Line,
                      ": +%.1f %% (%.0f ns, baseline %.0f ns)",
                      *Slower[I]->ChangePercent, Now, *Slower[I]->BaselineNs);
        M.Items.push_back(Slower[I]->Name + Line);
      }
      if (B.BaselineFile.empty())
        M.Items.push_back("no baseline to compare with: store one with "
                          "`exitbar benchmarks baseline`");
    }
    if (M.Value)
      return M;
  }
  if (Metric.rfind("signatures.", 0) == 0) {
    if (!E.Signatures)
      return {std::nullopt, "signatures.json", {}};
    return measureSignatures(After("signatures."), *E.Signatures);
  }
  if (Metric.rfind("sbom.", 0) == 0) {
    if (!E.Sbom)
      return {std::nullopt, "sbom.json", {}};
    const SbomEvidence &S = *E.Sbom;
    Measurement M{std::nullopt, "sbom.json", {}};
    if (Metric == "sbom.generated")
      M.Value = 1;
    else if (Metric == "sbom.components")
      M.Value = S.Components;
    else if (Metric == "sbom.components_incomplete")
      M.Value = S.incomplete();
    if (!S.HasAuthor)
      M.Items.push_back("the SBOM has no author (set a supplier or author: "
                        "exitbar_enable(SBOM_SUPPLIER ...), the policy's "
                        "\"sbom\" section, or --author)");
    if (!S.HasTimestamp)
      M.Items.push_back("the SBOM has no timestamp");
    for (const SbomComponentCheck &C : S.Checks) {
      if (C.Missing.empty() || M.Items.size() >= MaxItems)
        continue;
      std::string Line = C.Ref + ": missing";
      for (size_t I = 0; I < C.Missing.size(); ++I)
        Line += (I ? ", " : " ") + C.Missing[I];
      M.Items.push_back(Line);
    }
    if (M.Value)
      return M;
  }
  if (Metric == "approvals.missing_roles") {
    if (!E.Approvals)
      return {std::nullopt, "approvals.json", {}};
    Measurement M{static_cast<double>(E.Approvals->MissingRoles.size()),
                  "approvals.json",
                  {}};
    for (const std::string &Role : E.Approvals->MissingRoles) {
      // Say why each approval of the role that exists does not count.
      std::string Why;
      for (const ApprovalCheck &C : E.Approvals->Approvals)
        if (C.Statement.Role == Role)
          Why += "; " + C.File + ": " + C.Detail;
      M.Items.push_back(Role + ": no good approval of version " +
                        E.Approvals->ReleaseVersion + " at commit " +
                        E.Approvals->Commit.substr(0, 12) + Why);
    }
    return M;
  }
  if (Metric.rfind("vulnerabilities.", 0) == 0) {
    if (!E.Vulnerabilities && Metric == "vulnerabilities.database") {
      Measurement M{0.0, "vulnerabilities.json", {}};
      M.Items.push_back("no OSV database configured: exitbar_enable("
                        "OSV_DATABASE <dir>) or `exitbar collect "
                        "vulnerabilities --osv-db <dir>`");
      return M;
    }
    if (!E.Vulnerabilities)
      return {std::nullopt, "vulnerabilities.json", {}};
    return measureVulnerabilities(After("vulnerabilities."),
                                  *E.Vulnerabilities);
  }
  // parsePolicy rejects unknown metrics; reaching here is a library bug.
  throw Error("internal.metric", "", "", "unknown metric '" + Metric + "'");
}

std::string formatNumber(double V) {
  if (std::floor(V) == V && std::fabs(V) < 1e15)
    return std::to_string(static_cast<long long>(V));
  char Buf[32];
  std::snprintf(Buf, sizeof Buf, "%.2f", V);
  return Buf;
}

double round2(double V) { return std::round(V * 100) / 100; }

} // namespace

namespace {

/// Why the evidence text \p Text of \p File does not belong to run
/// \p RunId, or "" when it does.
std::string staleness(const std::string &Text, const std::string &File,
                      const std::string &RunId) {
  nlohmann::json J = parseJsonText(Text, File);
  auto It = J.is_object() ? J.find(EvidenceRunMember) : J.end();
  if (It == J.end() || !It->is_string())
    return "records no run; this gate run is " + RunId;
  if (It->get_ref<const std::string &>() != RunId)
    return "produced by run " + It->get<std::string>() +
           ", not by this gate run (" + RunId +
           "): its collector did not run this time";
  return "";
}

} // namespace

EvidenceSet loadEvidence(const std::string &EvidenceDir,
                         const std::string &RunId) {
  EvidenceSet Set;
  // Reads \p Name into \p Member with \p Read(text, path) when present and
  // of this run.
  auto Load = [&](const char *Name, auto &Member, auto Read) {
    fs::path Path = fs::path(EvidenceDir) / Name;
    std::error_code Ec;
    if (!fs::exists(Path, Ec))
      return;
    std::string File = Path.string();
    std::string Text = readFile(File);
    if (!RunId.empty())
      if (std::string Why = staleness(Text, File, RunId); !Why.empty()) {
        Set.Stale[Name] = Why;
        return;
      }
    Member = Read(Text, File);
  };
  auto FromJson = [](auto Convert) {
    return [Convert](const std::string &Text, const std::string &File) {
      return Convert(parseJsonText(Text, File), File);
    };
  };
  Load("findings.json", Set.Findings,
       [](const std::string &Text, const std::string &File) {
         // Hand-edited evidence cannot downgrade a catalogued check.
         FindingsEvidence E = parseFindingsEvidence(Text, File);
         reclassifyFindings(E);
         return E;
       });
  Load("coverage.json", Set.Coverage, FromJson(coverageFromJson));
  Load("readiness.json", Set.Readiness, FromJson(readinessFromJson));
  Load("signatures.json", Set.Signatures, FromJson(signaturesFromJson));
  Load("sbom.json", Set.Sbom, FromJson(sbomFromJson));
  Load("tests.json", Set.Tests, FromJson(testsFromJson));
  Load("benchmarks.json", Set.Benchmarks, benchmarksFromJson);
  Load("approvals.json", Set.Approvals, approvalsFromJson);
  Load("vulnerabilities.json", Set.Vulnerabilities, vulnerabilitiesFromJson);
  return Set;
}

std::string_view toString(FindingState S) {
  switch (S) {
  case FindingState::New:
    return "new";
  case FindingState::Baselined:
    return "baselined";
  case FindingState::Waived:
    return "waived";
  }
  return "new";
}

/// "waived by OWNER until DATE: REASON"
static std::string describeWaiver(const Waiver &W) {
  return "waived by " + W.Owner + " until " + W.Expires + ": " + W.Reason;
}

/// The unexpired waiver matching \p Matches, noting expired ones in \p V.
static const Waiver *
activeWaiver(const std::vector<Waiver> &Waivers, long long Now, Verdict &V,
             const std::function<bool(const Waiver &)> &Matches) {
  const Waiver *Active = nullptr;
  for (const Waiver &W : Waivers) {
    if (!Matches(W))
      continue;
    if (Now < W.ExpiresAt) {
      Active = &W;
      continue;
    }
    std::string Subject =
        W.Finding.empty() ? "criterion " + W.Criterion : "finding " + W.Finding;
    std::string Line = "waiver of " + Subject + " by " + W.Owner +
                       " expired on " + W.Expires + " (" + W.Reason + ")";
    if (std::find(V.ExpiredWaivers.begin(), V.ExpiredWaivers.end(), Line) ==
        V.ExpiredWaivers.end())
      V.ExpiredWaivers.push_back(Line);
  }
  return Active;
}

Verdict evaluate(const Policy &P, const EvidenceSet &E,
                 const GateOptions &Options) {
  Verdict V;
  V.ReleaseVersion =
      !P.ReleaseVersion.empty() ? P.ReleaseVersion : Options.ReleaseVersion;
  V.GeneratedAt = formatTimestamp(Options.OutputTime.value_or(Options.Now));
  V.HasBaseline = Options.Accepted.has_value();
  for (const auto &[File, Why] : E.Stale)
    V.StaleEvidence.push_back(File + ": " + Why);
  if (E.Findings)
    for (const Suppression &S : E.Findings->Suppressions)
      V.Suppressions.push_back(S.File + ":" + std::to_string(S.Line) + ": " +
                               S.Text + (S.Blanket ? " (blanket)" : ""));
  if (E.Findings) {
    for (const Finding &F : E.Findings->Findings) {
      FindingResult R{F, FindingState::New, {}};
      if (const Waiver *W = activeWaiver(
              Options.Waivers, Options.Now, V,
              [&](const Waiver &X) { return X.Finding == F.Fingerprint; })) {
        R.State = FindingState::Waived;
        R.Note = describeWaiver(*W);
      } else if (Options.Accepted &&
                 Options.Accepted->contains(F.Fingerprint)) {
        R.State = FindingState::Baselined;
      }
      V.Findings.push_back(std::move(R));
    }
    V.UnanalysedRegions = E.Findings->UnanalysedRegions;
  }
  for (const Criterion &C : P.Criteria) {
    CriterionResult R;
    R.Rule = C;
    if (std::string Why = notApplicable(C.Metric, E); !Why.empty()) {
      // Passed so that nothing lists it as failing; left out of the counts
      // and scores so that it neither raises nor lowers them.
      R.Passed = true;
      R.NotApplicable = true;
      R.Detail = "not applicable: " + Why;
      V.Criteria.push_back(std::move(R));
      continue;
    }
    Measurement M = measure(C.Metric, E, V.Findings);
    R.Actual = M.Value;
    R.Evidence = M.Evidence;
    std::string Bar =
        std::string(toString(C.Op)) + " " + formatNumber(C.Threshold);
    if (!M.Value) {
      R.Passed = false;
      auto Stale = E.Stale.find(M.Evidence);
      R.Detail =
          !M.NoData.empty() ? "no data: " + M.Evidence + ": " + M.NoData
          : Stale != E.Stale.end()
              ? "no evidence: " + M.Evidence + " is stale: " + Stale->second
              : "no evidence: " + M.Evidence + " was not collected";
    } else {
      R.Passed = compare(*M.Value, C.Op, C.Threshold);
      R.Detail = C.Metric + " = " + formatNumber(*M.Value) +
                 (R.Passed ? ", meets " : ", required ") + Bar;
      if (!R.Passed)
        R.Items = std::move(M.Items);
    }
    if (!R.Passed)
      if (const Waiver *W = activeWaiver(
              Options.Waivers, Options.Now, V,
              [&](const Waiver &X) { return X.Criterion == C.Id; })) {
        R.Passed = true;
        R.Waived = true;
        R.Detail += " (" + describeWaiver(*W) + ")";
        if (C.Required == Level::Must)
          R.Detail += "; a waived must criterion caps the verdict at "
                      "CONDITIONAL";
      }
    if (C.Required == Level::Must) {
      ++V.MustTotal;
      V.MustPassed += R.Passed;
    } else {
      ++V.ShouldTotal;
      V.ShouldPassed += R.Passed;
    }
    V.Criteria.push_back(std::move(R));
  }

  double WeightedSum = 0, WeightTotal = 0;
  for (const Category &Cat : P.Categories) {
    CategoryResult CR;
    CR.Name = Cat.Name;
    CR.Weight = Cat.Weight;
    double Got = 0, Possible = 0;
    for (const CriterionResult &R : V.Criteria) {
      if (R.Rule.Category != Cat.Name || R.NotApplicable)
        continue;
      ++CR.Total;
      CR.Passed += R.Passed;
      Possible += R.Rule.Weight;
      Got += R.Passed ? R.Rule.Weight : 0;
    }
    if (CR.Total > 0) {
      // A category whose criteria all weigh 0 counts as fully met.
      CR.Score = round2(Possible > 0 ? 100 * Got / Possible : 100);
      WeightedSum += Cat.Weight * *CR.Score;
      WeightTotal += Cat.Weight;
    }
    V.Categories.push_back(CR);
  }
  V.ReadinessScore = WeightTotal > 0 ? round2(WeightedSum / WeightTotal) : 100;

  if (V.MustPassed < V.MustTotal)
    V.Result = Status::NoGo;
  else if (V.ShouldPassed < V.ShouldTotal ||
           std::any_of(V.Criteria.begin(), V.Criteria.end(),
                       [](const CriterionResult &R) {
                         return R.Waived && R.Rule.Required == Level::Must;
                       }))
    // A waiver accepts a failure; it does not make a must criterion met.
    V.Result = Status::Conditional;
  else
    V.Result = Status::Go;
  return V;
}

} // namespace exitbar

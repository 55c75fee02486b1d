// Gate.cpp - applying a policy to evidence: measurements, verdict and scores
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Env.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/EvidenceKinds.h"
#include "exitbar/Files.h"
#include "exitbar/Findings.h"
#include "exitbar/Metrics.h"
#include "exitbar/Verdict.h"
#include "support/Strings.h"
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>

namespace fs = std::filesystem;

namespace exitbar {

namespace {

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
  for (const EvidenceKind *K : evidenceKinds()) {
    std::optional<std::any> Read;
    Load(K->File, Read, K->Read);
    if (Read)
      Set.Kinds[K->Name] = std::move(*Read);
  }
  return Set;
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
  if (const auto *Findings = E.kind<FindingsEvidence>("findings")) {
    for (const Suppression &S : Findings->Suppressions)
      V.Suppressions.push_back(S.File + ":" + std::to_string(S.Line) + ": " +
                               S.Text + (S.Blanket ? " (blanket)" : ""));
    for (const Finding &F : Findings->Findings) {
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
    V.UnanalysedRegions = Findings->UnanalysedRegions;
  }
  for (const EvidenceKind *K : evidenceKinds())
    if (K->Report)
      if (std::optional<ReportSection> S = K->Report(E))
        V.Sections.push_back(std::move(*S));
  for (const Criterion &C : P.Criteria) {
    CriterionResult R;
    R.Rule = C;
    const MetricDef *Def = findMetric(C.Metric);
    if (!Def)
      // parsePolicy rejects unknown metrics; reaching here is a library bug.
      throw Error("internal.metric", "", "",
                  "unknown metric '" + C.Metric + "'");
    if (std::string Why =
            Def->NotApplicable ? Def->NotApplicable(C.Metric, E) : "";
        !Why.empty()) {
      // Passed so that nothing lists it as failing; left out of the counts
      // and scores so that it neither raises nor lowers them.
      R.Passed = true;
      R.NotApplicable = true;
      R.Detail = "not applicable: " + Why;
      V.Criteria.push_back(std::move(R));
      continue;
    }
    Measurement M = Def->Measure({C.Metric, E, V.Findings});
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

// Kind.cpp - the findings evidence kind: `exitbar collect findings`, its
// metrics, how shards add up, and its registry record
// SPDX-License-Identifier: Apache-2.0
//
// Schema: docs/evidence-schema/findings.md. The types (exitbar/Evidence.h)
// and the fragment collector (collect/Findings.cpp) stay where the checks'
// catalogue, the baseline and the report writers reach them; the gate
// turns the evidence into the verdict's findings (new, baselined, waived),
// which these metrics count.

#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/EvidenceKinds.h"
#include "exitbar/Findings.h"
#include "exitbar/Verdict.h"
#include "kinds/AddUp.h"
#include <algorithm>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <regex>

namespace exitbar::findings {
namespace {

const char *const File = "findings.json";

std::string describe(const Finding &F) {
  return F.File + ":" + std::to_string(F.Line) + ":" +
         std::to_string(F.Column) + ": " + std::string(toString(F.Level)) +
         ": " + F.Message + " [" + F.Check + "]";
}

/// The findings evidence, or null with \p M saying why there is no value:
/// zero findings of zero analysed files is no evidence of anything.
const FindingsEvidence *findingsOf(const EvidenceSet &E, Measurement &M) {
  M = {std::nullopt, File, {}};
  const auto *F = E.kind<FindingsEvidence>("findings");
  if (!F)
    return nullptr;
  if (F->TranslationUnits <= 0) {
    M.NoData = "no translation unit was analysed";
    return nullptr;
  }
  return F;
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

/// True for a check `findings.check.<name>` may count: an exitbar-* check
/// of the catalogue, or any other check name shaped like clang-tidy's.
bool isKnownCheckName(std::string_view Check) {
  // exitbar-* names are ExitBar's own: a typo would always measure 0, so
  // only catalogued ones count. Other clang-tidy checks (bugprone-*,
  // clang-analyzer-core.NullDereference) are kept as low findings and may
  // be counted; their list belongs to clang-tidy, so only their shape is
  // checked.
  std::string Name(Check);
  if (Name.rfind("exitbar-", 0) == 0) {
    std::vector<std::string> Known = knownChecks();
    return std::binary_search(Known.begin(), Known.end(), Name);
  }
  return std::regex_match(Name, std::regex("[a-z][a-z0-9]*(-[a-z0-9]+)*-"
                                           "[A-Za-z0-9][A-Za-z0-9._-]*"));
}

/// New findings (neither baselined nor waived); zero analysed translation
/// units is no data.
std::vector<MetricDef> metrics() {
  using In = const MetricInput &;
  return {
      // findings.json: new findings (neither baselined nor waived); zero
      // analysed translation units is no data.
      {"findings.total", File, "new findings",
       [](In I) {
         return countFindings(I, [](const Finding &) { return true; });
       }},
      {"findings.severity.", File, "new findings of one severity",
       [](In I) {
         auto Level = parseSeverity(after(I, "findings.severity."));
         return countFindings(
             I, [&](const Finding &X) { return X.Level == Level; });
       },
       nullptr,
       [](std::string_view S) { return parseSeverity(S).has_value(); }},
      {"findings.check.", File, "new findings of one check",
       [](In I) {
         std::string Check = after(I, "findings.check.");
         return countFindings(
             I, [&](const Finding &X) { return X.Check == Check; });
       },
       nullptr, [](std::string_view S) { return isKnownCheckName(S); }},
      {"findings.cwe.", File, "new findings of one CWE",
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
      {"findings.analysis_errors", File,
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
      {"findings.unanalysed_regions", File,
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
      {"findings.suppressed", File, "NOLINT suppressions",
       [](In I) { return suppressed(I, false); }},
      {"findings.suppressed_blanket", File,
       "NOLINT suppressions naming no check",
       [](In I) { return suppressed(I, true); }},
  };
}

CollectResult collect(const CollectRequest &Request) {
  std::string BuildDir = Request.value("--build-dir");
  CollectFindingsOptions Options;
  Options.SourceDir = Request.value("--source-dir");
  std::string Expect = Request.value("--expect-sources");
  if (!Expect.empty() && !std::filesystem::exists(Expect))
    throw Error("input.file.unreadable", Expect, "",
                "the list of expected sources does not exist");
  if (Expect.empty())
    Expect =
        (std::filesystem::path(BuildDir) / "exitbar" / "sources.txt").string();
  Options.ExpectedSources = readExpectedSources(Expect);
  FindingsEvidence E = collectFindings(findingsFragmentDir(BuildDir), Options);
  return {dumpCanonical(nlohmann::json(E)), findingsSummary(E), 0, {}};
}

/// Hand-edited evidence cannot downgrade a catalogued check: every
/// finding gets its check's catalogued severity and CWE again.
std::any read(const std::string &Text, const std::string &File) {
  FindingsEvidence E = parseFindingsEvidence(Text, File);
  reclassifyFindings(E);
  return E;
}

/// A shard parsed once: its findings into their type, its other members
/// (the run ids) into \p Members.
std::any readShard(const std::string &Text, const std::string &File,
                   nlohmann::json &Members) {
  Members = parseJsonText(Text, File);
  FindingsEvidence E = findingsFromJson(Members, File);
  reclassifyFindings(E);
  Members.erase("findings");
  return E;
}

/// Shards usually each build the whole project: findings united by
/// fingerprint (mergeFindings, pairwise in parallel).
nlohmann::json addUp(std::vector<ShardEvidence> &Shards) {
  return addUpPairwise<FindingsEvidence>(Shards, mergeFindings);
}

} // namespace

const EvidenceKind &kind() {
  static const EvidenceKind K{
      "findings",
      File,
      "Merge the exitbar-* findings of every translation unit of a build "
      "into evidence/findings.json.\n"
      "Example: exitbar collect findings --build-dir build",
      read,
      metrics(),
      {
          {"--build-dir", "The CMake build tree", /*Multiple=*/false,
           /*Required=*/true},
          {"--source-dir", "Project source folder (analysis errors name files "
                           "relative to it)"},
          {"--expect-sources",
           "Sources that must each have a fragment, one a line (default "
           "<build>/exitbar/sources.txt when present, which exitbar_enable "
           "writes)"},
          {"-o,--output", "Evidence file (default <build>/exitbar/evidence/"
                          "findings.json)"},
      },
      /*TakesCommand=*/false,
      collect,
      // Every report lists the verdict's findings (new, baselined, waived)
      // itself: they are what the other sections are reported beside.
      /*Report=*/nullptr,
      ShardMerge::AddUp,
      addUp,
      /*PolicySection=*/nullptr,
      /*CheckPolicySection=*/nullptr,
      readShard,
  };
  return K;
}

} // namespace exitbar::findings

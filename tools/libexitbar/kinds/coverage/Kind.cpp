// Kind.cpp - the coverage evidence kind: `exitbar collect coverage`, its
// metrics, how shards add up, and its registry record
// SPDX-License-Identifier: Apache-2.0
//
// Schema: docs/evidence-schema/coverage.md. The types (exitbar/Coverage.h),
// the gcov and llvm-cov collectors (collect/Coverage.cpp) and the readers
// of other tools' reports (collect/CoverageReports.cpp) stay where the
// other layers reach them; this is what the kind adds to them.

#include "exitbar/Collect.h"
#include "exitbar/Coverage.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/EvidenceKinds.h"
#include "exitbar/Merge.h"
#include "exitbar/Verdict.h"
#include "kinds/AddUp.h"
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace exitbar::coverage {
namespace {

const char *const File = "coverage.json";

/// Line, branch or function coverage (\p Unit) of the whole project, or the
/// least-covered file's (\p FileMin); the least-covered files, in the
/// metric's own unit, are the items behind a failure.
Measurement coverage(const MetricInput &In, const char *Unit,
                     bool FileMin = false) {
  const auto *C = In.Evidence.kind<CoverageEvidence>("coverage");
  if (!C)
    return {std::nullopt, File, {}};
  CoverageTotals T = C->totals();
  Measurement M{std::nullopt, File, {}};
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
    for (const auto &[Path, F] : C->Files) {
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
  for (const auto &[Path, F] : C->Files) {
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
Measurement changedLines(const MetricInput &In) {
  const auto *C = In.Evidence.kind<CoverageEvidence>("coverage");
  if (!C)
    return {std::nullopt, File, {}};
  if (!C->Diff)
    return {std::nullopt, "coverage.json (run with --diff-base)", {}};
  Measurement M{std::nullopt, File, {}};
  const DiffCoverage &D = *C->Diff;
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

std::vector<MetricDef> metrics() {
  using In = const MetricInput &;
  return {
      {"coverage.line", File, "percent of lines run",
       [](In I) { return coverage(I, "lines"); }},
      {"coverage.branch", File, "percent of branches taken",
       [](In I) { return coverage(I, "branches"); }},
      {"coverage.function", File, "percent of functions called",
       [](In I) { return coverage(I, "functions"); }},
      {"coverage.file_min_line", File,
       "line coverage of the least-covered file",
       [](In I) { return coverage(I, "lines", /*FileMin=*/true); }},
      {"coverage.diff_line", File,
       "percent of lines changed since --diff-base that ran", changedLines},
  };
}

/// -j's value: a count of parallel gcov runs.
unsigned jobs(const std::string &Text) {
  char *End = nullptr;
  unsigned long N = std::strtoul(Text.c_str(), &End, 10);
  if (Text.empty() || *End != '\0' || Text[0] == '-' || N > 1024)
    throw Error("usage.coverage.jobs", "", "",
                "--jobs must be a whole number from 0 to 1024, got '" + Text +
                    "'");
  return static_cast<unsigned>(N);
}

CollectResult collect(const CollectRequest &Request) {
  CoverageOptions O;
  O.BuildDir = Request.value("--build-dir");
  O.SourceDir = Request.value("--source-dir");
  O.Gcov = Request.value("--gcov", O.Gcov);
  O.LlvmProfdata = Request.value("--llvm-profdata");
  O.LlvmCov = Request.value("--llvm-cov");
  O.Filters = Request.values("--filter");
  O.Excludes = Request.values("--exclude");
  if (std::string J = Request.value("--jobs"); !J.empty())
    O.Jobs = jobs(J);
  O.Progress = Request.Progress;
  std::vector<std::string> Inputs = Request.values("--input");
  if (O.BuildDir.empty() && Inputs.empty())
    throw Error("usage.coverage.no-input", "", "",
                "give --build-dir (a build tree to measure) or --input "
                "(coverage reports to read)");
  if (O.LlvmProfdata.empty() != O.LlvmCov.empty())
    throw Error("usage.coverage.llvm-tools", "", "",
                "--llvm-profdata and --llvm-cov go together");
  CoverageEvidence E = measureCoverage(O, Inputs);
  if (std::string Base = Request.value("--diff-base"); !Base.empty())
    E.Diff = diffCoverage(E, changedLinesSince(Base, O.SourceDir), Base);
  writeCoverageViews(E, O.SourceDir,
                     {Request.value("--lcov"), Request.value("--cobertura"),
                      Request.value("--html"), Request.Environment.now()});
  CollectResult R{dumpCanonical(nlohmann::json(E)), coverageSummary(E), 0, {}};
  if (E.Diff) {
    char Line[160];
    std::snprintf(Line, sizeof Line,
                  "coverage of lines changed since %s: %.2f %% (%lld/%lld)",
                  E.Diff->Base.c_str(),
                  percent(E.Diff->LinesHit, E.Diff->LinesFound),
                  E.Diff->LinesHit, E.Diff->LinesFound);
    R.MoreLines.emplace_back(Line);
  }
  return R;
}

std::any read(const std::string &Text, const std::string &File) {
  return coverageFromJson(parseJsonText(Text, File), File);
}

/// A shard's coverage, most of the bytes of a merge, streams into its type
/// instead of becoming a document first (100 shards' documents at once took
/// 1.8 GB); its other members (the run ids) come back in \p Members.
std::any readShard(const std::string &Text, const std::string &File,
                   nlohmann::json &Members) {
  return coverageFromText(Text, File, &Members);
}

/// Hit counts of the same file and line add up across shards (mergeCoverage,
/// pairwise in parallel).
nlohmann::json addUp(std::vector<ShardEvidence> &Shards) {
  return addUpPairwise<CoverageEvidence>(Shards, mergeCoverage);
}

} // namespace

const EvidenceKind &kind() {
  static const EvidenceKind K{
      "coverage",
      File,
      "Measure coverage into evidence/coverage.json: from a GCC --coverage "
      "build tree (gcov over every .gcno, so files compiled but never run "
      "count with zero hits), from a Clang build tree (llvm-profdata and "
      "llvm-cov over its .profraw files), or from existing reports (LCOV, "
      "Cobertura XML, gcov JSON).\n"
      "Example: exitbar collect coverage --build-dir build --source-dir .\n"
      "Example: exitbar collect coverage --input coverage.info --source-dir .",
      read,
      metrics(),
      {
          {"--build-dir", "The CMake build tree (left out of the evidence)"},
          {"--source-dir",
           "Project source folder; only files below it are "
           "kept",
           /*Multiple=*/false, /*Required=*/true},
          {"--input",
           "Read this coverage report instead of running gcov (repeatable; "
           "LCOV, Cobertura, gcov JSON, coverage.json)",
           /*Multiple=*/true},
          {"--gcov", "gcov matching the compiler (default gcov)"},
          {"--llvm-profdata",
           "Clang builds: llvm-profdata matching the compiler"},
          {"--llvm-cov", "Clang builds: llvm-cov matching the compiler"},
          {"--filter", "Keep only files matching this glob (relative path)",
           /*Multiple=*/true},
          {"--exclude", "Drop files matching this glob (relative path)",
           /*Multiple=*/true},
          {"-j,--jobs", "Parallel gcov runs"},
          {"--diff-base",
           "Also measure the lines changed since this git revision"},
          {"--lcov", "Also write an LCOV tracefile"},
          {"--cobertura", "Also write Cobertura XML"},
          {"--html", "Also write a per-file HTML view into this folder"},
          {"-o,--output", "Evidence file (default <build>/exitbar/evidence/"
                          "coverage.json)"},
      },
      /*TakesCommand=*/false,
      collect,
      // The HTML report's coverage by directory, with its bars, is written
      // from ReportOptions::Coverage.
      /*Report=*/nullptr,
      // Each shard ran a part of the tests.
      ShardMerge::AddUp,
      addUp,
      /*PolicySection=*/nullptr,
      /*CheckPolicySection=*/nullptr,
      readShard,
  };
  return K;
}

} // namespace exitbar::coverage

// Kind.cpp - the benchmarks evidence kind: `exitbar collect benchmarks`, its
// metrics, and its record in the registry
// SPDX-License-Identifier: Apache-2.0
//
// Schema: docs/evidence-schema/benchmarks.md.

#include "exitbar/Benchmarks.h"
#include "exitbar/EvidenceKinds.h"
#include "exitbar/Files.h"
#include "exitbar/Verdict.h"
#include <algorithm>
#include <cstdio>

namespace exitbar::benchmarks {
namespace {

const char *const File = "benchmarks.json";

const BenchmarksEvidence *benchmarksOf(const EvidenceSet &Set) {
  return Set.kind<BenchmarksEvidence>("benchmarks");
}

Measurement count(const MetricInput &In) {
  const BenchmarksEvidence *B = benchmarksOf(In.Evidence);
  if (!B)
    return {std::nullopt, File, {}};
  Measurement M{static_cast<double>(B->Benchmarks.size()), File, {}};
  if (B->Benchmarks.empty())
    M.Items.emplace_back("the benchmark run produced no results");
  return M;
}

/// The benchmarks that slowed down most, as the items behind a failure.
Measurement maxRegression(const MetricInput &In) {
  const BenchmarksEvidence *B = benchmarksOf(In.Evidence);
  if (!B)
    return {std::nullopt, File, {}};
  Measurement M{std::nullopt, File, {}};
  bool Compared = std::any_of(
      B->Benchmarks.begin(), B->Benchmarks.end(),
      [](const BenchmarkResult &R) { return R.ChangePercent.has_value(); });
  // No baseline (or none of it ran) is no regression measured, not 0 %.
  if (B->BaselineFile.empty() || !Compared) {
    M.NoData = B->BaselineFile.empty()
                   ? "no baseline was given, so no regression was measured"
                   : "no benchmark of the baseline " + B->BaselineFile +
                         " ran, so no regression was measured";
    return M;
  }
  M.Value = maxRegressionPercent(*B);
  std::vector<const BenchmarkResult *> Slower;
  for (const BenchmarkResult &R : B->Benchmarks)
    if (R.ChangePercent && *R.ChangePercent > 0)
      Slower.push_back(&R);
  std::sort(Slower.begin(), Slower.end(), [](auto *L, auto *R) {
    return *L->ChangePercent > *R->ChangePercent;
  });
  for (size_t I = 0; I < Slower.size() && I < 10; ++I) {
    char Line[160];
    double Now = B->Metric == "cpu" ? Slower[I]->CpuNs : Slower[I]->RealNs;
    std::snprintf(Line, sizeof Line, ": +%.1f %% (%.0f ns, baseline %.0f ns)",
                  *Slower[I]->ChangePercent, Now, *Slower[I]->BaselineNs);
    M.Items.push_back(Slower[I]->Name + Line);
  }
  return M;
}

CollectResult collect(const CollectRequest &Request) {
  std::vector<BenchmarkResult> All;
  auto Inputs = Request.Options.find("--input");
  if (Inputs != Request.Options.end())
    for (const std::string &In : Inputs->second)
      for (BenchmarkResult &R : readGoogleBenchmark(readFile(In), In))
        All.push_back(std::move(R));
  std::string BaselineFile = Request.value("--baseline");
  std::optional<BenchmarkBaseline> Baseline;
  if (!BaselineFile.empty())
    Baseline = parseBenchmarkBaseline(readFile(BaselineFile), BaselineFile);
  BenchmarksEvidence E = compareBenchmarks(
      std::move(All), Baseline, Request.value("--metric", "cpu"), BaselineFile);
  char Line[160];
  std::snprintf(Line, sizeof Line,
                "benchmarks: %zu, largest slow-down %+.1f %% (%s time%s)",
                E.Benchmarks.size(), maxRegressionPercent(E), E.Metric.c_str(),
                E.BaselineFile.empty() ? ", no baseline" : "");
  return {benchmarksToJson(E), Line, 0, {}};
}

std::any read(const std::string &Text, const std::string &File) {
  return benchmarksFromJson(Text, File);
}

} // namespace

const EvidenceKind &kind() {
  static const EvidenceKind K{
      "benchmarks",
      File,
      "Read Google Benchmark JSON results, compare each benchmark with the "
      "baseline, into evidence/benchmarks.json.\n"
      "Example: exitbar collect benchmarks --input bench.json --baseline "
      "benchmark-baseline.json -o build/exitbar/evidence/benchmarks.json",
      read,
      {
          {"benchmarks.count", File, "benchmarks run", count},
          {"benchmarks.max_regression_percent", File,
           "largest slow-down over the baseline; no baseline is no data",
           maxRegression},
      },
      {
          {"--input", "Google Benchmark JSON output (repeatable)",
           /*Multiple=*/true, /*Required=*/true},
          {"--baseline", "Baseline from `exitbar benchmarks baseline`"},
          {"--metric", "Time compared: cpu (default) or real"},
          {"-o,--output",
           "Evidence file (default exitbar/evidence/benchmarks.json)"},
      },
      /*TakesCommand=*/false,
      collect,
      /*Report=*/nullptr,
      // A benchmark run is one job's measurement: shards may carry it only
      // when they agree.
      ShardMerge::SameInEveryShard,
  };
  return K;
}

} // namespace exitbar::benchmarks

// MergeBench.cpp - Google Benchmark of `exitbar merge` over many CI shards
// SPDX-License-Identifier: Apache-2.0
//
// A 1,000-translation-unit project tested by N CI shards: every shard built
// the whole project (the same findings, every file in its coverage) and ran
// its own tests (its own hit counts and test results). The shard folders
// are written once per size; the timed part is what `exitbar merge` does:
// read, check and merge every shard and write the merged folder
// (docs/performance.md, "Merging CI shards"; target: 100 shards < 2 s).

#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/Merge.h"
#include "exitbar/Tests.h"
#include <benchmark/benchmark.h>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace exitbar;

namespace {

constexpr int TranslationUnits = 1000;
constexpr int MergeLinesPerFile = 60;
constexpr int TestsPerShardPer1000Units = 2000;

/// Writes shard \p Shard of \p Shards into \p Dir.
void writeShard(const fs::path &Dir, int Shard, int Shards) {
  fs::create_directories(Dir);
  std::string Run = "pipeline-1";
  FindingsEvidence F;
  F.TranslationUnits = TranslationUnits;
  CoverageEvidence C;
  C.Tool = "gcov";
  for (int T = 0; T < TranslationUnits; ++T) {
    std::string File = "src/module" + std::to_string(T) + ".cpp";
    for (int K = 0; K < 2; ++K) {
      Finding X;
      X.Check = "exitbar-unsafe-function";
      X.Level = Severity::High;
      X.File = File;
      X.Line = 10 + K;
      X.Column = 3;
      X.Message = "'strcpy' does not check the size of the destination "
                  "buffer; use 'snprintf' instead";
      X.Fingerprint = std::to_string(T * 2 + K);
      F.Findings.push_back(X);
    }
    FileCoverage &Cov = C.Files[File];
    for (int L = 1; L <= MergeLinesPerFile; ++L) {
      // Each shard's tests run a different part of each file.
      Cov.Lines[L] = (L + T + Shard) % Shards == 0 ? (L * 7) % 100 : 0;
      if (L % 10 == 0)
        Cov.Branches[{L, 0}] = Cov.Lines[L];
    }
    Cov.Functions["fn" + std::to_string(T) + "()"] = {1, Shard % 2};
  }
  std::vector<TestCaseResult> Cases;
  int Tests = TestsPerShardPer1000Units / Shards + 1;
  for (int I = 0; I < Tests; ++I)
    Cases.push_back({"suite",
                     "test" + std::to_string(Shard * Tests + I),
                     0,
                     {TestOutcome::Passed}});
  auto Write = [&](const char *Name, nlohmann::json J) {
    J["run"] = Run;
    writeFileAtomically((Dir / Name).string(), dumpCanonical(J));
  };
  Write("findings.json", F);
  Write("coverage.json", C);
  Write("tests.json", testsFromCases(std::move(Cases), 1.0));
}

void BM_MergeShards(benchmark::State &State) {
  int Shards = static_cast<int>(State.range(0));
  fs::path Root = fs::temp_directory_path() /
                  ("exitbar-merge-bench-" + std::to_string(::getpid()));
  fs::remove_all(Root);
  MergeOptions Options;
  for (int S = 0; S < Shards; ++S) {
    fs::path Dir = Root / ("shard-" + std::to_string(S));
    writeShard(Dir, S, Shards);
    Options.ShardDirs.push_back(Dir.string());
  }
  Options.RunId = "pipeline-1";
  std::uintmax_t Bytes = 0;
  for (const auto &E : fs::recursive_directory_iterator(Root))
    if (E.is_regular_file())
      Bytes += E.file_size();
  for (auto _ : State) {
    MergeResult R = mergeEvidenceDirs(Options);
    writeMergedEvidence(R, (Root / "merged").string());
    benchmark::DoNotOptimize(R.Files.size());
  }
  State.SetBytesProcessed(static_cast<int64_t>(State.iterations() * Bytes));
  State.counters["shards"] = Shards;
  fs::remove_all(Root);
}
BENCHMARK(BM_MergeShards)
    ->ArgName("shards")
    ->Arg(4)
    ->Arg(100)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

} // namespace

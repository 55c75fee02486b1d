// BenchmarksCommand.cpp - `exitbar benchmarks baseline`: store today's
// benchmark times
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/Benchmarks.h"
#include "exitbar/Files.h"
#include <fmt/core.h>

namespace exitbar::cli {

void addBenchmarksCommand(CLI::App &App, Context &Ctx) {
  CLI::App *Benchmarks = App.add_subcommand(
      "benchmarks", "Benchmark baselines the gate compares runs with.\n"
                    "Example: exitbar benchmarks baseline --input bench.json "
                    "-o benchmark-baseline.json");
  Benchmarks->require_subcommand(1);
  auto Inputs = std::make_shared<std::vector<std::string>>();
  auto Output = std::make_shared<std::string>("benchmark-baseline.json");
  CLI::App *Baseline = Benchmarks->add_subcommand(
      "baseline", "Store the times of Google Benchmark JSON results as the "
                  "baseline (commit it; later runs are compared with it).\n"
                  "Example: exitbar benchmarks baseline --input bench.json");
  Baseline
      ->add_option("--input", *Inputs,
                   "Google Benchmark JSON output (repeatable)")
      ->required();
  Baseline->add_option("-o,--output", *Output,
                       "Baseline file (default benchmark-baseline.json)");
  Baseline->callback([Inputs, Output, &Ctx] {
    std::vector<BenchmarkResult> All;
    for (const std::string &In : *Inputs)
      for (BenchmarkResult &R : readGoogleBenchmark(readFile(In), In))
        All.push_back(std::move(R));
    writeFileAtomically(*Output, benchmarkBaselineToJson(All));
    fmt::print("benchmark baseline: {} benchmarks -> {}\n", All.size(),
               *Output);
    Ctx.Exit = Success;
  });
}

} // namespace exitbar::cli

// TaintLinksBench.cpp - Google Benchmark of linking taint summaries across
// translation units
// SPDX-License-Identifier: Apache-2.0
//
// What `exitbar collect findings` adds for flows across units: N units,
// each with the summaries a unit of a C server has (docs/performance.md,
// "Linking taint summaries"; issue 16's bar: under 1 s per 1,000 units).
// Each unit defines 10 external functions, 3 of whose parameters reach a
// sink, passes data on to 5 functions of other units and hands untrusted
// data to 2: chains of up to 16 hops run through the whole project.

#include "exitbar/Evidence.h"
#include "exitbar/Findings.h"
#include <benchmark/benchmark.h>
#include <string>

using namespace exitbar;

namespace {

std::string fn(int Unit, int K) {
  return "c:@F@unit" + std::to_string(Unit) + "_fn" + std::to_string(K);
}

FindingsEvidence summariesOf(int Units) {
  FindingsEvidence E;
  const std::string Check = "exitbar-command-injection";
  std::vector<PathStep> Steps = {{"src/a.c", 10, 3, "it is passed on"},
                                 {"src/a.c", 11, 3, "it is stored in 'x'"}};
  for (int U = 0; U < Units; ++U) {
    for (int K = 0; K < 10; ++K) {
      if (K < 3) {
        TaintSummary Sink;
        Sink.K = TaintSummary::Kind::Sink;
        Sink.Check = Check;
        Sink.Function = fn(U, K);
        Sink.Parameter = 0;
        Sink.File = "src/unit" + std::to_string(U) + ".c";
        Sink.Line = 20 + K;
        Sink.Message = "'system' runs a shell command built from untrusted "
                       "input";
        Sink.LineText = "  system(cmd);";
        Sink.Steps = Steps;
        E.TaintSummaries.push_back(Sink);
      }
      if (K < 5) {
        TaintSummary Pass;
        Pass.K = TaintSummary::Kind::Pass;
        Pass.Check = Check;
        Pass.Function = fn(U, K + 5);
        Pass.Parameter = 0;
        Pass.Callee = fn((U * 7 + K + 1) % Units, (K * 3) % 10);
        Pass.Argument = 0;
        Pass.Steps = Steps;
        E.TaintSummaries.push_back(Pass);
      }
    }
    for (int K = 0; K < 2; ++K) {
      TaintSummary Source;
      Source.K = TaintSummary::Kind::Source;
      Source.Check = Check;
      Source.Callee = fn((U * 13 + K) % Units, 5 + K);
      Source.Argument = 0;
      Source.Remote = true;
      Source.Steps = Steps;
      E.TaintSummaries.push_back(Source);
    }
  }
  return E;
}

void BM_LinkTaintSummaries(benchmark::State &State) {
  int Units = static_cast<int>(State.range(0));
  FindingsEvidence Input = summariesOf(Units);
  size_t Found = 0;
  for (auto _ : State) {
    FindingsEvidence E = Input;
    linkTaintSummaries(E);
    Found = E.Findings.size();
    benchmark::DoNotOptimize(E.Findings.data());
  }
  State.counters["units"] = Units;
  State.counters["linked_findings"] = static_cast<double>(Found);
}
BENCHMARK(BM_LinkTaintSummaries)
    ->ArgName("units")
    ->Arg(10)
    ->Arg(100)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond);

} // namespace

// checked_math_bench.cpp - the cost of overflow checking (Google Benchmark)
#include "checked_math.h"
#include <benchmark/benchmark.h>

static void BM_CheckedAdd(benchmark::State &State) {
  int Sum = 0;
  for (auto _ : State) {
    auto R = checked_add(Sum, 3);
    Sum = R ? *R % 1000 : 0;
    benchmark::DoNotOptimize(Sum);
  }
}
BENCHMARK(BM_CheckedAdd);

static void BM_Describe(benchmark::State &State) {
  int Value = 0;
  for (auto _ : State)
    benchmark::DoNotOptimize(describe(++Value % 100));
}
BENCHMARK(BM_Describe);

BENCHMARK_MAIN();

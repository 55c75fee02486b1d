// bench.cpp - two tiny Google Benchmarks, the real producer of the JSON read
#include <benchmark/benchmark.h>
#include <string>

static void BM_Concat(benchmark::State &State) {
  for (auto _ : State) {
    std::string S = "a";
    for (int I = 0; I < 16; ++I)
      S += "b";
    benchmark::DoNotOptimize(S);
  }
}
BENCHMARK(BM_Concat);

static void BM_Sum(benchmark::State &State) {
  long Sum = 0;
  for (auto _ : State)
    benchmark::DoNotOptimize(Sum += State.iterations());
}
BENCHMARK(BM_Sum);

BENCHMARK_MAIN();

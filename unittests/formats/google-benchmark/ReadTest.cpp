// ReadTest.cpp - unit tests of the Google Benchmark reader and the baseline
// comparison
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Benchmarks.h"
#include "exitbar/Error.h"
#include <gtest/gtest.h>

using namespace exitbar;

TEST(GoogleBenchmarkTest, MeanAggregateStandsForRepetitionsAndUnitsBecomeNs) {
  auto R = readGoogleBenchmark(R"({"benchmarks": [
    {"name": "BM_A", "run_name": "BM_A", "run_type": "iteration", "real_time": 2, "cpu_time": 1, "time_unit": "us"},
    {"name": "BM_A", "run_name": "BM_A", "run_type": "iteration", "real_time": 4, "cpu_time": 3, "time_unit": "us"},
    {"name": "BM_A_mean", "run_name": "BM_A", "run_type": "aggregate", "aggregate_name": "mean", "real_time": 3, "cpu_time": 2, "time_unit": "us"},
    {"name": "BM_A_stddev", "run_name": "BM_A", "run_type": "aggregate", "aggregate_name": "stddev", "real_time": 1, "cpu_time": 1, "time_unit": "us"},
    {"name": "BM_B", "real_time": 5, "cpu_time": 4, "time_unit": "ms"},
    {"name": "BM_B", "real_time": 7, "cpu_time": 6, "time_unit": "ms"},
    {"name": "BM_Skipped", "error_occurred": true, "error_message": "no data"}
  ]})",
                               "b.json");
  ASSERT_EQ(R.size(), 2U);
  EXPECT_EQ(R[0].Name, "BM_A");
  EXPECT_DOUBLE_EQ(R[0].CpuNs, 2000);
  EXPECT_DOUBLE_EQ(R[0].RealNs, 3000);
  EXPECT_EQ(R[1].Name, "BM_B");
  EXPECT_DOUBLE_EQ(R[1].CpuNs, 5e6);
}

TEST(GoogleBenchmarkTest, ComparesWithTheBaselineOnTheChosenMetric) {
  BenchmarkBaseline B;
  B.Times = {{"BM_A", {100, 200}}, {"BM_Gone", {1, 1}}};
  BenchmarksEvidence E =
      compareBenchmarks({{"BM_New", 5, 5, {}, {}}, {"BM_A", 300, 110, {}, {}}},
                        B, "cpu", "base.json");
  ASSERT_EQ(E.Benchmarks.size(), 2U);
  EXPECT_EQ(E.Benchmarks[0].Name, "BM_A");
  EXPECT_DOUBLE_EQ(*E.Benchmarks[0].ChangePercent, 10);
  EXPECT_FALSE(E.Benchmarks[1].ChangePercent);
  EXPECT_EQ(E.Missing, std::vector<std::string>{"BM_Gone"});
  EXPECT_DOUBLE_EQ(maxRegressionPercent(E), 10);
  BenchmarksEvidence Real =
      compareBenchmarks({{"BM_A", 300, 110, {}, {}}}, B, "real", "base.json");
  EXPECT_DOUBLE_EQ(*Real.Benchmarks[0].ChangePercent, 50);
  EXPECT_THROW(compareBenchmarks({}, B, "wall", ""), Error);
}

TEST(GoogleBenchmarkTest, EvidenceAndBaselineRoundTrip) {
  BenchmarkBaseline B = parseBenchmarkBaseline(
      benchmarkBaselineToJson({{"BM_A", 200, 100, {}, {}}}), "b.json");
  EXPECT_EQ(B.Times.at("BM_A"), std::make_pair(100.0, 200.0));
  BenchmarksEvidence E =
      compareBenchmarks({{"BM_A", 220, 120, {}, {}}}, B, "cpu", "b.json");
  BenchmarksEvidence Back = benchmarksFromJson(benchmarksToJson(E), "e.json");
  EXPECT_EQ(Back.BaselineFile, "b.json");
  EXPECT_DOUBLE_EQ(*Back.Benchmarks[0].ChangePercent, 20);
  EXPECT_EQ(benchmarksToJson(Back), benchmarksToJson(E));
}

TEST(GoogleBenchmarkTest, ProblemsNameTheJsonPointer) {
  try {
    readGoogleBenchmark(
        R"({"benchmarks": [{"name": "x", "real_time": 1, "cpu_time": 1, "time_unit": "fortnights"}]})",
        "b.json");
    FAIL() << "no error";
  } catch (const Error &X) {
    EXPECT_EQ(X.id(), "input.benchmark.json");
    EXPECT_EQ(X.place(), "/benchmarks/0/time_unit");
  }
  EXPECT_THROW(readGoogleBenchmark("[", "b.json"), Error);
  EXPECT_THROW(parseBenchmarkBaseline(R"({"schema": "other"})", "b.json"),
               Error);
}

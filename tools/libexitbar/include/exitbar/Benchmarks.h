// Benchmarks.h - performance evidence: benchmark results against a stored
// baseline
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_BENCHMARKS_H
#define EXITBAR_BENCHMARKS_H

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exitbar {

/// One benchmark's time per iteration, and its change against the baseline.
struct BenchmarkResult {
  std::string Name;
  double RealNs = 0, CpuNs = 0;
  std::optional<double> BaselineNs;    ///< the baseline's time, same metric
  std::optional<double> ChangePercent; ///< +12.5: 12.5 % slower than baseline
};

/// evidence/benchmarks.json: the results of every benchmark run.
struct BenchmarksEvidence {
  std::vector<BenchmarkResult> Benchmarks; ///< sorted by name
  std::string Metric = "cpu";              ///< "cpu" or "real" time compared
  std::string BaselineFile;                ///< empty: no baseline given
  /// Benchmarks of the baseline that did not run this time.
  std::vector<std::string> Missing;
};

/// Reads Google Benchmark JSON (--benchmark_out_format=json). With
/// repetitions, the "mean" aggregate stands for a benchmark; otherwise the
/// iterations of one name are averaged. Times are converted to nanoseconds.
/// Throws Error (input.benchmark.json) with the JSON pointer of a problem.
/// Example: auto R = readGoogleBenchmark(readFile("bench.json"), "bench.json");
std::vector<BenchmarkResult> readGoogleBenchmark(std::string_view Text,
                                                 const std::string &Origin);

/// A baseline: each benchmark's time in nanoseconds for "cpu" and "real".
struct BenchmarkBaseline {
  std::map<std::string, std::pair<double, double>>
      Times; ///< name -> {cpu, real}
};

/// Compares \p Results with \p Baseline on \p Metric ("cpu" or "real").
/// Example: auto E = compareBenchmarks(R, B, "cpu", "bench-baseline.json");
BenchmarksEvidence
compareBenchmarks(std::vector<BenchmarkResult> Results,
                  const std::optional<BenchmarkBaseline> &Baseline,
                  const std::string &Metric, const std::string &BaselineFile);

/// The baseline file's text for \p Results (exitbar.benchmark-baseline).
std::string
benchmarkBaselineToJson(const std::vector<BenchmarkResult> &Results);
/// Parses a baseline file; throws Error (input.benchmark.baseline).
BenchmarkBaseline parseBenchmarkBaseline(std::string_view Text,
                                         const std::string &File);

/// evidence/benchmarks.json text, and back (throws Error naming \p File).
std::string benchmarksToJson(const BenchmarksEvidence &E);
BenchmarksEvidence benchmarksFromJson(std::string_view Text,
                                      const std::string &File);

/// The largest slow-down in percent (0 when nothing is slower or nothing
/// was compared).
double maxRegressionPercent(const BenchmarksEvidence &E);

} // namespace exitbar

#endif // EXITBAR_BENCHMARKS_H

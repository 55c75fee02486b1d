// Benchmarks.cpp - benchmark results compared with a baseline, and their
// evidence file
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Benchmarks.h"
#include "exitbar/Error.h"
#include "exitbar/Evidence.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/JsonCursor.h"
#include <algorithm>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace exitbar {

BenchmarksEvidence
compareBenchmarks(std::vector<BenchmarkResult> Results,
                  const std::optional<BenchmarkBaseline> &Baseline,
                  const std::string &Metric, const std::string &BaselineFile) {
  if (Metric != "cpu" && Metric != "real")
    throw Error("usage.benchmark.metric", "", "",
                "--metric is 'cpu' or 'real', not '" + Metric + "'");
  BenchmarksEvidence E;
  E.Metric = Metric;
  E.BaselineFile = BaselineFile;
  std::sort(Results.begin(), Results.end(),
            [](const BenchmarkResult &A, const BenchmarkResult &B) {
              return A.Name < B.Name;
            });
  for (BenchmarkResult &R : Results) {
    if (!Baseline)
      continue;
    auto It = Baseline->Times.find(R.Name);
    if (It == Baseline->Times.end())
      continue; // a new benchmark: nothing to compare with yet
    double Before = Metric == "cpu" ? It->second.first : It->second.second;
    double Now = Metric == "cpu" ? R.CpuNs : R.RealNs;
    R.BaselineNs = Before;
    if (Before > 0)
      R.ChangePercent = (Now - Before) / Before * 100;
  }
  if (Baseline)
    // Not a structured binding: C++17 lambdas cannot capture those (clang
    // rejects it), and ExitBar also builds with clang for the fuzzers.
    for (const auto &Entry : Baseline->Times) {
      const std::string &Name = Entry.first;
      if (std::none_of(
              Results.begin(), Results.end(),
              [&](const BenchmarkResult &R) { return R.Name == Name; }))
        E.Missing.push_back(Name);
    }
  E.Benchmarks = std::move(Results);
  return E;
}

double maxRegressionPercent(const BenchmarksEvidence &E) {
  double Max = 0;
  for (const BenchmarkResult &R : E.Benchmarks)
    if (R.ChangePercent)
      Max = std::max(Max, *R.ChangePercent);
  return Max;
}

std::string
benchmarkBaselineToJson(const std::vector<BenchmarkResult> &Results) {
  json Times = json::object();
  for (const BenchmarkResult &R : Results)
    Times[R.Name] = json{{"cpu_ns", R.CpuNs}, {"real_ns", R.RealNs}};
  return dumpCanonical(json{{"schema", "exitbar.benchmark-baseline"},
                            {"schema_version", EvidenceSchemaVersion},
                            {"benchmarks", Times}});
}

BenchmarkBaseline parseBenchmarkBaseline(std::string_view Text,
                                         const std::string &File) {
  json J = parseJsonText(Text, File);
  if (!memberIs(J, "schema", "exitbar.benchmark-baseline"))
    throw Error("input.benchmark.baseline", File, "/schema",
                "expected 'exitbar.benchmark-baseline' (written by `exitbar "
                "benchmarks baseline`)");
  BenchmarkBaseline B;
  auto It = J.find("benchmarks");
  if (It == J.end() || !It->is_object())
    throw Error("input.benchmark.baseline", File, "/benchmarks",
                "must be an object");
  for (const auto &[Name, T] : It->items()) {
    std::string P = "/benchmarks/" + Name;
    if (!T.is_object() || !T.contains("cpu_ns") || !T["cpu_ns"].is_number() ||
        !T.contains("real_ns") || !T["real_ns"].is_number())
      throw Error("input.benchmark.baseline", File, P,
                  "needs numbers 'cpu_ns' and 'real_ns'");
    B.Times[Name] = {T["cpu_ns"].get<double>(), T["real_ns"].get<double>()};
  }
  return B;
}

std::string benchmarksToJson(const BenchmarksEvidence &E) {
  json List = json::array();
  for (const BenchmarkResult &R : E.Benchmarks) {
    json B{{"name", R.Name}, {"cpu_ns", R.CpuNs}, {"real_ns", R.RealNs}};
    B["baseline_ns"] = R.BaselineNs ? json(*R.BaselineNs) : json(nullptr);
    B["change_percent"] =
        R.ChangePercent ? json(*R.ChangePercent) : json(nullptr);
    List.push_back(std::move(B));
  }
  return dumpCanonical(
      json{{"schema", "exitbar.benchmarks"},
           {"schema_version", EvidenceSchemaVersion},
           {"metric", E.Metric},
           {"baseline",
            E.BaselineFile.empty() ? json(nullptr) : json(E.BaselineFile)},
           {"missing_from_run", E.Missing},
           {"max_regression_percent", maxRegressionPercent(E)},
           {"benchmarks", List}});
}

BenchmarksEvidence benchmarksFromJson(std::string_view Text,
                                      const std::string &File) {
  json J = parseJsonText(Text, File);
  JsonCursor C = openEvidence(J, "exitbar.benchmarks", File);
  BenchmarksEvidence E;
  E.Metric = C.at("metric").string();
  E.BaselineFile = C.at("baseline").stringOrNull().value_or("");
  E.Missing = C.at("missing_from_run").strings();
  for (const JsonCursor &B : C.at("benchmarks").elements()) {
    BenchmarkResult R;
    R.Name = B.at("name").string();
    R.CpuNs = B.at("cpu_ns").number();
    R.RealNs = B.at("real_ns").number();
    R.BaselineNs = B.at("baseline_ns").numberOrNull();
    R.ChangePercent = B.at("change_percent").numberOrNull();
    E.Benchmarks.push_back(std::move(R));
  }
  return E;
}

} // namespace exitbar

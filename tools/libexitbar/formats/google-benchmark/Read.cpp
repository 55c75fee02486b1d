// Read.cpp - reader of Google Benchmark's JSON output
// SPDX-License-Identifier: Apache-2.0
//
// Format: --benchmark_out_format=json (benchmark 1.5+): {"context": {...},
// "benchmarks": [{"name", "run_name", "run_type": "iteration"|"aggregate",
// "aggregate_name": "mean"|"median"|"stddev"|"cv", "real_time", "cpu_time",
// "time_unit": "ns"|"us"|"ms"|"s", "iterations", "error_occurred"}]}.

#include "exitbar/Benchmarks.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include <map>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace exitbar {
namespace {

[[noreturn]] void benchmarkJsonError(const std::string &Origin,
                                     const std::string &Pointer,
                                     const std::string &Message) {
  throw Error("input.benchmark.json", Origin, Pointer, Message);
}

double toNanoseconds(double V, const std::string &Unit,
                     const std::string &Origin, const std::string &Pointer) {
  if (Unit == "ns")
    return V;
  if (Unit == "us")
    return V * 1e3;
  if (Unit == "ms")
    return V * 1e6;
  if (Unit == "s")
    return V * 1e9;
  benchmarkJsonError(Origin, Pointer + "/time_unit",
                     "unknown time unit '" + Unit + "'");
}

double number(const json &B, const char *Key, const std::string &Origin,
              const std::string &Pointer) {
  auto It = B.find(Key);
  if (It == B.end() || !It->is_number() || It->get<double>() < 0)
    benchmarkJsonError(Origin, Pointer + "/" + Key,
                       "must be a non-negative number");
  return It->get<double>();
}

} // namespace

std::vector<BenchmarkResult> readGoogleBenchmark(std::string_view Text,
                                                 const std::string &Origin) {
  checkJsonDepth(Text, Origin);
  json Doc = json::parse(Text, nullptr, /*allow_exceptions=*/false);
  if (Doc.is_discarded())
    benchmarkJsonError(Origin, "", "not valid JSON");
  if (!Doc.is_object() || !Doc.contains("benchmarks") ||
      !Doc["benchmarks"].is_array())
    benchmarkJsonError(Origin, "/benchmarks",
                       "missing: not Google Benchmark JSON output");
  struct Sum {
    double Real = 0, Cpu = 0;
    int Runs = 0;
    bool Mean = false;
  };
  std::map<std::string, Sum> Sums;
  const json &List = Doc["benchmarks"];
  // value() throws json's type_error for a member of another type (an
  // "error_occurred" that is a string); that is an input error like the rest.
  try {
    for (size_t I = 0; I < List.size(); ++I) {
      std::string P = "/benchmarks/" + std::to_string(I);
      const json &B = List[I];
      if (!B.is_object())
        benchmarkJsonError(Origin, P, "not an object");
      if (B.value("error_occurred", false))
        continue; // the benchmark skipped itself with SkipWithError
      std::string Type = B.value("run_type", "iteration");
      std::string Aggregate = B.value("aggregate_name", "");
      if (Type == "aggregate" && Aggregate != "mean")
        continue;
      auto Name = B.find(Type == "aggregate" ? "run_name" : "name");
      if (Name == B.end() || !Name->is_string())
        benchmarkJsonError(Origin, P + "/name", "must be a string");
      std::string Unit = B.value("time_unit", "ns");
      double Real =
          toNanoseconds(number(B, "real_time", Origin, P), Unit, Origin, P);
      double Cpu =
          toNanoseconds(number(B, "cpu_time", Origin, P), Unit, Origin, P);
      Sum &S = Sums[Name->get<std::string>()];
      if (Type == "aggregate") {
        S = {Real, Cpu, 1, true}; // the mean of the repetitions stands alone
      } else if (!S.Mean) {
        S.Real += Real;
        S.Cpu += Cpu;
        ++S.Runs;
      }
    }
  } catch (const json::exception &X) {
    benchmarkJsonError(Origin, "/benchmarks", X.what());
  }
  std::vector<BenchmarkResult> Out;
  Out.reserve(Sums.size());
  for (const auto &[Name, S] : Sums)
    Out.push_back(
        {Name, S.Real / S.Runs, S.Cpu / S.Runs, std::nullopt, std::nullopt});
  return Out;
}

} // namespace exitbar

// ReadersBench.cpp - Google Benchmark microbenchmarks of the readers on the hot
// path of a gate
// SPDX-License-Identifier: Apache-2.0
//
// Every gate reads the coverage and test reports of the whole build, so the
// readers' throughput bounds how far ExitBar scales (docs/performance.md,
// "Readers"). The inputs are generated in memory at the sizes of a large
// project: Arg = files (coverage) or test cases (JUnit), 200 lines a file.
// Bytes per second are reported, so runs at different sizes compare.

#include "formats/cobertura/Read.h"
#include "formats/gcov-json/Read.h"
#include "formats/junit/Read.h"
#include "formats/lcov/Read.h"
#include <benchmark/benchmark.h>
#include <string>

namespace {

constexpr int LinesPerFile = 200;

// Hit counts that vary (some lines never run, some run often) so the
// readers' number parsing sees realistic digits, not one constant.
long long hitsOf(int File, int Line) {
  return (File * 7 + Line * 13) % 5 == 0 ? 0 : (Line * 31) % 1000;
}

std::string lcovText(int Files) {
  std::string Out;
  for (int F = 0; F < Files; ++F) {
    Out += "TN:\nSF:/src/module" + std::to_string(F) + "/file.cpp\n";
    Out += "FN:10,fn" + std::to_string(F) + "\nFNDA:3,fn" + std::to_string(F) +
           "\n";
    for (int L = 1; L <= LinesPerFile; ++L) {
      Out +=
          "DA:" + std::to_string(L) + "," + std::to_string(hitsOf(F, L)) + "\n";
      if (L % 10 == 0)
        Out += "BRDA:" + std::to_string(L) +
               ",0,0,1\nBRDA:" + std::to_string(L) + ",0,1,-\n";
    }
    Out += "LF:" + std::to_string(LinesPerFile) + "\nend_of_record\n";
  }
  return Out;
}

std::string gcovJsonText(int Files) {
  std::string Out =
      R"({"format_version": "1", "gcc_version": "12.2.0", )"
      R"("current_working_directory": "/src", "data_file": "all.gcda", "files": [)";
  for (int F = 0; F < Files; ++F) {
    if (F)
      Out += ", ";
    Out +=
        R"({"file": "module)" + std::to_string(F) +
        R"x(/file.cpp", "functions": [{"name": "fn", "demangled_name": "fn()", )x"
        R"("start_line": 1, "start_column": 1, "end_line": 200, "end_column": 1, )"
        R"("blocks": 4, "blocks_executed": 3, "execution_count": 3}], "lines": [)";
    for (int L = 1; L <= LinesPerFile; ++L) {
      if (L > 1)
        Out += ", ";
      Out += R"({"line_number": )" + std::to_string(L) +
             R"(, "function_name": "fn", "count": )" +
             std::to_string(hitsOf(F, L)) +
             R"(, "unexecuted_block": false, "branches": [)";
      if (L % 10 == 0)
        Out += R"({"count": 1, "fallthrough": true, "throw": false}, )"
               R"({"count": 0, "fallthrough": false, "throw": false})";
      Out += "]}";
    }
    Out += "]}";
  }
  return Out + "]}";
}

std::string coberturaText(int Files) {
  std::string Out =
      R"(<?xml version="1.0"?><coverage line-rate="0.8" branch-rate="0.5" )"
      R"(version="gcovr 5.2" timestamp="1"><sources><source>/src</source></sources>)"
      R"(<packages><package name="p" line-rate="0.8" branch-rate="0.5" complexity="0"><classes>)";
  for (int F = 0; F < Files; ++F) {
    Out +=
        R"(<class name="file)" + std::to_string(F) + R"(" filename="module)" +
        std::to_string(F) +
        R"(/file.cpp" line-rate="0.8" branch-rate="0.5" complexity="0"><methods/><lines>)";
    for (int L = 1; L <= LinesPerFile; ++L) {
      Out += R"(<line number=")" + std::to_string(L) + R"(" hits=")" +
             std::to_string(hitsOf(F, L));
      Out += L % 10 == 0
                 ? R"x(" branch="true" condition-coverage="50% (1/2)"/>)x"
                 : R"(" branch="false"/>)";
    }
    Out += "</lines></class>";
  }
  return Out + "</classes></package></packages></coverage>";
}

std::string junitText(int Cases) {
  std::string Out =
      R"(<?xml version="1.0" encoding="UTF-8"?><testsuites><testsuite name="all" tests=")" +
      std::to_string(Cases) + R"(">)";
  for (int C = 0; C < Cases; ++C) {
    Out += R"(<testcase classname="Suite)" + std::to_string(C / 50) +
           R"(" name="case)" + std::to_string(C) + R"(" time="0.0)" +
           std::to_string(C % 10) + R"(")";
    if (C % 100 == 99)
      Out +=
          R"(><failure message="expected 1, got 2">at test.cpp:12</failure></testcase>)";
    else if (C % 100 == 98)
      Out += R"(><skipped/></testcase>)";
    else
      Out += "/>";
  }
  return Out + "</testsuite></testsuites>";
}

template <typename Read>
void runReader(benchmark::State &State, const std::string &Text,
               Read &&Reader) {
  for (auto _ : State)
    benchmark::DoNotOptimize(Reader(Text));
  State.SetBytesProcessed(static_cast<int64_t>(State.iterations()) *
                          static_cast<int64_t>(Text.size()));
}

void BM_ReadLcov(benchmark::State &State) {
  runReader(State, lcovText(static_cast<int>(State.range(0))),
            [](const std::string &T) {
              return exitbar::formats::readLcov(T, "bench.info");
            });
}
BENCHMARK(BM_ReadLcov)
    ->Arg(10)
    ->Arg(100)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond);

void BM_ReadGcovJson(benchmark::State &State) {
  runReader(State, gcovJsonText(static_cast<int>(State.range(0))),
            [](const std::string &T) {
              return exitbar::formats::readGcovJson(T, "bench.gcov.json");
            });
}
BENCHMARK(BM_ReadGcovJson)
    ->Arg(10)
    ->Arg(100)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond);

void BM_ReadCobertura(benchmark::State &State) {
  runReader(State, coberturaText(static_cast<int>(State.range(0))),
            [](const std::string &T) {
              return exitbar::formats::readCobertura(T, "bench.xml");
            });
}
BENCHMARK(BM_ReadCobertura)
    ->Arg(10)
    ->Arg(100)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond);

void BM_ReadJUnit(benchmark::State &State) {
  runReader(State, junitText(static_cast<int>(State.range(0))),
            [](const std::string &T) {
              return exitbar::formats::readJUnit(T, "bench.xml");
            });
}
BENCHMARK(BM_ReadJUnit)->Arg(100)->Arg(10000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();

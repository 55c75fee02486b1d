// EnergyTest.cpp - unit tests of the energy evidence kind: Ninja log, power
// model, RAPL, collector, metrics and report section
// SPDX-License-Identifier: Apache-2.0

#include "kinds/energy/Energy.h"
#include "TestDir.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include "exitbar/Metrics.h"
#include "exitbar/Verdict.h"
#include <filesystem>
#include <gtest/gtest.h>

using namespace exitbar;
using namespace exitbar::energy;
namespace fs = std::filesystem;

namespace {

TEST(EnergyTest, NinjaLogCountsEachEdgeOnceAndItsNewestRun) {
  // a.o built twice (the newest, 300 ms, counts); x.h and x.c are the two
  // outputs of one edge (200 ms once).
  std::string Log = "# ninja log v5\n"
                    "0\t1000\t1\ta.o\th1\n"
                    "0\t300\t2\ta.o\th1\n"
                    "100\t300\t3\tx.h\th2\n"
                    "100\t300\t3\tx.c\th2\n";
  NinjaLogTotals T = readNinjaLog(Log, ".ninja_log");
  EXPECT_EQ(T.Edges, 2);
  EXPECT_DOUBLE_EQ(T.Seconds, 0.5);
}

TEST(EnergyTest, MalformedNinjaLogNamesTheLine) {
  try {
    readNinjaLog("# ninja log v5\n0\t10\t1\ta.o\th\n5\t1\t1\tb.o\th\n", "L");
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.ninja-log.record");
    EXPECT_EQ(E.place(), "3");
  }
  EXPECT_THROW(readNinjaLog("not a log\n", "L"), Error);
  EXPECT_THROW(readNinjaLog("", "L"), Error);
}

TEST(EnergyTest, PowerModelAndRaplPricing) {
  EnergyInputs In;
  In.WattsPerCore = 10;
  In.Pue = 1.5;
  In.GridGramsPerKwh = 400;
  EnergyActivity A;
  A.CpuSeconds = 3600; // one core-hour at 10 W: 10 Wh, x 1.5 PUE
  price(A, In);
  EXPECT_EQ(A.Method, "power-model");
  EXPECT_NEAR(A.Kwh, 0.015, 1e-12);
  EXPECT_NEAR(A.KgCo2e, 0.006, 1e-12);
  A.RaplJoules = 3.6e6; // 1 kWh measured, x 1.5 PUE
  price(A, In);
  EXPECT_EQ(A.Method, "rapl");
  EXPECT_NEAR(A.Kwh, 1.5, 1e-12);
  EXPECT_NEAR(A.KgCo2e, 0.6, 1e-12);
}

class EnergyCollectTest : public ::testing::Test {
protected:
  void SetUp() override { Dir = test::freshTestDir("energy"); }
  void TearDown() override { fs::remove_all(Dir); }
  fs::path Dir;
};

TEST_F(EnergyCollectTest, MeasuresACommandWithItsOwnCpuTime) {
  CollectRequest R;
  R.Options["--grid-intensity"] = {"380"};
  R.Options["--rapl-dir"] = {(Dir / "no-powercap").string()};
  // Busy for a moment, then fail: the exit code is kept.
  R.Command = {"sh", "-c",
               "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; "
               "exit 3"};
  CollectResult Out = collectEnergy(R);
  EXPECT_EQ(Out.ExitCode, 3);
  EnergyEvidence E = energyFromJson(Out.Evidence, "energy.json");
  ASSERT_TRUE(E.TestRun);
  EXPECT_FALSE(E.Build);
  EXPECT_EQ(E.TestRun->Method, "power-model");
  EXPECT_GT(E.TestRun->CpuSeconds, 0);
  EXPECT_NEAR(E.TestRun->Kwh, E.TestRun->CpuSeconds * 3.5 / 3.6e6, 1e-15);
  EXPECT_EQ(*E.TestRun->ExitCode, 3);
  EXPECT_EQ(E.Inputs.GridGramsPerKwh, 380);
}

TEST_F(EnergyCollectTest, ReadsRaplPackageCountersWhenReadable) {
  // As in sysfs: packages and their sub-domains side by side.
  fs::create_directories(Dir / "intel-rapl:0");
  fs::create_directories(Dir / "intel-rapl:0:0");
  writeFileAtomically((Dir / "intel-rapl:0" / "energy_uj").string(),
                      "2500000\n");
  // A sub-domain is inside its package: not added again.
  writeFileAtomically((Dir / "intel-rapl:0:0" / "energy_uj").string(), "7\n");
  ASSERT_TRUE(readRaplJoules(Dir.string()));
  EXPECT_DOUBLE_EQ(*readRaplJoules(Dir.string()), 2.5);
  EXPECT_FALSE(readRaplJoules((Dir / "none").string()));
  CollectRequest R;
  R.Options["--grid-intensity"] = {"380"};
  R.Options["--rapl-dir"] = {Dir.string()};
  R.Command = {"true"};
  EnergyEvidence E = energyFromJson(collectEnergy(R).Evidence, "energy.json");
  ASSERT_TRUE(E.TestRun);
  EXPECT_EQ(E.TestRun->Method, "rapl");
  EXPECT_EQ(E.TestRun->RaplJoules, 0.0); // the fake counter did not move
}

TEST_F(EnergyCollectTest, NeedsAGridIntensityAndSomethingToMeasure) {
  CollectRequest R;
  R.Command = {"true"};
  EXPECT_THROW(collectEnergy(R), Error);
  R.Options["--grid-intensity"] = {"380"};
  R.Command.clear();
  EXPECT_THROW(collectEnergy(R), Error);
  R.Options["--grid-intensity"] = {"-1"};
  R.Command = {"true"};
  EXPECT_THROW(collectEnergy(R), Error);
}

TEST_F(EnergyCollectTest, GrowthOverABaselineAndNoDataWithoutOne) {
  std::string Log = (Dir / ".ninja_log").string();
  writeFileAtomically(Log, "# ninja log v5\n0\t2000\t1\ta.o\th\n");
  EnergyEvidence Base;
  Base.Inputs.GridGramsPerKwh = 380;
  EnergyActivity Run;
  Run.Source = "ctest";
  Run.CpuSeconds = 1e-9; // far below any real run: growth is positive
  price(Run, Base.Inputs);
  Base.TestRun = Run;
  std::string BaseFile = (Dir / "base.json").string();
  writeFileAtomically(BaseFile, energyToJson(Base));

  CollectRequest R;
  R.Options["--grid-intensity"] = {"380"};
  R.Options["--ninja-log"] = {Log};
  R.Options["--baseline"] = {BaseFile};
  R.Command = {"sh", "-c", "i=0; while [ $i -lt 5000 ]; do i=$((i+1)); done"};
  writeFileAtomically((Dir / "energy.json").string(),
                      collectEnergy(R).Evidence);
  EvidenceSet Set = loadEvidence(Dir.string());
  const EnergyEvidence *E = Set.kind<EnergyEvidence>("energy");
  ASSERT_TRUE(E);
  ASSERT_TRUE(E->Build);
  EXPECT_DOUBLE_EQ(E->Build->CpuSeconds, 2);
  EXPECT_EQ(E->Build->Edges, 1);
  ASSERT_TRUE(E->TestRunGrowthPercent);
  EXPECT_GT(*E->TestRunGrowthPercent, 0);

  std::vector<FindingResult> None;
  const MetricDef *Growth = findMetric("energy.test_run_growth_percent");
  ASSERT_TRUE(Growth);
  EXPECT_TRUE(
      Growth->Measure({"energy.test_run_growth_percent", Set, None}).Value);
  // The same evidence without a baseline: no data, never a pass.
  R.Options.erase("--baseline");
  writeFileAtomically((Dir / "energy.json").string(),
                      collectEnergy(R).Evidence);
  Set = loadEvidence(Dir.string());
  Measurement M =
      Growth->Measure({"energy.test_run_growth_percent", Set, None});
  EXPECT_FALSE(M.Value);
  EXPECT_NE(M.NoData.find("no baseline"), std::string::npos);
  // No energy evidence at all: no evidence.
  fs::remove(Dir / "energy.json");
  Set = loadEvidence(Dir.string());
  EXPECT_FALSE(findMetric("energy.test_run_kwh")
                   ->Measure({"energy.test_run_kwh", Set, None})
                   .Value);
}

TEST(EnergyTest, ReportSectionShowsTheMethod) {
  EnergyEvidence E;
  E.Inputs.GridGramsPerKwh = 380;
  EnergyActivity Run;
  Run.Source = "ctest";
  Run.CpuSeconds = 10;
  price(Run, E.Inputs);
  E.TestRun = Run;
  EvidenceSet Set;
  Set.Kinds["energy"] = E;
  std::optional<ReportSection> S = energy::kind().Report(Set);
  ASSERT_TRUE(S);
  EXPECT_EQ(S->Title, "Energy and CO2e");
  ASSERT_EQ(S->Rows.size(), 3u);
  EXPECT_EQ(S->Rows[0].second, "not measured");
  EXPECT_NE(S->Rows[1].second.find("power-model"), std::string::npos);
  EXPECT_NE(S->Note.find("380 gCO2e/kWh"), std::string::npos);
  EXPECT_FALSE(energy::kind().Report(EvidenceSet{}));
}

} // namespace

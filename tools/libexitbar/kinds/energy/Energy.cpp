// Energy.cpp - the energy kind: its power model, metrics and report section
// SPDX-License-Identifier: Apache-2.0

#include "kinds/energy/Energy.h"
#include "exitbar/Error.h"
#include "exitbar/Verdict.h"
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

namespace exitbar::energy {

NinjaLogTotals readNinjaLog(std::string_view Text, const std::string &File) {
  // Ninja appends a record per output each time it runs an edge; the
  // newest record of an output is the current build. An edge with several
  // outputs writes one record per output with the same times and hash.
  std::map<std::string, std::tuple<long long, long long, std::string>> Newest;
  size_t LineNo = 0, Pos = 0;
  bool Header = false;
  while (Pos < Text.size()) {
    size_t End = Text.find('\n', Pos);
    std::string_view Line =
        Text.substr(Pos, End == std::string_view::npos ? End : End - Pos);
    Pos = End == std::string_view::npos ? Text.size() : End + 1;
    ++LineNo;
    if (LineNo == 1) {
      Header = Line.rfind("# ninja log v", 0) == 0;
      if (!Header)
        throw Error("input.ninja-log.header", File, "1",
                    "not a Ninja log (no '# ninja log v5' header)");
      continue;
    }
    if (Line.empty() || Line[0] == '#')
      continue;
    std::vector<std::string_view> Fields;
    for (size_t Start = 0;;) {
      size_t Tab = Line.find('\t', Start);
      Fields.push_back(Line.substr(
          Start, Tab == std::string_view::npos ? Tab : Tab - Start));
      if (Tab == std::string_view::npos)
        break;
      Start = Tab + 1;
    }
    long long StartMs = 0, EndMs = 0;
    if (Fields.size() != 5 ||
        std::sscanf(std::string(Fields[0]).c_str(), "%lld", &StartMs) != 1 ||
        std::sscanf(std::string(Fields[1]).c_str(), "%lld", &EndMs) != 1 ||
        EndMs < StartMs || StartMs < 0)
      throw Error("input.ninja-log.record", File, std::to_string(LineNo),
                  "expected 'start<TAB>end<TAB>mtime<TAB>output<TAB>hash' "
                  "with end >= start >= 0");
    Newest[std::string(Fields[3])] = {StartMs, EndMs, std::string(Fields[4])};
  }
  if (!Header)
    throw Error("input.ninja-log.header", File, "1", "empty Ninja log");
  std::set<std::tuple<long long, long long, std::string>> Edges;
  for (const auto &[Output, Edge] : Newest)
    Edges.insert(Edge);
  NinjaLogTotals T;
  for (const auto &[Start, End, Hash] : Edges) {
    T.Seconds += static_cast<double>(End - Start) / 1000;
    ++T.Edges;
  }
  return T;
}

double modelKwh(double CpuSeconds, const EnergyInputs &In) {
  // W x s = J; 3.6e6 J = 1 kWh.
  return CpuSeconds * In.WattsPerCore * In.Pue / 3.6e6;
}

void price(EnergyActivity &A, const EnergyInputs &In) {
  if (A.RaplJoules) {
    A.Method = "rapl";
    A.Kwh = *A.RaplJoules * In.Pue / 3.6e6;
  } else {
    A.Method = "power-model";
    A.Kwh = modelKwh(A.CpuSeconds, In);
  }
  A.KgCo2e = A.Kwh * In.GridGramsPerKwh / 1000;
}

std::string energyQuantity(double Value, const char *Unit) {
  char Buf[48];
  std::snprintf(Buf, sizeof Buf, "%.3g %s", Value, Unit);
  return Buf;
}

namespace {

const EnergyEvidence *energyOf(const EvidenceSet &E) {
  return E.kind<EnergyEvidence>("energy");
}

std::string describe(const EnergyActivity &A) {
  char Line[120];
  std::snprintf(Line, sizeof Line, " (%s, %.2f CPU s%s)", A.Method.c_str(),
                A.CpuSeconds, A.RaplJoules ? ", RAPL" : "");
  return A.Source + ": " + energyQuantity(A.Kwh, "kWh") + ", " +
         energyQuantity(A.KgCo2e, "kg CO2e") + Line;
}

/// A metric of one activity: \p Of(activity); no such activity measured is
/// no evidence (never a pass).
Measurement activity(const MetricInput &In, bool Build,
                     double (*Of)(const EnergyActivity &)) {
  Measurement M{std::nullopt, "energy.json", {}};
  const EnergyEvidence *E = energyOf(In.Evidence);
  if (!E)
    return M;
  const std::optional<EnergyActivity> &A = Build ? E->Build : E->TestRun;
  if (!A) {
    M.NoData = Build ? "no build was measured (no .ninja_log given)"
                     : "no test run was measured";
    return M;
  }
  M.Value = Of(*A);
  M.Items.push_back(describe(*A));
  return M;
}

Measurement growth(const MetricInput &In) {
  Measurement M{std::nullopt, "energy.json", {}};
  const EnergyEvidence *E = energyOf(In.Evidence);
  if (!E)
    return M;
  // No baseline is no comparison, not 0 % growth (like benchmarks).
  if (!E->TestRunGrowthPercent) {
    M.NoData = E->BaselineFile.empty()
                   ? "no baseline was given, so no growth was measured"
                   : "the baseline " + E->BaselineFile +
                         " or this run has no test-run energy";
    return M;
  }
  M.Value = *E->TestRunGrowthPercent;
  M.Items.push_back(
      "test run " + energyQuantity(E->TestRun ? E->TestRun->Kwh : 0.0, "kWh") +
      ", baseline " + energyQuantity(E->BaselineTestRunKwh.value_or(0), "kWh"));
  return M;
}

std::optional<ReportSection> report(const EvidenceSet &Set) {
  const EnergyEvidence *E = energyOf(Set);
  if (!E)
    return std::nullopt;
  ReportSection S;
  S.Id = "energy";
  S.Title = "Energy and CO2e";
  auto Number = [](const char *Format, double V) {
    char Buf[64];
    std::snprintf(Buf, sizeof Buf, Format, V);
    return std::string(Buf);
  };
  const std::pair<const char *, const std::optional<EnergyActivity> *>
      Activities[] = {{"build", &E->Build}, {"test run", &E->TestRun}};
  for (const auto &[Name, A] : Activities) {
    if (!*A) {
      S.Rows.emplace_back(Name, "not measured");
      continue;
    }
    S.Rows.emplace_back(Name, energyQuantity((*A)->Kwh, "kWh") + ", " +
                                  energyQuantity((*A)->KgCo2e, "kg CO2e") +
                                  " (" + (*A)->Method + ", " +
                                  Number("%.2f CPU s", (*A)->CpuSeconds) +
                                  ", " + (*A)->Source + ")");
  }
  S.Rows.emplace_back("growth over baseline",
                      E->TestRunGrowthPercent
                          ? Number("%+.1f %%", *E->TestRunGrowthPercent)
                          : "no baseline");
  S.Note = "Method: RAPL package counters when readable, else CPU seconds x " +
           Number("%.2f", E->Inputs.WattsPerCore) + " W per core; x PUE " +
           Number("%.2f", E->Inputs.Pue) + "; x " +
           Number("%.0f", E->Inputs.GridGramsPerKwh) +
           " gCO2e/kWh (docs/energy.md).";
  return S;
}

std::any read(const std::string &Text, const std::string &File) {
  return energyFromJson(Text, File);
}

} // namespace

const EvidenceKind &kind() {
  static const EvidenceKind K{
      "energy",
      "energy.json",
      "Measure the CPU time, energy (kWh) and CO2e of the build (from its "
      ".ninja_log) and of a test run (the command after --) into "
      "evidence/energy.json.\n"
      "Example: exitbar collect energy --grid-intensity 380 --ninja-log "
      "build/.ninja_log -o build/exitbar/evidence/energy.json -- ctest "
      "--test-dir build",
      read,
      {
          {"energy.test_run_kwh", "energy.json",
           "kWh of one test run (RAPL, else CPU seconds x W/core) x PUE",
           [](const MetricInput &In) {
             return activity(In, false,
                             [](const EnergyActivity &A) { return A.Kwh; });
           }},
          {"energy.test_run_kg_co2e", "energy.json",
           "kg CO2e of one test run (kWh x grid intensity)",
           [](const MetricInput &In) {
             return activity(In, false,
                             [](const EnergyActivity &A) { return A.KgCo2e; });
           }},
          {"energy.build_kwh", "energy.json",
           "kWh of the build (Ninja log edge seconds x W/core x PUE)",
           [](const MetricInput &In) {
             return activity(In, true,
                             [](const EnergyActivity &A) { return A.Kwh; });
           }},
          {"energy.test_run_growth_percent", "energy.json",
           "growth of test-run kWh over the baseline; none is no data", growth},
      },
      {
          {"--ninja-log", "Ninja's log of the build (build/.ninja_log)"},
          {"--grid-intensity",
           "Grid carbon intensity in gCO2e/kWh (or the policy's "
           "energy.grid_gco2e_per_kwh)"},
          {"--pue", "Power usage effectiveness (default 1.0)"},
          {"--watts-per-core",
           "Watts per fully loaded core of the power model (default 3.5)"},
          {"--policy", "Policy whose \"energy\" section gives the inputs"},
          {"--baseline", "An earlier energy.json to compare the test run with"},
          {"--rapl-dir", "Powercap folder to read RAPL counters from (default "
                         "/sys/class/powercap)"},
          {"--env",
           "Set NAME=VALUE in the measured command's environment "
           "(repeatable)",
           /*Multiple=*/true},
          {"--discard-output",
           "The measured command's standard output goes nowhere (the "
           "gate's test run)",
           /*Multiple=*/false, /*Required=*/false, /*DeprecatedAlias=*/nullptr,
           /*ExistingDirectory=*/false, /*IsFlag=*/true},
          {"-o,--output",
           "Evidence file (default exitbar/evidence/energy.json)"},
      },
      /*TakesCommand=*/true,
      collectEnergy,
      report,
      ShardMerge::None,
      /*AddUp=*/nullptr,
      /*PolicySection=*/"energy",
      checkPolicySection,
  };
  return K;
}

} // namespace exitbar::energy

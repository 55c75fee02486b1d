// Energy.h - the energy evidence kind: CPU time, kWh and CO2e of a release
// SPDX-License-Identifier: Apache-2.0
//
// Schema: docs/evidence-schema/energy.md. Method: docs/energy.md.

#ifndef EXITBAR_KINDS_ENERGY_H
#define EXITBAR_KINDS_ENERGY_H

#include "exitbar/EvidenceKinds.h"
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exitbar::energy {

/// The power model and emission factors, all recorded in the evidence so
/// that every figure can be recomputed from it.
struct EnergyInputs {
  /// Watts one core draws at full load (Cloud Carbon Footprint's average
  /// maximum per vCPU, 3.5 W, by default).
  double WattsPerCore = 3.5;
  /// Power usage effectiveness of the data centre (1.0: none counted).
  double Pue = 1.0;
  /// Grid carbon intensity in gCO2e/kWh; required.
  double GridGramsPerKwh = 0;
};

/// One measured activity: the build or one test run.
struct EnergyActivity {
  std::string Source; ///< ".ninja_log", or the command run
  /// CPU seconds: the build's summed edge durations, or the command's
  /// user + system time from wait4.
  double CpuSeconds = 0;
  double WallSeconds = 0;
  /// Joules the RAPL package counters advanced by over the run (whole
  /// machine), when they were readable.
  std::optional<double> RaplJoules;
  std::string Method; ///< "rapl" or "power-model"
  double Kwh = 0;     ///< facility energy (PUE applied)
  double KgCo2e = 0;
  int Edges = 0;               ///< build: the edges in the log
  std::optional<int> ExitCode; ///< test run: the command's exit code
};

/// evidence/energy.json.
struct EnergyEvidence {
  EnergyInputs Inputs;
  std::optional<EnergyActivity> Build;
  std::optional<EnergyActivity> TestRun;
  std::string BaselineFile; ///< empty: no baseline given
  std::optional<double> BaselineTestRunKwh;
  /// (test run kWh / baseline kWh - 1) x 100, when both exist.
  std::optional<double> TestRunGrowthPercent;
};

/// Edge durations of a Ninja log (`.ninja_log`, v5 or v6): the newest
/// record of each output, each edge (same start, end and hash) counted
/// once. Throws Error `input.ninja-log.*` with the line number.
struct NinjaLogTotals {
  double Seconds = 0;
  int Edges = 0;
};
NinjaLogTotals readNinjaLog(std::string_view Text, const std::string &File);

/// kWh of \p CpuSeconds under the power model (watts x seconds x PUE).
double modelKwh(double CpuSeconds, const EnergyInputs &In);
/// Fills the activity's Method, Kwh and KgCo2e from RAPL when it has a
/// reading, else from the power model.
void price(EnergyActivity &A, const EnergyInputs &In);

std::string energyToJson(const EnergyEvidence &E);

/// \p Value with three significant digits and \p Unit: a test run's
/// 2.5e-08 kWh stays readable where a fixed "%.6f" prints 0.000000.
/// Example: energyQuantity(2.5e-08, "kWh") == "2.5e-08 kWh"
std::string energyQuantity(double Value, const char *Unit);
EnergyEvidence energyFromJson(std::string_view Text, const std::string &File);

/// The policy's "energy" section checked: its three inputs, each a
/// non-negative number.
void checkPolicySection(const JsonCursor &Section, PolicyProblems &Problems);

/// `exitbar collect energy`: measures the build's Ninja log and runs the
/// command after `--` under wait4 (and RAPL when readable).
CollectResult collectEnergy(const CollectRequest &Request);

/// Package-level RAPL counters under \p PowercapDir in joules (summed over
/// packages), or nothing when none is readable.
std::optional<double> readRaplJoules(const std::string &PowercapDir);

/// The registry's record of this kind.
const EvidenceKind &kind();

} // namespace exitbar::energy

#endif // EXITBAR_KINDS_ENERGY_H

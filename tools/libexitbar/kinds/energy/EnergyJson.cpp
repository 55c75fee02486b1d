// EnergyJson.cpp - evidence/energy.json, written and read (JsonCursor)
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Evidence.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/JsonCursor.h"
#include "kinds/energy/Energy.h"

using nlohmann::json;

namespace exitbar::energy {
namespace {

json orNull(const std::optional<double> &V) {
  return V ? json(*V) : json(nullptr);
}

json activityJson(const std::optional<EnergyActivity> &A) {
  if (!A)
    return nullptr;
  json J{{"source", A->Source},
         {"cpu_seconds", A->CpuSeconds},
         {"wall_seconds", A->WallSeconds},
         {"rapl_joules", orNull(A->RaplJoules)},
         {"method", A->Method},
         {"kwh", A->Kwh},
         {"kg_co2e", A->KgCo2e},
         {"edges", A->Edges},
         {"exit_code", A->ExitCode ? json(*A->ExitCode) : json(nullptr)}};
  return J;
}

std::optional<EnergyActivity> activityFrom(const JsonCursor &C) {
  if (C.json().is_null())
    return std::nullopt;
  EnergyActivity A;
  A.Source = C.at("source").string();
  A.CpuSeconds = C.at("cpu_seconds").number();
  A.WallSeconds = C.at("wall_seconds").number();
  A.RaplJoules = C.at("rapl_joules").numberOrNull();
  A.Method = C.at("method").string();
  if (A.Method != "rapl" && A.Method != "power-model")
    C.at("method").fail("input.evidence.invalid",
                        "must be \"rapl\" or \"power-model\"");
  A.Kwh = C.at("kwh").number();
  A.KgCo2e = C.at("kg_co2e").number();
  if (A.Kwh < 0 || A.KgCo2e < 0 || A.CpuSeconds < 0)
    C.fail("input.evidence.invalid", "energy and time must not be negative");
  A.Edges = C.at("edges").count<int>();
  if (auto Exit = C.find("exit_code"))
    A.ExitCode = Exit->integer<int>();
  return A;
}

} // namespace

std::string energyToJson(const EnergyEvidence &E) {
  return dumpCanonical(json{
      {"schema", "exitbar.energy"},
      {"schema_version", EvidenceSchemaVersion},
      {"inputs",
       {{"watts_per_core", E.Inputs.WattsPerCore},
        {"pue", E.Inputs.Pue},
        {"grid_gco2e_per_kwh", E.Inputs.GridGramsPerKwh}}},
      {"build", activityJson(E.Build)},
      {"test_run", activityJson(E.TestRun)},
      {"baseline", E.BaselineFile.empty()
                       ? json(nullptr)
                       : json{{"file", E.BaselineFile},
                              {"test_run_kwh", orNull(E.BaselineTestRunKwh)}}},
      {"test_run_growth_percent", orNull(E.TestRunGrowthPercent)}});
}

EnergyEvidence energyFromJson(std::string_view Text, const std::string &File) {
  json J = parseJsonText(Text, File);
  JsonCursor C = openEvidence(J, "exitbar.energy", File);
  EnergyEvidence E;
  JsonCursor In = C.at("inputs");
  E.Inputs.WattsPerCore = In.at("watts_per_core").number();
  E.Inputs.Pue = In.at("pue").number();
  E.Inputs.GridGramsPerKwh = In.at("grid_gco2e_per_kwh").number();
  E.Build = activityFrom(C.at("build"));
  E.TestRun = activityFrom(C.at("test_run"));
  if (auto Baseline = C.find("baseline")) {
    E.BaselineFile = Baseline->at("file").string();
    E.BaselineTestRunKwh = Baseline->at("test_run_kwh").numberOrNull();
  }
  E.TestRunGrowthPercent = C.at("test_run_growth_percent").numberOrNull();
  return E;
}

} // namespace exitbar::energy

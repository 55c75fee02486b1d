// Collect.cpp - `exitbar collect energy`: CPU time from the processes' own
// accounting (wait4), the build from Ninja's log, energy from RAPL when
// readable, else from the power model
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/JsonCursor.h"
#include "exitbar/Process.h"
#include "kinds/energy/Energy.h"
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace exitbar::energy {
namespace {

/// \p Text as a number, or Error naming \p Flag.
double number(const std::string &Text, const std::string &Flag) {
  char *End = nullptr;
  double V = std::strtod(Text.c_str(), &End);
  if (Text.empty() || *End != '\0' || !(V >= 0))
    throw Error("usage.energy.number", "", "",
                Flag + " must be a non-negative number, got '" + Text + "'");
  return V;
}

/// The policy's optional "energy" section: grid intensity, PUE, watts.
void readPolicyInputs(const std::string &File, EnergyInputs &In) {
  readPolicySection(File, "energy",
                    [&](const JsonCursor &Section, PolicyProblems &Problems) {
                      checkPolicySection(Section, Problems);
                      if (!Problems.empty())
                        return;
                      if (auto G = Section.find("grid_gco2e_per_kwh"))
                        In.GridGramsPerKwh = G->number();
                      if (auto P = Section.find("pue"))
                        In.Pue = P->number();
                      if (auto W = Section.find("watts_per_core"))
                        In.WattsPerCore = W->number();
                    });
}

std::optional<long double> readCounter(const fs::path &Path) {
  std::ifstream In(Path);
  long double V = 0;
  if (!(In >> V))
    return std::nullopt;
  return V;
}

double seconds(const timeval &T) {
  return static_cast<double>(T.tv_sec) + static_cast<double>(T.tv_usec) / 1e6;
}

} // namespace

std::optional<double> readRaplJoules(const std::string &PowercapDir) {
  std::error_code Ec;
  long double Joules = 0;
  bool Any = false;
  for (const fs::directory_entry &D : fs::directory_iterator(PowercapDir, Ec)) {
    std::string Name = D.path().filename().string();
    // Package domains only ("intel-rapl:0"); their sub-domains
    // ("intel-rapl:0:0", core and uncore) are already inside them.
    if (Name.rfind("intel-rapl:", 0) != 0 || Name.find(':') != Name.rfind(':'))
      continue;
    auto Uj = readCounter(D.path() / "energy_uj");
    if (!Uj)
      return std::nullopt; // unreadable (root-only since CVE-2020-8694)
    Joules += *Uj / 1e6;
    Any = true;
  }
  if (!Any)
    return std::nullopt;
  return static_cast<double>(Joules);
}

void checkPolicySection(const JsonCursor &Section, PolicyProblems &Problems) {
  addProblemOf(Problems, [&] { Section.expectObject(); });
  if (!Section.json().is_object())
    return;
  for (const auto &[Name, Value] : Section.members()) {
    if (Name != "grid_gco2e_per_kwh" && Name != "pue" &&
        Name != "watts_per_core") {
      Problems.emplace_back(Value.pointer(), "unknown member '" + Name + "'");
      continue;
    }
    addProblemOf(Problems, [&, &Value = Value] {
      if (!(Value.number() >= 0))
        Value.fail("input.policy.invalid", "must be a non-negative number");
    });
  }
}

CollectResult collectEnergy(const CollectRequest &Request) {
  EnergyEvidence E;
  if (std::string Policy = Request.value("--policy"); !Policy.empty())
    readPolicyInputs(Policy, E.Inputs);
  if (auto G = Request.value("--grid-intensity"); !G.empty())
    E.Inputs.GridGramsPerKwh = number(G, "--grid-intensity");
  if (auto P = Request.value("--pue"); !P.empty())
    E.Inputs.Pue = number(P, "--pue");
  if (auto W = Request.value("--watts-per-core"); !W.empty())
    E.Inputs.WattsPerCore = number(W, "--watts-per-core");
  if (E.Inputs.GridGramsPerKwh <= 0)
    throw Error("usage.energy.grid-intensity", "", "",
                "no grid carbon intensity: give --grid-intensity (gCO2e/kWh) "
                "or the policy's energy.grid_gco2e_per_kwh");
  if (E.Inputs.Pue < 1)
    throw Error("usage.energy.number", "", "", "--pue must be at least 1");
  std::string NinjaLog = Request.value("--ninja-log");
  if (Request.Command.empty() && NinjaLog.empty())
    throw Error("usage.energy.nothing", "", "",
                "nothing to measure: give --ninja-log and/or a command after "
                "--");
  if (!NinjaLog.empty()) {
    NinjaLogTotals T = readNinjaLog(readFile(NinjaLog), NinjaLog);
    EnergyActivity A;
    A.Source = NinjaLog;
    A.CpuSeconds = A.WallSeconds = T.Seconds;
    A.Edges = T.Edges;
    price(A, E.Inputs);
    E.Build = A;
  }
  if (!Request.Command.empty()) {
    std::string Powercap = Request.value("--rapl-dir", "/sys/class/powercap");
    std::optional<double> RaplBefore = readRaplJoules(Powercap);
    auto Start = std::chrono::steady_clock::now();
    std::vector<char *> Argv;
    for (const std::string &A : Request.Command)
      Argv.push_back(const_cast<char *>(A.c_str()));
    Argv.push_back(nullptr);
    // The command gets no variable kept out of children (an env://NAME
    // signing key): it is the project's code, as the tests it runs are.
    std::vector<std::string> Set = Request.values("--env");
    for (const std::string &Var : Set)
      if (Var.find('=') == std::string::npos || Var.front() == '=')
        throw Error("usage.energy.env", "", "",
                    "--env takes NAME=VALUE, got '" + Var + "'");
    std::vector<std::string> Environment = childEnvironment({}, Set);
    std::vector<char *> Envp;
    Envp.reserve(Environment.size() + 1);
    for (std::string &Var : Environment)
      Envp.push_back(Var.data());
    Envp.push_back(nullptr);
    bool DiscardOutput = Request.flag("--discard-output");
    std::fflush(nullptr);
    pid_t Pid = fork();
    if (Pid < 0)
      throw Error("internal.fork", "", "", "cannot start a process");
    if (Pid == 0) {
      if (DiscardOutput) {
        int Null = open("/dev/null", O_WRONLY);
        if (Null >= 0)
          dup2(Null, STDOUT_FILENO);
      }
      // Running the command the user named is what `collect energy` is
      // for, as with time(1); it runs with the user's own rights.
      // NOLINTNEXTLINE(exitbar-command-injection): the measured command
      execvpe(Argv[0], Argv.data(), Envp.data());
      _exit(127);
    }
    int Status = 0;
    rusage Usage{};
    // wait4's usage includes the descendants the command waited for
    // (ctest's tests), which is the whole test run.
    while (wait4(Pid, &Status, 0, &Usage) < 0 && errno == EINTR) {
    }
    EnergyActivity A;
    A.WallSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
            .count();
    std::optional<double> RaplAfter = readRaplJoules(Powercap);
    if (RaplBefore && RaplAfter && *RaplAfter >= *RaplBefore)
      A.RaplJoules = *RaplAfter - *RaplBefore;
    A.Source.clear();
    for (const std::string &Word : Request.Command)
      A.Source += (A.Source.empty() ? "" : " ") + Word;
    A.CpuSeconds = seconds(Usage.ru_utime) + seconds(Usage.ru_stime);
    A.ExitCode =
        WIFEXITED(Status) ? WEXITSTATUS(Status) : 128 + WTERMSIG(Status);
    if (*A.ExitCode == 127)
      throw Error("input.command.not-run", Request.Command.front(), "",
                  "the command could not be run (exit code 127)");
    price(A, E.Inputs);
    E.TestRun = A;
  }
  if (std::string Baseline = Request.value("--baseline"); !Baseline.empty()) {
    E.BaselineFile = Baseline;
    EnergyEvidence B = energyFromJson(readFile(Baseline), Baseline);
    if (B.TestRun)
      E.BaselineTestRunKwh = B.TestRun->Kwh;
    if (E.TestRun && E.BaselineTestRunKwh && *E.BaselineTestRunKwh > 0)
      E.TestRunGrowthPercent =
          (E.TestRun->Kwh / *E.BaselineTestRunKwh - 1) * 100;
  }
  CollectResult R;
  R.Evidence = energyToJson(E);
  char Line[256];
  std::snprintf(Line, sizeof Line, "energy: build %s, test run %s",
                E.Build ? energyQuantity(E.Build->Kwh, "kWh").c_str()
                        : "not measured",
                E.TestRun ? (energyQuantity(E.TestRun->Kwh, "kWh") + " (" +
                             E.TestRun->Method + ")")
                                .c_str()
                          : "not measured");
  R.Summary = Line;
  R.ExitCode = E.TestRun ? *E.TestRun->ExitCode : 0;
  return R;
}

} // namespace exitbar::energy

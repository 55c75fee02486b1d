// RunCommand.cpp - `exitbar run`: the whole pipeline, then the gate
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/Pipeline.h"
#include <fmt/core.h>

namespace exitbar::cli {

void addRunCommand(CLI::App &App, Context &Ctx) {
  struct Args {
    RunSettings Request;
    std::string FailOn = "no-go";
  };
  auto A = std::make_shared<Args>();
  RunSettings &R = A->Request;
  CLI::App *Cmd = App.add_subcommand(
      "run",
      "Run the whole pipeline on a build tree, as the `exitbar` target of "
      "exitbar_enable() does: the tests (--ctest) or their results "
      "(--junit), coverage, deployment files, findings, readiness, "
      "benchmarks, signatures, the SBOM, vulnerabilities and approvals, "
      "each with one run id, then the gate; exit 0 GO/CONDITIONAL, 1 "
      "NO_GO, 2 bad input or a step that could not run.\n"
      "Example: exitbar run --build-dir build --source-dir . --ctest ctest "
      "--gcov gcov");
  Cmd->add_option("--build-dir", R.BuildDir, "The CMake build tree")
      ->required();
  Cmd->add_option("--source-dir", R.SourceDir, "Project source folder")
      ->required();
  Cmd->add_option("--policy", R.PolicyFile,
                  "Policy file (default: the built-in policy)");
  Cmd->add_option("--release-version", R.ReleaseVersion,
                  "The release version (default: the policy's)");
  Cmd->add_option("--fail-on", A->FailOn,
                  "Also fail (exit 1) on CONDITIONAL with 'conditional'")
      ->check(CLI::IsMember({"no-go", "conditional"}));
  Cmd->add_option("--report-dir", R.ReportDir,
                  "Where reports go (default <build>/exitbar)");
  Cmd->add_option("--baseline", R.BaselineFile, "Findings baseline file");
  Cmd->add_option("--waivers", R.WaiversFile, "Waiver file");
  Cmd->add_option("--trusted-keys", R.TrustedKeys,
                  "Trust store folder or trust file, or a trusted public key "
                  "for artifact signing (repeatable)")
      ->allow_extra_args(false);
  Cmd->add_flag("--require-signed", R.RequireSigned,
                "Add the artifacts-signed criterion when the policy lacks "
                "one");
  Cmd->add_option("--private-key", R.AttestKey,
                  "Sign the verdict (<build>/exitbar/verdict.intoto.json) "
                  "with this key (file or env://NAME)");
  Cmd->add_option("--ctest", R.Ctest,
                  "Run the tests with this ctest for fresh results");
  Cmd->add_option("--junit", R.Junit,
                  "Use these JUnit results instead of running the tests")
      ->allow_extra_args(false);
  Cmd->add_option("--gcov", R.Gcov,
                  "Measure coverage with this gcov after the tests");
  Cmd->add_option("--llvm-cov", R.LlvmCov,
                  "Clang builds: measure coverage with this llvm-cov");
  Cmd->add_option("--llvm-profdata", R.LlvmProfdata,
                  "Clang builds: the llvm-profdata matching --llvm-cov");
  Cmd->add_option("--coverage-input", R.CoverageInputs,
                  "Read coverage from this report instead of measuring it "
                  "(repeatable)")
      ->allow_extra_args(false);
  Cmd->add_option("--coverage-filter", R.CoverageFilters,
                  "Keep only files matching this glob (repeatable)")
      ->allow_extra_args(false);
  Cmd->add_option("--coverage-exclude", R.CoverageExcludes,
                  "Drop files matching this glob (repeatable)")
      ->allow_extra_args(false);
  Cmd->add_option("--benchmark-baseline", R.BenchmarkBaseline,
                  "Baseline the benchmarks are compared with");
  Cmd->add_option("--osv-db", R.OsvDatabase,
                  "Offline OSV database the SBOM is checked against");
  Cmd->add_option("--grid-intensity", R.GridIntensity,
                  "Measure energy and CO2e with this grid intensity "
                  "(gCO2e/kWh)");
  Cmd->add_option("--energy-baseline", R.EnergyBaseline,
                  "An earlier energy.json to compare the test run with");
  Cmd->add_option("--approvals-dir", R.ApprovalsDir,
                  "Approvals folder (default .exitbar/approvals)");
  Cmd->add_option("--cmake", R.Cmake,
                  "The cmake that refreshes the build tree's File API reply "
                  "(default cmake)");
  Cmd->add_option("--run-id", R.RunId,
                  "The run id every evidence file carries (default: a new "
                  "one)")
      ->check(runIdValidator());
  Cmd->callback([A, &Ctx] {
    A->Request.FailOnConditional = A->FailOn == "conditional";
    RunReporter Reporter;
    Reporter.Say = [](const std::string &Line) {
      fmt::print("exitbar: {}\n", Line);
      std::fflush(stdout);
    };
    Reporter.Collected = [](const std::string &Line) {
      fmt::print("{}\n", Line);
      std::fflush(stdout);
    };
    Reporter.Warn = [](const std::string &Line) { printWarnings({Line}); };
    GateOutcome Outcome = runPipeline(A->Request, Ctx.Environment, Reporter);
    reportGateOutcome(Outcome, Ctx);
  });
}

} // namespace exitbar::cli

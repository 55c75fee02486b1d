// Cli.cpp - the exitbar command line: subcommands and exit codes
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/Process.h"
#include "exitbar/Verdict.h"
#include <filesystem>
#include <fmt/core.h>
#include <unistd.h>

namespace exitbar::cli {

bool useColor(const Context &Ctx, FILE *Stream) {
  return !Ctx.Environment.get("NO_COLOR") && ::isatty(::fileno(Stream));
}

void writeEvidenceFile(const Context &Ctx, const std::string &Path,
                       const std::string &Text) {
  writeEvidence(Path, Text, Ctx.RunId);
}

std::vector<std::string> applyTrustEnvironment(const Context &Ctx,
                                               TrustOptions &Trust) {
  std::vector<std::string> Warnings;
  std::vector<std::string> InUse =
      applyTrustStoreEnvironment(Ctx.Environment, Trust, Warnings);
  printWarnings(Warnings);
  return InUse;
}

std::string evidenceOutput(const std::string &Output,
                           const std::string &BuildDir,
                           const std::string &File) {
  if (!Output.empty())
    return Output;
  return (std::filesystem::path(BuildDir) / "exitbar" / "evidence" / File)
      .string();
}

void printWarnings(const std::vector<std::string> &Lines) {
  for (const std::string &Line : Lines)
    fmt::print(stderr, "exitbar: warning: {}\n", Line);
}

CLI::Validator runIdValidator() {
  return CLI::Validator(
      [](std::string &Id) -> std::string {
        if (Id.find_first_not_of(" \t\r\n\v\f") == std::string::npos)
          return "a run id must not be empty or blank (it would turn the "
                 "stale-evidence check off)";
        return "";
      },
      "RUN-ID");
}

namespace {

using CommandAdder = void (*)(CLI::App &, Context &);

const std::pair<const char *, CommandAdder> Commands[] = {
    {"approve", addApproveCommand},
    {"audit", addAuditCommand},
    {"baseline", addBaselineCommand},
    {"benchmarks", addBenchmarksCommand},
    {"collect", addCollectCommand},
    {"compare-versions", addCompareVersionsCommand},
    {"compile", addCompileCommand},
    {"gate", addGateCommand},
    {"merge", addMergeCommand},
    {"policy", addPolicyCommand},
    {"run", addRunCommand},
    {"sign", addSignCommand},
    {"tidy", addTidyCommand},
    {"tidy-deferred", addTidyDeferredCommand},
    {"verify", addVerifyCommand},
    {"verify-attestation", addVerifyAttestationCommand},
};

/// The subcommand \p Argv names: its first argument that is not an option
/// (or --process-timeout's value); empty when there is none.
std::string invokedCommand(int Argc, char **Argv) {
  for (int I = 1; I < Argc; ++I) {
    std::string Arg = Argv[I];
    if (Arg == "--process-timeout") {
      ++I;
      continue;
    }
    if (!Arg.empty() && Arg[0] != '-')
      return Arg;
  }
  return {};
}

/// Every subcommand, or only \p Invoked when it names one: `exitbar
/// compile` and `exitbar tidy` run once per translation unit of a build,
/// and defining the other commands' options cost them more than their own
/// work on small units. Help, usage errors and an unknown command still
/// see them all.
void addCommands(CLI::App &App, Context &Ctx, const std::string &Invoked) {
  for (const auto &[Name, Add] : Commands)
    if (Invoked == Name) {
      Add(App, Ctx);
      return;
    }
  for (const auto &[Name, Add] : Commands)
    Add(App, Ctx);
}

} // namespace

int run(int Argc, char **Argv) {
  Context Ctx;
  CLI::App App{"ExitBar: a production-readiness gate for C++ projects.\n"
               "Example: exitbar gate --evidence build/exitbar/evidence",
               "exitbar"};
  App.set_version_flag("--version", "exitbar 0.1.0");
  App.require_subcommand(1);
  // Before the subcommand: `exitbar --process-timeout 60 collect coverage`.
  App.add_option_function<double>(
         "--process-timeout",
         [](double Seconds) {
           setProcessTimeout(std::chrono::milliseconds(
               static_cast<long long>(Seconds * 1000)));
         },
         "Seconds any program ExitBar runs (git, gcov, cmake, clang-tidy) "
         "may take before it is killed (default: per program, 2 to 30 "
         "minutes)")
      ->check(CLI::Range(0.001, 7 * 24 * 3600.0));
  addCommands(App, Ctx, invokedCommand(Argc, Argv));
  try {
    App.parse(Argc, Argv);
  } catch (const CLI::CallForHelp &E) {
    return App.exit(E);
  } catch (const CLI::CallForAllHelp &E) {
    return App.exit(E);
  } catch (const CLI::CallForVersion &E) {
    return App.exit(E);
  } catch (const CLI::ParseError &E) {
    fmt::print(stderr, "exitbar: error[usage]: {}\n", E.what());
    return BadInput;
  } catch (const Error &E) {
    fmt::print(stderr, "exitbar: {}\n", formatError(E));
    return BadInput;
  } catch (const std::exception &E) {
    // Anything else is a bug in ExitBar; still exit 2, never crash a build.
    fmt::print(stderr, "exitbar: error[internal]: {}\n", E.what());
    return BadInput;
  }
  return Ctx.Exit;
}

} // namespace exitbar::cli

// CompileCommand.cpp - `exitbar compile`: the compiler launcher CMake runs
// per translation unit when the project builds with Clang, running the
// checks inside the compile instead of in a second clang-tidy parse
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/CompileChecks.h"
#include <fmt/core.h>

namespace exitbar::cli {

void addCompileCommand(CLI::App &App, Context &Ctx) {
  auto Options = std::make_shared<CompileRunOptions>();
  Options->Checks = "-*,exitbar-*";
  CLI::App *Cmd = App.add_subcommand(
      "compile",
      "Run one Clang compile with the exitbar-* checks inside it (the "
      "compile plugin), show their diagnostics and keep them as a findings "
      "fragment; exit with the compile's exit code. exitbar_enable() sets "
      "this as <LANG>_COMPILER_LAUNCHER for Clang builds; everything after "
      "'--' is the compile command.\n"
      "Example: exitbar compile --plugin libExitBarCompilePlugin.so "
      "--source-dir . --fragments build/exitbar/fragments/findings "
      "--compiler clang++ -- clang++ -o a.o -c a.cpp");
  Cmd->add_option("--plugin", Options->Plugin,
                  "The compile plugin, libExitBarCompilePlugin.so")
      ->required();
  Cmd->add_option("--checks", Options->Checks,
                  "clang-tidy's check list (default -*,exitbar-*)");
  Cmd->add_option("--header-filter", Options->HeaderFilter,
                  "Regular expression of the headers whose findings count");
  Cmd->add_option("--source-dir", Options->SourceDir, "Project source folder");
  Cmd->add_option("--fragments", Options->FragmentDir,
                  "Folder of per-translation-unit findings fragments")
      ->required();
  Cmd->add_option("--compiler", Options->Compiler,
                  "The compiler in the command (after any other launcher, "
                  "such as ccache)");
  Cmd->add_option("command", Options->Command, "The compile command")
      ->required();
  Cmd->positionals_at_end();
  Cmd->callback([Options, &Ctx] {
    CompileRunResult R = runCompileWithChecks(*Options);
    // The compiler's messages where it printed them; the checks' findings
    // on stdout, as `exitbar tidy` shows clang-tidy's.
    fmt::print(stderr, "{}", R.Stderr);
    fmt::print("{}", R.Output);
    std::fflush(stdout);
    for (const AnalysisError &A : R.Evidence.AnalysisErrors)
      if (A.Message.rfind("the translation unit did not compile", 0) != 0)
        fmt::print("exitbar: error: {}: {}\n", A.File, A.Message);
    // The build fails when the compile does, never because of a finding.
    Ctx.Exit = R.ExitCode;
  });
}

} // namespace exitbar::cli

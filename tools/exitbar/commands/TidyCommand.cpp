// TidyCommand.cpp - `exitbar tidy`: the clang-tidy launcher CMake runs per
// translation unit
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/DeferredTidy.h"
#include "exitbar/Error.h"
#include "exitbar/Tidy.h"
#include "exitbar/TidyCache.h"
#include <filesystem>
#include <fmt/core.h>

namespace exitbar::cli {

void addTidyCommand(CLI::App &App, Context &Ctx) {
  auto Options = std::make_shared<TidyRunOptions>();
  CLI::App *Cmd = App.add_subcommand(
      "tidy",
      "Run clang-tidy for one translation unit, show its diagnostics and keep "
      "them as a findings fragment. exitbar_enable() sets this as "
      "<LANG>_CLANG_TIDY; everything after '--' goes to clang-tidy.\n"
      "Example: exitbar tidy --clang-tidy clang-tidy-14 --source-dir . "
      "--fragments build/exitbar/fragments/findings -- "
      "--load=libExitBarChecks.so a.cpp -- c++ -c a.cpp");
  // One list with the recorded commands of deferred analyses.
  for (const TidyTextOption &O : tidyTextOptions())
    Cmd->add_option(O.Flag, (*Options).*O.Member, O.Help)->required(O.Required);
  auto MaxSize = std::make_shared<std::string>();
  Cmd->add_option("--cache-max-size", *MaxSize,
                  "Bound of the cache, e.g. 500M or 2G (default: "
                  "$EXITBAR_CACHE_MAX_SIZE, else 5G)");
  auto Defer = std::make_shared<bool>(false);
  Cmd->add_flag("--defer", *Defer,
                "Record the analysis for `exitbar tidy-deferred` instead of "
                "running it (exitbar_enable(... DEFER_ANALYSIS): the "
                "build's links do not wait for it)");
  Cmd->add_option("args", Options->Arguments, "clang-tidy's arguments");
  Cmd->positionals_at_end();
  Cmd->callback([Options, MaxSize, Defer, &Ctx] {
    if (Options->CacheDir.empty())
      Options->CacheDir = Ctx.Environment.get("EXITBAR_CACHE_DIR").value_or("");
    if (Options->RemoteCache.empty())
      Options->RemoteCache =
          Ctx.Environment.get("EXITBAR_REMOTE_CACHE").value_or("");
    if (!Options->RemoteCache.empty() && !isHttpCacheUrl(Options->RemoteCache))
      throw Error("usage.cache.remote", "", "",
                  "remote cache '" + Options->RemoteCache +
                      "' is not an http://host[:port][/path] URL");
    if (MaxSize->empty())
      *MaxSize = Ctx.Environment.get("EXITBAR_CACHE_MAX_SIZE").value_or("");
    if (!MaxSize->empty())
      Options->CacheMaxBytes = parseCacheSize(*MaxSize);
    if (*Defer) {
      std::error_code Ec;
      deferTidy(*Options,
                std::filesystem::read_symlink("/proc/self/exe", Ec).string());
      Ctx.Exit = Success;
      return;
    }
    TidyRunResult R = runTidy(*Options);
    // CMake shows the launcher's stdout in the build log.
    fmt::print("{}", R.Output);
    std::fflush(stdout);
    // A crashed analysis lost every finding of the unit: say so in the
    // build log, not only in the evidence the gate reads later. On stdout:
    // CMake's co-compile driver shows a launcher's stderr only when the
    // launcher fails, which it must not.
    if (R.ClangTidyExitCode > 128)
      for (const AnalysisError &A : R.Evidence.AnalysisErrors)
        fmt::print("exitbar: error: {}: {}\n", A.File, A.Message);
    // A finding must not break the build: the gate decides, not the compile.
    Ctx.Exit = Success;
  });
}

void addTidyDeferredCommand(CLI::App &App, Context &Ctx) {
  auto FragmentDir = std::make_shared<std::string>();
  auto Jobs = std::make_shared<unsigned>(0);
  CLI::App *Cmd = App.add_subcommand(
      "tidy-deferred",
      "Run the analyses that `exitbar tidy --defer` recorded in a fragments "
      "folder, in parallel, and show their diagnostics. "
      "exitbar_enable(... DEFER_ANALYSIS) runs this as the build step "
      "exitbar_analysis, after the links.\n"
      "Example: exitbar tidy-deferred --fragments "
      "build/exitbar/fragments/findings --jobs 2");
  Cmd->add_option("--fragments", *FragmentDir,
                  "Folder of per-translation-unit findings fragments")
      ->required();
  Cmd->add_option("--jobs,-j", *Jobs,
                  "Analyses at a time (default: one per processor)");
  Cmd->callback([FragmentDir, Jobs, &Ctx] {
    DeferredTidyResult R =
        runDeferredTidy(*FragmentDir, *Jobs, [](const std::string &Output) {
          fmt::print("{}", Output);
          std::fflush(stdout);
        });
    fmt::print("exitbar: {} deferred analyses run{}{}\n", R.Run,
               R.Dropped
                   ? fmt::format(", {} of removed sources dropped", R.Dropped)
                   : "",
               R.Failed ? fmt::format(", {} could not run (their units "
                                      "stay unanalysed)",
                                      R.Failed)
                        : "");
    // As `exitbar tidy`: the gate decides, not the build.
    Ctx.Exit = Success;
  });
}

} // namespace exitbar::cli

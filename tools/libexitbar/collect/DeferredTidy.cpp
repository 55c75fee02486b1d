// DeferredTidy.cpp - recording a unit's analysis during its compile and
// running the recorded analyses after the build's links
// SPDX-License-Identifier: Apache-2.0
//
// Why: CMake runs <LANG>_CLANG_TIDY inside each compile edge, so every link
// waits for the analysis of its objects; on a 2-core machine a cold GCC
// build of 80 units linked after 40 s instead of 22 s
// (scripts/bench/analysis-pool.sh, docs/performance.md). Recorded here,
// the analyses run in one build step that depends on every analysed
// target, after their links, with the same `exitbar tidy` command.

#include "exitbar/DeferredTidy.h"
#include "collect/TidyRun.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/Process.h"
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>

namespace fs = std::filesystem;

namespace exitbar {
namespace {

constexpr const char *JobSuffix = ".job";

/// The `exitbar tidy` command that runs the analysis \p Options describes:
/// the options the CLI read them from (tidyTextOptions), written back.
std::vector<std::string> tidyCommand(const TidyRunOptions &Options,
                                     const std::string &Exitbar) {
  std::vector<std::string> Argv{Exitbar, "tidy"};
  for (const TidyTextOption &O : tidyTextOptions())
    if (!(Options.*O.Member).empty())
      Argv.push_back(std::string(O.Flag) + "=" + Options.*O.Member);
  if (!Options.CacheDir.empty())
    Argv.push_back("--cache-max-size=" + std::to_string(Options.CacheMaxBytes));
  Argv.emplace_back("--");
  Argv.insert(Argv.end(), Options.Arguments.begin(), Options.Arguments.end());
  return Argv;
}

struct Job {
  std::string Path;
  std::string Text; ///< the file as read, to remove only that version
  std::string Directory;
  std::string Source;
  std::vector<std::string> Argv;
};

Job readJob(const std::string &Path) {
  Job Result;
  Result.Path = Path;
  Result.Text = readFile(Path);
  nlohmann::json J = parseJsonText(Result.Text, Path);
  try {
    Result.Directory = J.at("directory").get<std::string>();
    Result.Source = J.at("source").get<std::string>();
    Result.Argv = J.at("argv").get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception &E) {
    throw Error("input.tidy-job.invalid", Path, "",
                std::string("not a recorded analysis: ") + E.what());
  }
  if (Result.Argv.size() < 2 || Result.Argv[1] != "tidy")
    throw Error("input.tidy-job.invalid", Path, "/argv",
                "not an `exitbar tidy` command");
  return Result;
}

} // namespace

std::string deferTidy(const TidyRunOptions &Options,
                      const std::string &Exitbar) {
  auto [Source, Object] = tidySourceAndObject(Options.Arguments);
  if (Source.empty())
    throw Error("usage.tidy.no-source", "", "",
                "no source file among the clang-tidy arguments");
  std::string AbsoluteSource = fs::absolute(Source).lexically_normal().string();
  std::string Shown = shownPath(Source, Options.SourceDir);
  std::string Fragment =
      fragmentPathFor(Options.FragmentDir, AbsoluteSource, Object);
  // Fail closed until the analysis has run.
  FindingsEvidence Pending;
  Pending.TranslationUnits = 1;
  Pending.AnalysisErrors.push_back(
      {Shown, "the analysis was deferred to the build's exitbar_analysis "
              "step, which has not run since this unit was compiled; no "
              "exitbar-* check analysed this translation unit"});
  writeFragment(Fragment, Pending, AbsoluteSource);
  nlohmann::json J{{"directory", fs::current_path().string()},
                   {"source", AbsoluteSource},
                   {"argv", tidyCommand(Options, Exitbar)}};
  writeFileAtomically(Fragment + JobSuffix, J.dump(), Durability::BuildProduct);
  return Fragment;
}

DeferredTidyResult
runDeferredTidy(const std::string &FragmentDir, unsigned Jobs,
                const std::function<void(const std::string &)> &Print) {
  std::vector<std::string> Paths;
  std::error_code Ec;
  if (fs::is_directory(FragmentDir, Ec))
    for (const auto &Entry : fs::directory_iterator(FragmentDir, Ec))
      if (Entry.path().extension() == JobSuffix)
        Paths.push_back(Entry.path().string());
  std::sort(Paths.begin(), Paths.end());
  if (Jobs == 0)
    Jobs = std::max(1U, std::thread::hardware_concurrency());

  // Each job runs this very `exitbar` (an upgrade between the compile and
  // the analysis runs the new one), never a program a job file names.
  std::string Self = fs::read_symlink("/proc/self/exe", Ec).string();

  DeferredTidyResult Result;
  std::mutex Lock;
  std::atomic<size_t> Next{0};
  auto Worker = [&] {
    for (size_t I = Next++; I < Paths.size(); I = Next++) {
      std::string Output;
      bool Ran = false, Dropped = false;
      Job J;
      try {
        J = readJob(Paths[I]);
        std::error_code Missing;
        if (!fs::exists(J.Source, Missing)) {
          // The source is gone (renamed, deleted): so is its unit.
          Dropped = true;
        } else {
          if (!Self.empty())
            J.Argv[0] = Self;
          ProcessOptions Options;
          Options.WorkingDirectory = J.Directory;
          // As for the compile it replaces: the build bounds it.
          Options.Timeout = std::chrono::hours(24 * 7);
          ProcessResult R = runProcess(J.Argv, Options);
          Output = std::move(R.Stdout);
          if (R.ExitCode == 0)
            Ran = true;
          else
            Output += "exitbar: error: " + Paths[I] +
                      ": the deferred analysis exited with " +
                      std::to_string(R.ExitCode) + "; it stays recorded\n";
        }
      } catch (const Error &E) {
        Output += "exitbar: error: " + formatError(E) + "\n";
      } catch (const std::exception &E) {
        Output += "exitbar: error: " + Paths[I] + ": " + E.what() + "\n";
      }
      // Only the job that ran: a compile may have recorded its unit anew
      // meanwhile (a second build at once), and that job must stay.
      std::error_code Ignored;
      try {
        if ((Ran || Dropped) && readFile(Paths[I]) == J.Text)
          fs::remove(Paths[I], Ignored);
      } catch (const Error &) {
        // Gone already: nothing to remove.
      }
      std::lock_guard<std::mutex> Guard(Lock);
      (Ran ? Result.Run : Dropped ? Result.Dropped : Result.Failed) += 1;
      if (!Output.empty())
        Print(Output);
    }
  };
  std::vector<std::thread> Threads;
  for (unsigned T = 1; T < std::min<size_t>(Jobs, Paths.size()); ++T)
    Threads.emplace_back(Worker);
  Worker();
  for (std::thread &T : Threads)
    T.join();
  return Result;
}

} // namespace exitbar

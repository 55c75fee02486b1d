// CompileChecks.cpp - one Clang compile with the exitbar-* checks inside it
// (checks/plugin/CompilePlugin.cpp), and the findings fragment it leaves
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/CompileChecks.h"
#include "collect/TidyRun.h"
#include "exitbar/Files.h"
#include "exitbar/Process.h"
#include <chrono>
#include <filesystem>

namespace fs = std::filesystem;

namespace exitbar {
namespace {

/// The source (the operand of CMake's `-c <source>`, else the last operand
/// with a C or C++ extension) and the object file (`-o`) of a compile
/// command; they name the fragment.
std::pair<std::string, std::string>
sourceAndObject(const std::vector<std::string> &Command, size_t First) {
  std::string Source, Object, LastSourceLike;
  for (size_t I = First; I < Command.size(); ++I) {
    const std::string &Arg = Command[I];
    if (Arg == "-c" && I + 1 < Command.size() && !Command[I + 1].empty() &&
        Command[I + 1][0] != '-')
      Source = Command[I + 1];
    else if (Arg == "-o" && I + 1 < Command.size())
      Object = Command[++I];
    else if (Arg.rfind("-o", 0) == 0 && Arg.size() > 2)
      Object = Arg.substr(2);
    else if (!Arg.empty() && Arg[0] != '-') {
      std::string Ext = fs::path(Arg).extension().string();
      for (const char *Known : {".c", ".cc", ".cpp", ".cxx", ".c++", ".C",
                                ".cp", ".CPP", ".i", ".ii", ".m", ".mm"})
        if (Ext == Known)
          LastSourceLike = Arg;
    }
  }
  return {Source.empty() ? LastSourceLike : Source, Object};
}

/// Where the compiler itself starts in \p Command: after any launcher put
/// before it (ccache, sccache).
size_t compilerIndex(const std::vector<std::string> &Command,
                     const std::string &Compiler) {
  for (size_t I = 0; I < Command.size(); ++I)
    if (Command[I] == Compiler)
      return I;
  if (Command.size() > 1) {
    std::string First = fs::path(Command[0]).filename().string();
    if (First == "ccache" || First == "sccache" || First == "buildcache")
      return 1;
  }
  return 0;
}

std::vector<std::string> pluginArguments(const CompileRunOptions &Options,
                                         const std::string &OutputFile) {
  std::vector<std::string> Args{"-fplugin=" + Options.Plugin, "-Xclang",
                                "-add-plugin", "-Xclang", "exitbar"};
  for (const std::string &Arg :
       {"checks=" + Options.Checks, "header-filter=" + Options.HeaderFilter,
        "output=" + OutputFile})
    for (const std::string &Part :
         {std::string("-Xclang"), std::string("-plugin-arg-exitbar"),
          std::string("-Xclang"), Arg})
      Args.push_back(Part);
  return Args;
}

/// A run of \p Argv with its stderr kept (the build log gets it from us).
struct Run {
  int ExitCode = 0;
  std::string Stdout, Stderr;
};

Run runKeepingStderr(const std::vector<std::string> &Argv,
                     const std::string &StderrFile) {
  ProcessOptions Options;
  Options.StderrFile = StderrFile;
  // The build tool bounds a compile, if anything does; ExitBar must not
  // kill one that a build without ExitBar would have let finish.
  Options.Timeout = std::chrono::hours(24 * 7);
  ProcessResult Result = runProcess(Argv, Options);
  Run R{Result.ExitCode, std::move(Result.Stdout), {}};
  std::error_code Ec;
  if (fs::is_regular_file(StderrFile, Ec)) {
    R.Stderr = readFile(StderrFile);
    fs::remove(StderrFile, Ec);
  }
  return R;
}

/// "; it said: <the first error line>" of a failed compile's messages, so
/// the analysis error says why (a plugin that cannot load its modules, a
/// crash); empty when there is none. Bounded: it ends up in every report.
std::string firstErrorLine(const std::string &Stderr) {
  size_t Start = 0;
  while (Start < Stderr.size()) {
    size_t End = Stderr.find('\n', Start);
    std::string Line = Stderr.substr(
        Start, End == std::string::npos ? std::string::npos : End - Start);
    if (Line.find("error:") != std::string::npos ||
        Line.find("Stack dump") != std::string::npos)
      return "; it said: " + Line.substr(0, 300);
    if (End == std::string::npos)
      break;
    Start = End + 1;
  }
  return {};
}

std::string exitDescription(int ExitCode) {
  return ExitCode > 128 ? "signal " + std::to_string(ExitCode - 128)
                        : "exit code " + std::to_string(ExitCode);
}

} // namespace

CompileRunResult runCompileWithChecks(const CompileRunOptions &Options) {
  CompileRunResult Result;
  size_t First = compilerIndex(Options.Command, Options.Compiler);
  auto [Source, Object] = sourceAndObject(Options.Command, First + 1);
  if (Source.empty() || Options.Command.empty()) {
    // Not a compile of one source (CMake uses the launcher for compiles
    // only, but a project may call it otherwise): run it unchanged.
    ProcessOptions Pass;
    Pass.Timeout = std::chrono::hours(24 * 7);
    ProcessResult R = runProcess(Options.Command, Pass);
    Result.ExitCode = R.ExitCode;
    Result.Output = std::move(R.Stdout);
    return Result;
  }

  std::string AbsoluteSource = fs::absolute(Source).lexically_normal().string();
  std::string Shown = shownPath(Source, Options.SourceDir);
  Result.FragmentPath =
      fragmentPathFor(Options.FragmentDir, AbsoluteSource, Object);
  writeFragment(Result.FragmentPath, pendingAnalysis(Shown, "the compiler"),
                AbsoluteSource);

  std::string OutputFile = Result.FragmentPath + ".out";
  std::string SummaryFile = Result.FragmentPath + ".summaries.jsonl";
  std::string StderrFile = Result.FragmentPath + ".stderr";
  std::error_code Ec;
  fs::remove(OutputFile, Ec);
  exportCheckEnvironment(SummaryFile, Options.SourceDir);
  std::vector<std::string> PluginArgs = pluginArguments(Options, OutputFile);

  std::vector<std::string> WithChecks = Options.Command;
  WithChecks.insert(WithChecks.end(), PluginArgs.begin(), PluginArgs.end());
  Run Compile = runKeepingStderr(WithChecks, StderrFile);
  std::string Failure;
  if (Compile.ExitCode != 0) {
    // A compile error, or the plugin broke a compile that works without
    // it: only a run without the plugin tells. The build gets that run's
    // result, so the plugin never fails a build that would pass.
    Run Plain = runKeepingStderr(Options.Command, StderrFile);
    if (Plain.ExitCode == 0)
      Failure = "the compile with the exitbar-* checks failed (" +
                exitDescription(Compile.ExitCode) +
                ") but succeeds without them; no exitbar-* check analysed "
                "this translation unit" +
                firstErrorLine(Compile.Stderr);
    else
      Failure = "the translation unit did not compile (" +
                exitDescription(Plain.ExitCode) +
                "); no exitbar-* check analysed it";
    Compile.Stdout = std::move(Plain.Stdout);
    Compile.Stderr = std::move(Plain.Stderr);
    Result.ExitCode = Plain.ExitCode;
  } else if (!fs::is_regular_file(OutputFile, Ec)) {
    // The object came without the checks: a compiler cache in front of the
    // compiler replayed it, or the compiler did not load the plugin. Parse
    // once more, with the compiler alone and no object written.
    std::vector<std::string> Analyse(Options.Command.begin() + First,
                                     Options.Command.end());
    Analyse.emplace_back("-fsyntax-only");
    Analyse.insert(Analyse.end(), PluginArgs.begin(), PluginArgs.end());
    Run Check = runKeepingStderr(Analyse, StderrFile);
    if (Check.ExitCode != 0 || !fs::is_regular_file(OutputFile, Ec)) {
      Failure = "the compiler did not run the exitbar-* checks (" +
                exitDescription(Check.ExitCode) +
                " from a syntax-only run with the plugin; is '" +
                Options.Command[First] +
                "' the Clang the plugin was built for?); no exitbar-* check "
                "analysed this translation unit";
      // Why it failed; the compile the build asked for succeeded.
      Compile.Stderr += Check.Stderr;
    }
  }
  Result.Stderr = std::move(Compile.Stderr);

  std::string Output;
  if (Failure.empty() && fs::is_regular_file(OutputFile, Ec))
    Output = readFile(OutputFile);
  fs::remove(OutputFile, Ec);
  // Summaries of a run that failed are as incomplete as its findings.
  if (!Failure.empty())
    fs::remove(SummaryFile, Ec);
  Result.Output = Compile.Stdout + Output;
  Result.Evidence =
      evidenceOfAnalysis(Output, Result.Stderr, SummaryFile, AbsoluteSource,
                         Shown, Options.SourceDir);
  if (!Failure.empty()) {
    Result.Evidence.AnalysisErrors.push_back({Shown, Failure});
    Result.Evidence.normalize();
  }
  writeFragment(Result.FragmentPath, Result.Evidence, AbsoluteSource);
  return Result;
}

} // namespace exitbar

// Tidy.cpp - running clang-tidy for one translation unit and keeping its findings
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Tidy.h"
#include "exitbar/Digest.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/Findings.h"
#include "exitbar/Process.h"
#include <csignal>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

namespace exitbar {
namespace {

/// The source file (first operand before `--`) and the object file (`-o`
/// after it) of a CMake clang-tidy command line; they name the fragment, so
/// a source compiled into two targets keeps two fragments.
std::pair<std::string, std::string>
sourceAndObject(const std::vector<std::string> &Args) {
  std::string Source, Object;
  bool InCompiler = false;
  for (size_t I = 0; I < Args.size(); ++I) {
    const std::string &Arg = Args[I];
    if (!InCompiler) {
      if (Arg == "--")
        InCompiler = true;
      else if (Source.empty() && !Arg.empty() && Arg[0] != '-')
        Source = Arg;
      continue;
    }
    if (Arg == "-o" && I + 1 < Args.size())
      Object = Args[I + 1];
    else if (Arg.rfind("-o", 0) == 0 && Arg.size() > 2)
      Object = Arg.substr(2);
  }
  return {Source, Object};
}

/// \p Source as the findings show it: relative to \p SourceDir when inside.
std::string shownPath(const std::string &Source, const std::string &SourceDir) {
  fs::path Path = fs::absolute(Source).lexically_normal();
  if (!SourceDir.empty()) {
    fs::path Relative =
        Path.lexically_relative(fs::absolute(SourceDir).lexically_normal());
    if (!Relative.empty() && *Relative.begin() != "..")
      return Relative.generic_string();
  }
  return Path.generic_string();
}

/// Why a clang-tidy run with exit code \p ExitCode analysed nothing
/// reliable. runProcess reports death by signal N as 128 + N.
std::string failureMessage(int ExitCode) {
  if (ExitCode > 128 && ExitCode < 128 + 65) {
    int Signal = ExitCode - 128;
    const char *Name = ::strsignal(Signal);
    return "clang-tidy crashed (signal " + std::to_string(Signal) + ", " +
           (Name ? Name : "unknown") +
           "); no exitbar-* check analysed this translation unit";
  }
  return "clang-tidy exited with code " + std::to_string(ExitCode) +
         "; the analysis of this translation unit is incomplete";
}

void writeFragment(const std::string &Path, const FindingsEvidence &Evidence,
                   const std::string &AbsoluteSource) {
  nlohmann::json Fragment = Evidence;
  Fragment["source"] = AbsoluteSource;
  writeFileAtomically(Path, dumpCanonical(Fragment));
}

} // namespace

TidyRunResult runTidy(const TidyRunOptions &Options) {
  auto [Source, Object] = sourceAndObject(Options.Arguments);
  if (Source.empty())
    throw Error("usage.tidy.no-source", "", "",
                "no source file among the clang-tidy arguments");

  TidyRunResult Result;
  std::string AbsoluteSource = fs::absolute(Source).lexically_normal().string();
  std::string Shown = shownPath(Source, Options.SourceDir);
  Result.FragmentPath =
      (fs::path(Options.FragmentDir) /
       (sha256Hex(AbsoluteSource + '\n' + Object).substr(0, 24) + ".json"))
          .string();

  // Fail closed: until clang-tidy has finished, the fragment says that the
  // analysis did not. A launcher killed with the build (SIGKILL, an OOM
  // kill, a CI time-out) leaves this behind instead of the previous build's
  // clean fragment, and the gate blocks on it.
  FindingsEvidence Pending;
  Pending.TranslationUnits = 1;
  Pending.AnalysisErrors.push_back(
      {Shown, "the analysis did not finish (clang-tidy or the build was "
              "killed before it ended); no exitbar-* check analysed this "
              "translation unit"});
  writeFragment(Result.FragmentPath, Pending, AbsoluteSource);

  std::vector<std::string> Argv{Options.ClangTidy};
  Argv.insert(Argv.end(), Options.Arguments.begin(), Options.Arguments.end());
  ProcessResult Run = runProcess(Argv);

  Result.ClangTidyExitCode = Run.ExitCode;
  Result.Output = std::move(Run.Stdout);
  Result.Evidence = findingsFromTidyOutput(
      Result.Output, TidyOutputOptions{Options.SourceDir, {}});
  // A crash loses every finding of every check in the unit, whatever
  // clang-tidy printed before it: always an analysis error of its own.
  if (Run.ExitCode > 128 || (Run.ExitCode != 0 &&
                             Result.Evidence.AnalysisErrors.empty()))
    Result.Evidence.AnalysisErrors.push_back(
        {Shown, failureMessage(Run.ExitCode)});
  Result.Evidence.normalize();

  writeFragment(Result.FragmentPath, Result.Evidence, AbsoluteSource);
  return Result;
}

} // namespace exitbar

// Tidy.cpp - running clang-tidy for one translation unit and keeping its findings
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Tidy.h"
#include "exitbar/Digest.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/Findings.h"
#include "exitbar/Process.h"
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

} // namespace

TidyRunResult runTidy(const TidyRunOptions &Options) {
  auto [Source, Object] = sourceAndObject(Options.Arguments);
  if (Source.empty())
    throw Error("usage.tidy.no-source", "", "",
                "no source file among the clang-tidy arguments");

  std::vector<std::string> Argv{Options.ClangTidy};
  Argv.insert(Argv.end(), Options.Arguments.begin(), Options.Arguments.end());
  ProcessResult Run = runProcess(Argv);

  TidyRunResult Result;
  Result.ClangTidyExitCode = Run.ExitCode;
  Result.Output = std::move(Run.Stdout);
  Result.Evidence = findingsFromTidyOutput(
      Result.Output, TidyOutputOptions{Options.SourceDir, {}});
  if (Run.ExitCode != 0 && Result.Evidence.AnalysisErrors.empty())
    Result.Evidence.AnalysisErrors.push_back(
        {Source, "clang-tidy exited with code " + std::to_string(Run.ExitCode)});

  std::string AbsoluteSource = fs::absolute(Source).lexically_normal().string();
  nlohmann::json Fragment = Result.Evidence;
  Fragment["source"] = AbsoluteSource;
  Result.FragmentPath =
      (fs::path(Options.FragmentDir) /
       (sha256Hex(AbsoluteSource + '\n' + Object).substr(0, 24) + ".json"))
          .string();
  writeFileAtomically(Result.FragmentPath, dumpCanonical(Fragment));
  return Result;
}

} // namespace exitbar

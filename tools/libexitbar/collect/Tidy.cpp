// Tidy.cpp - running clang-tidy for one translation unit and keeping its
// findings
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Tidy.h"
#include "collect/TidyRun.h"
#include "exitbar/Digest.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/Findings.h"
#include "exitbar/Process.h"
#include "exitbar/TidyCache.h"
#include "support/Glob.h"
#include <algorithm>
#include <cctype>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>
#include <string_view>
#include <unistd.h>

namespace fs = std::filesystem;

namespace exitbar {

std::pair<std::string, std::string>
tidySourceAndObject(const std::vector<std::string> &Args) {
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

std::string shownPath(const std::string &Source, const std::string &SourceDir) {
  return displayPath(fs::absolute(Source).string(),
                     SourceDir.empty() ? std::string()
                                       : fs::absolute(SourceDir).string());
}

namespace {

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

} // namespace

void writeFragment(const std::string &Path, const FindingsEvidence &Evidence,
                   const std::string &AbsoluteSource) {
  nlohmann::json Fragment = Evidence;
  Fragment["source"] = AbsoluteSource;
  writeFileAtomically(Path, dumpCanonical(Fragment), Durability::BuildProduct);
}

std::string fragmentPathFor(const std::string &FragmentDir,
                            const std::string &AbsoluteSource,
                            const std::string &Object) {
  return (fs::path(FragmentDir) /
          (sha256Hex(AbsoluteSource + '\n' + Object).substr(0, 24) + ".json"))
      .string();
}

FindingsEvidence pendingAnalysis(const std::string &Shown,
                                 const std::string &Tool) {
  FindingsEvidence Pending;
  Pending.TranslationUnits = 1;
  Pending.AnalysisErrors.push_back(
      {Shown, "the analysis did not finish (" + Tool +
                  " or the build was killed before it ended); no exitbar-* "
                  "check analysed this translation unit"});
  return Pending;
}

namespace {

std::string_view trim(std::string_view S) {
  while (!S.empty() && std::isspace(static_cast<unsigned char>(S.front())))
    S.remove_prefix(1);
  while (!S.empty() && std::isspace(static_cast<unsigned char>(S.back())))
    S.remove_suffix(1);
  return S;
}

/// Counts the cache's hits and misses of this build for the gate's output:
/// one line per translation unit, appended (O_APPEND writes this small are
/// atomic under parallel builds).
void recordCacheOutcome(const std::string &FragmentDir,
                        const std::string &Outcome) {
  fs::path Stats = fs::path(FragmentDir).parent_path() / "tidy-cache-stats.txt";
  int Fd =
      ::open(Stats.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (Fd < 0)
    return;
  std::string Line = Outcome + '\n';
  [[maybe_unused]] ssize_t N = ::write(Fd, Line.data(), Line.size());
  ::close(Fd);
}

} // namespace

/// The configuration errors in clang-tidy's output \p Text: a check's
/// `error: <message> [clang-tidy-config]`, and the YAML errors of a
/// `.clang-tidy` it could not read (`<dir>/.clang-tidy:2:3: error: not a
/// sequence`), after which it analyses with its defaults.
std::vector<std::string> configurationErrors(const std::string &Text) {
  static constexpr std::string_view Head = "error: ";
  static constexpr std::string_view Tail = " [clang-tidy-config]";
  static constexpr std::string_view ConfigFile = ".clang-tidy:";
  std::vector<std::string> Messages;
  std::istringstream In(Text);
  std::string Line;
  while (std::getline(In, Line)) {
    if (!Line.empty() && Line.back() == '\r')
      Line.pop_back();
    std::string_view View(Line);
    if (View.size() > Head.size() + Tail.size() &&
        View.substr(0, Head.size()) == Head &&
        View.substr(View.size() - Tail.size()) == Tail) {
      Messages.emplace_back(
          View.substr(Head.size(), View.size() - Head.size() - Tail.size()));
      continue;
    }
    size_t At = View.find(ConfigFile);
    if (At != std::string_view::npos && (At == 0 || View[At - 1] == '/') &&
        View.find(": error: ", At) != std::string_view::npos)
      Messages.emplace_back(View);
  }
  return Messages;
}

namespace {

/// Taint model files the checks read (share/exitbar/models beside the
/// installed or built exitbar), part of the cache key.
std::vector<std::string> modelDirs() {
  std::error_code Ec;
  fs::path Exe = fs::read_symlink("/proc/self/exe", Ec);
  if (Ec)
    return {};
  return {(Exe.parent_path().parent_path() / "share" / "exitbar" / "models")
              .string()};
}

} // namespace

std::vector<Suppression> scanSuppressions(std::string_view Text,
                                          const std::string &File) {
  static const std::vector<std::string> Checks = knownChecks();
  std::vector<Suppression> Found;
  int LineNo = 0;
  while (!Text.empty()) {
    size_t End = Text.find('\n');
    std::string_view Line = Text.substr(0, End);
    Text = End == std::string_view::npos ? std::string_view()
                                         : Text.substr(End + 1);
    ++LineNo;
    // Only NOLINT inside a comment: after the line's first // or /*.
    size_t Comment = std::min(Line.find("//"), Line.find("/*"));
    for (size_t At = Line.find("NOLINT", Comment);
         Comment != std::string_view::npos && At != std::string_view::npos;
         At = Line.find("NOLINT", At + 6)) {
      std::string_view Rest = Line.substr(At + 6);
      for (std::string_view Kind : {"NEXTLINE", "BEGIN", "END"})
        if (Rest.substr(0, Kind.size()) == Kind) {
          Rest.remove_prefix(Kind.size());
          break;
        }
      // NOLINTEND closes a NOLINTBEGIN, which is counted; "NOLINTFOO" is
      // no suppression at all.
      if (Line.substr(At + 6, 3) == "END" ||
          (!Rest.empty() &&
           (std::isalnum(static_cast<unsigned char>(Rest[0])) ||
            Rest[0] == '_')))
        continue;
      bool Bare = Rest.empty() || Rest[0] != '(';
      bool Wildcard = false;
      int Named = 0;
      std::string_view Reason = Rest;
      if (!Bare) {
        size_t Close = Rest.find(')');
        std::string_view List = Rest.substr(1, Close == std::string_view::npos
                                                   ? std::string_view::npos
                                                   : Close - 1);
        Reason = Close == std::string_view::npos ? std::string_view()
                                                 : Rest.substr(Close + 1);
        while (!List.empty()) {
          size_t Comma = List.find(',');
          std::string_view Item = trim(List.substr(0, Comma));
          List = Comma == std::string_view::npos ? std::string_view()
                                                 : List.substr(Comma + 1);
          if (Item.find('*') != std::string_view::npos) {
            Wildcard |= std::any_of(Checks.begin(), Checks.end(),
                                    [&](const std::string &C) {
                                      return globMatches(Item, C);
                                    }) ||
                        globMatches(Item, "exitbar-");
          } else if (Item.substr(0, 8) == "exitbar-") {
            ++Named;
          }
        }
        // NOLINT() is bare too: clang-tidy reads an empty list as "all".
        Bare = trim(Rest.substr(1, Rest.find(')') - 1)).empty();
      }
      if (!Bare && !Wildcard && Named == 0)
        continue; // only other checks
      Reason = trim(Reason);
      if (Reason.substr(0, 2) == "*/")
        Reason = Reason.substr(2);
      while (!Reason.empty() && (Reason[0] == ':' || Reason[0] == '-' ||
                                 Reason[0] == ';' || Reason[0] == ','))
        Reason.remove_prefix(1);
      std::string_view Shown = trim(Line.substr(At));
      if (Shown.size() >= 2 && Shown.substr(Shown.size() - 2) == "*/")
        Shown = trim(Shown.substr(0, Shown.size() - 2));
      Suppression S;
      S.File = File;
      S.Line = LineNo;
      S.Text = std::string(Shown);
      S.Blanket = Bare || Wildcard || Named != 1 || trim(Reason).empty();
      Found.push_back(std::move(S));
    }
  }
  return Found;
}

void exportCheckEnvironment(const std::string &SummaryFile,
                            const std::string &SourceDir) {
  std::error_code Ec;
  fs::remove(SummaryFile, Ec);
  ::setenv("EXITBAR_TAINT_SUMMARIES", SummaryFile.c_str(), 1);
  // Relative paths in the taint checks' TaintModels option are relative to
  // the project's source folder (checks/utils/TaintModels.h).
  if (!SourceDir.empty())
    ::setenv("EXITBAR_SOURCE_DIR",
             fs::absolute(SourceDir).lexically_normal().c_str(), 1);
}

FindingsEvidence evidenceOfAnalysis(const std::string &Output,
                                    const std::string &Stderr,
                                    const std::string &SummaryFile,
                                    const std::string &AbsoluteSource,
                                    const std::string &Shown,
                                    const std::string &SourceDir) {
  FindingsEvidence Evidence =
      findingsFromTidyOutput(Output, TidyOutputOptions{SourceDir, {}});
  // A check that rejected its configuration (an unreadable taint model
  // file, an unknown threat model) analysed with something else than the
  // project asked for: clang-tidy prints it without a location.
  for (const std::string *Text : {&Output, &Stderr})
    for (std::string &Message : configurationErrors(*Text))
      Evidence.AnalysisErrors.push_back(
          {Shown, "configuration: " + std::move(Message)});
  std::error_code Ec;
  if (fs::is_regular_file(SummaryFile, Ec)) {
    // Unreadable summaries lose the flows through this unit: an incomplete
    // analysis, as a crash is, not a clean one.
    try {
      FindingsEvidence Summaries;
      readPluginSummaries(readFile(SummaryFile), SummaryFile,
                          TidyOutputOptions{SourceDir, {}}, Summaries);
      Evidence.TaintSummaries = std::move(Summaries.TaintSummaries);
      Evidence.ServerSummaries = std::move(Summaries.ServerSummaries);
    } catch (const Error &X) {
      Evidence.AnalysisErrors.push_back(
          {Shown, std::string("the summaries are unreadable: ") + X.what()});
    }
    fs::remove(SummaryFile, Ec);
  }
  // A NOLINT silences checks without a trace in the checks' output (the
  // launcher passes --quiet); the source says where they are.
  if (fs::is_regular_file(AbsoluteSource, Ec))
    Evidence.Suppressions = scanSuppressions(readFile(AbsoluteSource), Shown);
  Evidence.normalize();
  return Evidence;
}

const std::vector<TidyTextOption> &tidyTextOptions() {
  static const std::vector<TidyTextOption> Options = {
      {"--clang-tidy", &TidyRunOptions::ClangTidy, "clang-tidy to run", true},
      {"--source-dir", &TidyRunOptions::SourceDir, "Project source folder"},
      {"--fragments", &TidyRunOptions::FragmentDir,
       "Folder of per-translation-unit findings fragments", true},
      {"--cache-dir", &TidyRunOptions::CacheDir,
       "Findings cache folder (default: $EXITBAR_CACHE_DIR; none when both "
       "are empty)"},
      {"--remote-cache", &TidyRunOptions::RemoteCache,
       "Shared cache server, http://host:port/path (WebDAV GET and PUT; "
       "default: $EXITBAR_REMOTE_CACHE)"},
  };
  return Options;
}

TidyRunResult runTidy(const TidyRunOptions &Options) {
  auto [Source, Object] = tidySourceAndObject(Options.Arguments);
  if (Source.empty())
    throw Error("usage.tidy.no-source", "", "",
                "no source file among the clang-tidy arguments");

  TidyRunResult Result;
  std::string AbsoluteSource = fs::absolute(Source).lexically_normal().string();
  std::string Shown = shownPath(Source, Options.SourceDir);
  Result.FragmentPath =
      fragmentPathFor(Options.FragmentDir, AbsoluteSource, Object);

  // Nothing that determines the result changed: replay the stored output
  // and fragment instead of parsing the unit again.
  std::optional<TidyCache> Cache;
  std::string Key;
  if (!Options.CacheDir.empty()) {
    Cache.emplace(Options.CacheDir, Options.CacheMaxBytes, Options.RemoteCache);
    Key = tidyDirectKey(Options.ClangTidy, Options.Arguments, AbsoluteSource,
                        Options.SourceDir, modelDirs());
    CacheOutcome Outcome;
    if (std::optional<CachedAnalysis> A = Cache->lookup(Key, Outcome)) {
      Result.ClangTidyExitCode = A->ExitCode;
      Result.Output = std::move(A->Output);
      Result.Evidence = std::move(A->Evidence);
      Result.Cache = Outcome == CacheOutcome::RemoteHit ? "remote-hit" : "hit";
      writeFragment(Result.FragmentPath, Result.Evidence, AbsoluteSource);
      recordCacheOutcome(Options.FragmentDir, Result.Cache);
      return Result;
    }
    Result.Cache = Outcome == CacheOutcome::Corrupt ? "corrupt" : "miss";
  }

  // Fail closed: until clang-tidy has finished, the fragment says that the
  // analysis did not. A launcher killed with the build (SIGKILL, an OOM
  // kill, a CI time-out) leaves this behind instead of the previous build's
  // clean fragment, and the gate blocks on it.
  writeFragment(Result.FragmentPath, pendingAnalysis(Shown, "clang-tidy"),
                AbsoluteSource);

  std::vector<std::string> Argv{Options.ClangTidy};
  // With the cache, clang lists every header it reads (-H into a file of
  // our own): the entry is valid while they keep their content. clang-tidy
  // strips -M* options from the command line, not these cc1 ones.
  std::string HeaderList = Result.FragmentPath + ".headers";
  if (Cache)
    for (const char *Arg :
         {"-Xclang", "-header-include-file", "-Xclang", HeaderList.c_str(),
          "-Xclang", "-H", "-Xclang", "-sys-header-deps"})
      Argv.push_back(std::string("--extra-arg=") + Arg);
  Argv.insert(Argv.end(), Options.Arguments.begin(), Options.Arguments.end());
  std::error_code RemoveEc;
  fs::remove(HeaderList, RemoveEc);
  // The taint checks append their summaries for linking across units here
  // (checks/utils/TaintSummaries.h); clang-tidy inherits the variable.
  std::string SummaryFile = Result.FragmentPath + ".summaries.jsonl";
  exportCheckEnvironment(SummaryFile, Options.SourceDir);
  // clang-tidy reports a configuration it could not read on stderr, and
  // then analyses with its defaults: kept to be read below. -H also
  // prints the header list there, which CMake does not show anyway (it
  // shows a launcher's stderr only when the launcher fails).
  std::string StderrFile = Result.FragmentPath + ".stderr";
  ProcessOptions RunOptions;
  RunOptions.StderrFile = StderrFile;
  ProcessResult Run = runProcess(Argv, RunOptions);
  std::string Stderr;
  if (fs::is_regular_file(StderrFile, RemoveEc)) {
    Stderr = readFile(StderrFile);
    fs::remove(StderrFile, RemoveEc);
  }
  if (!Cache)
    std::cerr << Stderr;

  Result.ClangTidyExitCode = Run.ExitCode;
  Result.Output = std::move(Run.Stdout);
  Result.Evidence =
      evidenceOfAnalysis(Result.Output, Stderr, SummaryFile, AbsoluteSource,
                         Shown, Options.SourceDir);
  // A crash loses every finding of every check in the unit, whatever
  // clang-tidy printed before it: always an analysis error of its own.
  if (Run.ExitCode > 128 ||
      (Run.ExitCode != 0 && Result.Evidence.AnalysisErrors.empty())) {
    Result.Evidence.AnalysisErrors.push_back(
        {Shown, failureMessage(Run.ExitCode)});
    Result.Evidence.normalize();
  }

  writeFragment(Result.FragmentPath, Result.Evidence, AbsoluteSource);

  // Only a run that ended on its own is stored: a crash or a kill says
  // nothing about the code. Without the header list nothing is known
  // about what the result depends on, so nothing is stored either.
  std::error_code Ec2;
  if (Cache && Run.ExitCode <= 128 && fs::is_regular_file(HeaderList, Ec2)) {
    std::vector<std::string> Files = readHeaderList(readFile(HeaderList));
    Files.insert(Files.begin(), AbsoluteSource);
    Cache->store(Key, Files,
                 {Result.ClangTidyExitCode, Result.Output, Result.Evidence});
  }
  fs::remove(HeaderList, Ec2);
  if (Cache)
    recordCacheOutcome(Options.FragmentDir, Result.Cache);
  return Result;
}

} // namespace exitbar

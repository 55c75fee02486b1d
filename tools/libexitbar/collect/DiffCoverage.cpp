// DiffCoverage.cpp - coverage of the lines changed since a git revision
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Coverage.h"
#include "exitbar/Error.h"
#include "exitbar/Process.h"
#include <charconv>
#include <limits>
#include <optional>
#include <sstream>
#include <string_view>

namespace exitbar {

namespace {

[[noreturn]] void badOutput(const std::string &Where, const std::string &What) {
  throw Error("tool.git.output", "git diff", Where,
              What + "; refusing to guess which lines changed");
}

/// A path of a `+++ ` line as git writes it: verbatim, or, when it holds a
/// control character, '"' or '\', C-quoted ("b/a\tb.c"); a name with a space
/// is followed by a tab. std::nullopt when the quoting is broken.
std::optional<std::string> headerPath(std::string_view Text) {
  if (Text.empty() || Text.front() != '"') {
    if (!Text.empty() && Text.back() == '\t')
      Text.remove_suffix(1);
    return std::string(Text);
  }
  std::string Out;
  size_t I = 1;
  for (; I < Text.size() && Text[I] != '"'; ++I) {
    if (Text[I] != '\\') {
      Out += Text[I];
      continue;
    }
    if (++I == Text.size())
      return std::nullopt;
    char C = Text[I];
    static const std::string_view From = "abtnvfr\"\\",
                                  To = "\a\b\t\n\v\f\r\"\\";
    if (size_t K = From.find(C); K != std::string_view::npos) {
      Out += To[K];
    } else if (C >= '0' && C <= '3' && I + 2 < Text.size() &&
               Text[I + 1] >= '0' && Text[I + 1] <= '7' && Text[I + 2] >= '0' &&
               Text[I + 2] <= '7') {
      Out += static_cast<char>((C - '0') * 64 + (Text[I + 1] - '0') * 8 +
                               (Text[I + 2] - '0'));
      I += 2;
    } else {
      return std::nullopt;
    }
  }
  if (I == Text.size())
    return std::nullopt;
  std::string_view Rest = Text.substr(I + 1);
  if (!Rest.empty() && Rest != "\t")
    return std::nullopt;
  return Out;
}

/// "@@ -a[,b] +c[,d] @@": appends the d new lines from c (d omitted: 1;
/// d = 0: none) to \p Out; false when the header is not like that.
bool addHunk(std::string_view Line, std::vector<int> &Out) {
  size_t Plus = Line.find(" +");
  if (Plus == std::string_view::npos)
    return false;
  std::string_view Range = Line.substr(Plus + 2);
  Range = Range.substr(0, Range.find(' '));
  long Start = 0, Count = 1;
  size_t Comma = Range.find(',');
  auto Number = [](std::string_view Digits, long &Value) {
    auto [Ptr, Ec] =
        std::from_chars(Digits.data(), Digits.data() + Digits.size(), Value);
    return Ec == std::errc() && Ptr == Digits.data() + Digits.size() &&
           Value >= 0 && Value <= std::numeric_limits<int>::max();
  };
  if (!Number(Range.substr(0, Comma), Start) ||
      (Comma != std::string_view::npos &&
       !Number(Range.substr(Comma + 1), Count)) ||
      Start + Count > std::numeric_limits<int>::max())
    return false;
  for (long L = Start; L < Start + Count; ++L)
    Out.push_back(static_cast<int>(L));
  return true;
}

} // namespace

std::map<std::string, std::vector<int>>
parseUnifiedDiff(const std::string &Diff,
                 const std::vector<std::string> &Names) {
  std::map<std::string, std::vector<int>> Out;
  std::istringstream In(Diff);
  std::string Line;
  // Section K (from its "diff --git" line) is the change of Names[K]: names
  // come from `-z` output, verbatim, and `+++ ` lines are only checked
  // against them, so no quoting, prefix or locale can drop a file.
  long Section = -1;
  long LineNumber = 0;
  bool Deleted = false, SawTarget = false;
  auto Where = [&] { return "line " + std::to_string(LineNumber); };
  while (std::getline(In, Line)) {
    ++LineNumber;
    if (Line.rfind("diff --git ", 0) == 0 || Line.rfind("diff --cc ", 0) == 0) {
      ++Section;
      if (Section >= static_cast<long>(Names.size()))
        badOutput(Where(), "more files in the patch than in `git diff -z "
                           "--name-only`");
      Deleted = SawTarget = false;
      continue;
    }
    if (Section < 0)
      continue;
    const std::string &Name = Names[static_cast<size_t>(Section)];
    if (!SawTarget && Line.rfind("+++ ", 0) == 0) {
      SawTarget = true;
      std::string_view Path = std::string_view(Line).substr(4);
      if (Path == "/dev/null") {
        Deleted = true;
        continue;
      }
      std::optional<std::string> P = headerPath(Path);
      if (!P || *P != "b/" + Name)
        badOutput(Where(), "'" + Line + "' does not name 'b/" + Name + "'");
      continue;
    }
    if (Line.rfind("@@ ", 0) != 0)
      continue;
    if (!SawTarget)
      badOutput(Where(), "a hunk before the '+++' line of '" + Name + "'");
    std::vector<int> Lines;
    if (!addHunk(Line, Lines))
      badOutput(Where(), "unreadable hunk header '" + Line + "'");
    if (!Deleted && !Lines.empty()) {
      std::vector<int> &All = Out[Name];
      All.insert(All.end(), Lines.begin(), Lines.end());
    }
  }
  if (Section + 1 != static_cast<long>(Names.size()))
    badOutput(Where(), std::to_string(Names.size()) +
                           " files changed but the patch has " +
                           std::to_string(Section + 1));
  return Out;
}

std::map<std::string, std::vector<int>>
changedLinesSince(const std::string &Base, const std::string &SourceDir) {
  // Output in one shape whatever the user's configuration: no quoting of
  // non-ASCII names, a/ and b/ prefixes, no colour, no external diff
  // driver, no merged hunks; --end-of-options keeps a revision from being
  // read as an option. --relative: paths relative to SourceDir, files
  // outside it left out.
  std::vector<std::string> Git{"git",
                               "-c",
                               "core.quotePath=false",
                               "-c",
                               "diff.mnemonicPrefix=false",
                               "-c",
                               "diff.noprefix=false",
                               "-c",
                               "diff.relative=false",
                               "-C",
                               SourceDir,
                               "diff",
                               "--relative",
                               "--no-color",
                               "--no-ext-diff",
                               "--no-textconv",
                               "--no-renames",
                               "--src-prefix=a/",
                               "--dst-prefix=b/"};
  auto Run = [&](std::vector<std::string> Extra) {
    std::vector<std::string> Argv = Git;
    Argv.insert(Argv.end(), Extra.begin(), Extra.end());
    Argv.insert(Argv.end(), {"--end-of-options", Base, "--"});
    ProcessResult R = runProcess(Argv, /*DiscardStderr=*/true);
    if (R.ExitCode != 0)
      throw Error("tool.git.failed", SourceDir, "",
                  "git cannot compare the work tree with '" + Base +
                      "' (not a git repository, or an unknown revision?)");
    return R.Stdout;
  };
  std::string NameList = Run({"-z", "--name-only"});
  std::vector<std::string> Names;
  for (size_t At = 0; At < NameList.size();) {
    size_t End = NameList.find('\0', At);
    if (End == std::string::npos)
      badOutput("", "`git diff -z --name-only` output does not end in NUL");
    Names.push_back(NameList.substr(At, End - At));
    At = End + 1;
  }
  return parseUnifiedDiff(Run({"--unified=0", "--inter-hunk-context=0"}),
                          Names);
}

DiffCoverage
diffCoverage(const CoverageEvidence &E,
             const std::map<std::string, std::vector<int>> &ChangedLines,
             const std::string &Base) {
  DiffCoverage D;
  D.Base = Base;
  for (const auto &[Path, Lines] : ChangedLines) {
    auto It = E.Files.find(Path);
    if (It == E.Files.end())
      continue; // not code the project measures (docs, excluded files)
    for (int L : Lines) {
      auto Hit = It->second.Lines.find(L);
      if (Hit == It->second.Lines.end())
        continue; // a changed line without code: a comment, a brace
      ++D.LinesFound;
      if (Hit->second > 0)
        ++D.LinesHit;
      else
        D.Missed[Path].push_back(L);
    }
  }
  return D;
}

} // namespace exitbar

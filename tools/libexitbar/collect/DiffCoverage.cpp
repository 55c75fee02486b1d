// DiffCoverage.cpp - coverage of the lines changed since a git revision
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Coverage.h"
#include "exitbar/Error.h"
#include "exitbar/Process.h"
#include <algorithm>
#include <cstdio>
#include <sstream>

namespace exitbar {

std::map<std::string, std::vector<int>> parseUnifiedDiff(const std::string &Diff) {
  std::map<std::string, std::vector<int>> Out;
  std::istringstream In(Diff);
  std::string Line, File;
  while (std::getline(In, Line)) {
    if (Line.rfind("+++ ", 0) == 0) {
      // "+++ b/path", or "+++ /dev/null" for a deleted file.
      std::string Path = Line.substr(4);
      File = Path == "/dev/null" ? "" : Path.rfind("b/", 0) == 0 ? Path.substr(2) : Path;
      continue;
    }
    if (File.empty() || Line.rfind("@@ ", 0) != 0)
      continue;
    // "@@ -a[,b] +c[,d] @@": d new lines from c (d omitted: 1; d = 0: none).
    long Start = 0, Count = 1;
    size_t Plus = Line.find(" +");
    if (Plus == std::string::npos ||
        std::sscanf(Line.c_str() + Plus + 2, "%ld,%ld", &Start, &Count) < 1)
      continue;
    for (long L = Start; L < Start + Count; ++L)
      Out[File].push_back(static_cast<int>(L));
  }
  return Out;
}

std::map<std::string, std::vector<int>> changedLinesSince(const std::string &Base,
                                                          const std::string &SourceDir) {
  // --relative: paths relative to SourceDir, files outside it left out.
  ProcessResult R = runProcess({"git", "-C", SourceDir, "diff", "--relative",
                                "--unified=0", "--no-color", "--no-ext-diff",
                                "--no-renames", Base, "--"},
                               /*DiscardStderr=*/true);
  if (R.ExitCode != 0)
    throw Error("tool.git.failed", SourceDir, "",
                "git cannot compare the work tree with '" + Base +
                    "' (not a git repository, or an unknown revision?)");
  return parseUnifiedDiff(R.Stdout);
}

DiffCoverage diffCoverage(const CoverageEvidence &E,
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

// Write.cpp - Cobertura XML coverage writer (GitLab, Jenkins, Azure DevOps)
// SPDX-License-Identifier: Apache-2.0
//
// Format: coverage-04.dtd
// (http://cobertura.sourceforge.net/xml/coverage-04.dtd). C and C++ have no
// classes-per-file, so, as gcovr does, a package is a directory and a class is
// a source file; a method is a function with its first line. Branches are
// summarised per line as condition-coverage "k% (taken/total)". Timestamps are
// SOURCE_DATE_EPOCH-driven for reproducible reports; rates are printed with
// four decimals.

#include "exitbar/Collect.h"
#include <cstdio>
#include <filesystem>
#include <map>
#include <tinyxml2.h>

namespace fs = std::filesystem;

namespace exitbar {
namespace {

std::string rate(long long Hit, long long Found) {
  char Buf[32];
  std::snprintf(
      Buf, sizeof Buf, "%.4f",
      Found == 0 ? 1.0 : static_cast<double>(Hit) / static_cast<double>(Found));
  return Buf;
}

/// Branches on each line: {taken, total}.
std::map<int, std::pair<long long, long long>>
branchesByLine(const FileCoverage &F) {
  std::map<int, std::pair<long long, long long>> Out;
  for (const auto &[Key, Hits] : F.Branches) {
    auto &[Taken, Total] = Out[Key.first];
    Taken += Hits > 0;
    ++Total;
  }
  return Out;
}

void pushLine(tinyxml2::XMLPrinter &P, int Number, long long Hits,
              const std::pair<long long, long long> *Branches) {
  P.OpenElement("line");
  P.PushAttribute("number", Number);
  P.PushAttribute("hits", static_cast<int64_t>(Hits));
  if (Branches && Branches->second > 0) {
    P.PushAttribute("branch", "true");
    char Condition[64];
    std::snprintf(Condition, sizeof Condition, "%lld%% (%lld/%lld)",
                  Branches->first * 100 / Branches->second, Branches->first,
                  Branches->second);
    P.PushAttribute("condition-coverage", Condition);
  } else {
    P.PushAttribute("branch", "false");
  }
  P.CloseElement();
}

} // namespace

void writeCobertura(const CoverageEvidence &E, const CoberturaOptions &Options,
                    std::ostream &Out) {
  // Files grouped by directory, each package's totals first.
  std::map<std::string,
           std::vector<const std::pair<const std::string, FileCoverage> *>>
      Packages;
  for (const auto &Entry : E.Files) {
    std::string Dir = fs::path(Entry.first).parent_path().generic_string();
    Packages[Dir.empty() ? "." : Dir].push_back(&Entry);
  }
  CoverageTotals All = E.totals();

  tinyxml2::XMLPrinter P;
  P.PushHeader(false, true);
  P.PushUnknown("DOCTYPE coverage SYSTEM "
                "\"http://cobertura.sourceforge.net/xml/coverage-04.dtd\"");
  P.OpenElement("coverage");
  P.PushAttribute("line-rate", rate(All.LinesHit, All.LinesFound).c_str());
  P.PushAttribute("branch-rate",
                  rate(All.BranchesHit, All.BranchesFound).c_str());
  P.PushAttribute("lines-covered", static_cast<int64_t>(All.LinesHit));
  P.PushAttribute("lines-valid", static_cast<int64_t>(All.LinesFound));
  P.PushAttribute("branches-covered", static_cast<int64_t>(All.BranchesHit));
  P.PushAttribute("branches-valid", static_cast<int64_t>(All.BranchesFound));
  P.PushAttribute("complexity", "0.0");
  P.PushAttribute("timestamp", static_cast<int64_t>(Options.Timestamp));
  P.PushAttribute("version", ("exitbar " + Options.ToolVersion).c_str());
  P.OpenElement("sources");
  P.OpenElement("source");
  P.PushText(Options.SourceDir.c_str());
  P.CloseElement();
  P.CloseElement();
  P.OpenElement("packages");
  for (const auto &[Dir, Files] : Packages) {
    CoverageTotals PT;
    for (const auto *F : Files)
      PT.add(totalsOf(F->second));
    P.OpenElement("package");
    P.PushAttribute("name", Dir.c_str());
    P.PushAttribute("line-rate", rate(PT.LinesHit, PT.LinesFound).c_str());
    P.PushAttribute("branch-rate",
                    rate(PT.BranchesHit, PT.BranchesFound).c_str());
    P.PushAttribute("complexity", "0.0");
    P.OpenElement("classes");
    for (const auto *Entry : Files) {
      const auto &[Path, F] = *Entry;
      CoverageTotals T = totalsOf(F);
      auto Branches = branchesByLine(F);
      P.OpenElement("class");
      P.PushAttribute("name", fs::path(Path).filename().string().c_str());
      P.PushAttribute("filename", Path.c_str());
      P.PushAttribute("line-rate", rate(T.LinesHit, T.LinesFound).c_str());
      P.PushAttribute("branch-rate",
                      rate(T.BranchesHit, T.BranchesFound).c_str());
      P.PushAttribute("complexity", "0.0");
      P.OpenElement("methods");
      for (const auto &[Name, Fn] : F.Functions) {
        P.OpenElement("method");
        P.PushAttribute("name", Name.c_str());
        P.PushAttribute("signature", "");
        P.PushAttribute("line-rate", Fn.Hits > 0 ? "1.0000" : "0.0000");
        P.PushAttribute("branch-rate", "1.0000");
        P.PushAttribute("complexity", "0.0");
        P.OpenElement("lines");
        pushLine(P, Fn.Line, Fn.Hits, nullptr);
        P.CloseElement();
        P.CloseElement();
      }
      P.CloseElement(); // methods
      P.OpenElement("lines");
      for (const auto &[Line, Hits] : F.Lines) {
        auto It = Branches.find(Line);
        pushLine(P, Line, Hits, It == Branches.end() ? nullptr : &It->second);
      }
      P.CloseElement(); // lines
      P.CloseElement(); // class
    }
    P.CloseElement(); // classes
    P.CloseElement(); // package
  }
  P.CloseElement(); // packages
  P.CloseElement(); // coverage
  Out << P.CStr();
}

} // namespace exitbar

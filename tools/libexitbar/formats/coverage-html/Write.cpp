// Write.cpp - per-file HTML coverage view: an index and one page per source
// file
// SPDX-License-Identifier: Apache-2.0
//
// Static HTML5, no scripts, one shared stylesheet inline in every page so a
// page opened alone from a CI artifact still renders. Lines are marked
// covered (hit), missed (found, not hit) or partial (hit, with a branch
// never taken); lines without code stay plain, as in genhtml.

#include "exitbar/Collect.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include "support/Strings.h"
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace exitbar {
namespace {

constexpr const char *Style =
    "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}"
    "table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left}"
    "th{border-bottom:1px solid #999}.num{text-align:right}"
    "pre{margin:0}.src td{padding:0 6px;font-family:monospace;white-space:pre}"
    ".hit{background:#dfd}.miss{background:#fdd}.part{background:#ffd}"
    ".ln,.cnt{color:#777;text-align:right;user-select:none}"
    ".bar{display:inline-block;height:.8em;background:#c33}"
    ".bar>span{display:block;height:100%;background:#3a3}";

std::string pct(long long Hit, long long Found) {
  if (Found == 0)
    return "-";
  char Buf[32];
  std::snprintf(Buf, sizeof Buf, "%.1f %%", percent(Hit, Found));
  return Buf;
}

/// The page name of a source file: its path with '/' made safe.
std::string pageName(const std::string &Path) {
  std::string Name;
  for (char C : Path)
    Name += (C == '/' || C == '\\') ? '_' : C;
  return Name + ".html";
}

std::string header(const std::string &Title) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<title>" +
         escapeHtml(Title) + "</title><style>" + Style +
         "</style></head><body>\n<h1>" + escapeHtml(Title) + "</h1>\n";
}

std::string filePage(const std::string &Path, const FileCoverage &F,
                     const std::string &SourceDir) {
  CoverageTotals T = totalsOf(F);
  std::ostringstream Out;
  Out << header(Path)
      << "<p><a href=\"index.html\">all files</a> &middot; lines "
      << pct(T.LinesHit, T.LinesFound) << " (" << T.LinesHit << "/"
      << T.LinesFound << "), branches " << pct(T.BranchesHit, T.BranchesFound)
      << " (" << T.BranchesHit << "/" << T.BranchesFound << ")</p>\n";
  std::map<int, bool> PartLines;
  for (const auto &[Key, Hits] : F.Branches)
    if (Hits == 0)
      PartLines[Key.first] = true;
  // Only files of the source tree: the path is evidence (see fileInsideTree).
  std::optional<std::string> Source =
      fileInsideTree(SourceDir.empty() ? "." : SourceDir, Path);
  std::ifstream In;
  if (Source)
    In.open(*Source);
  if (!In) {
    Out << "<p>The source file is not available here; per-line counts:</p>\n";
  }
  Out << "<table class=\"src\">\n";
  std::string Text;
  int Number = 0;
  auto Row = [&](int N, const std::string &Code) {
    auto It = F.Lines.find(N);
    const char *Class = "";
    std::string Count;
    if (It != F.Lines.end()) {
      Class = It->second == 0 ? "miss" : PartLines.count(N) ? "part" : "hit";
      Count = std::to_string(It->second);
    }
    Out << "<tr id=\"L" << N << "\" class=\"" << Class << "\"><td class=\"ln\">"
        << N << "</td><td class=\"cnt\">" << Count << "</td><td>"
        << escapeHtml(Code) << "</td></tr>\n";
  };
  if (In) {
    while (std::getline(In, Text))
      Row(++Number, Text);
  } else {
    for (const auto &[N, Hits] : F.Lines)
      Row(N, "");
  }
  Out << "</table>\n</body></html>\n";
  return Out.str();
}

} // namespace

void writeCoverageHtml(const CoverageEvidence &E, const std::string &SourceDir,
                       const std::string &OutDir) {
  std::error_code Ec;
  fs::create_directories(OutDir, Ec);
  if (Ec)
    throw Error("output.file.unwritable", OutDir, "",
                "cannot create the folder: " + Ec.message());
  CoverageTotals All = E.totals();
  std::ostringstream Index;
  Index
      << header("Coverage") << "<p>lines " << pct(All.LinesHit, All.LinesFound)
      << " (" << All.LinesHit << "/" << All.LinesFound << "), branches "
      << pct(All.BranchesHit, All.BranchesFound) << " (" << All.BranchesHit
      << "/" << All.BranchesFound << "), functions "
      << pct(All.FunctionsHit, All.FunctionsFound) << " (" << All.FunctionsHit
      << "/" << All.FunctionsFound << ")</p>\n<table>\n<tr><th>file</th>"
      << "<th></th><th class=\"num\">lines</th><th class=\"num\">branches</th>"
      << "<th class=\"num\">functions</th></tr>\n";
  for (const auto &[Path, F] : E.Files) {
    CoverageTotals T = totalsOf(F);
    int Width = static_cast<int>(percent(T.LinesHit, T.LinesFound));
    Index << "<tr><td><a href=\"" << escapeHtml(pageName(Path)) << "\">"
          << escapeHtml(Path)
          << "</a></td><td><span class=\"bar\" style=\"width:100px\">"
          << "<span style=\"width:" << Width << "px\"></span></span></td>"
          << "<td class=\"num\">" << pct(T.LinesHit, T.LinesFound) << " ("
          << T.LinesHit << "/" << T.LinesFound << ")</td><td class=\"num\">"
          << pct(T.BranchesHit, T.BranchesFound) << "</td><td class=\"num\">"
          << pct(T.FunctionsHit, T.FunctionsFound) << "</td></tr>\n";
    writeFileAtomically((fs::path(OutDir) / pageName(Path)).string(),
                        filePage(Path, F, SourceDir));
  }
  Index << "</table>\n</body></html>\n";
  writeFileAtomically((fs::path(OutDir) / "index.html").string(), Index.str());
}

} // namespace exitbar

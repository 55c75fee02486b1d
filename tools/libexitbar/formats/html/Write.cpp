// Write.cpp - the HTML report: one self-contained page, readable on a laptop
// and a phone
// SPDX-License-Identifier: Apache-2.0
//
// Format: HTML5 (WHATWG living standard), inline CSS and SVG only, no
// scripts and no external assets, so the file can be archived or mailed.

#include "exitbar/Reports.h"
#include "report/CheckDocs.h"
#include "support/Strings.h"
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>

namespace exitbar {
namespace {

std::string number(double V) {
  char Buf[32];
  std::snprintf(Buf, sizeof Buf, "%.0f", V);
  return Buf;
}

const char *statusClass(Status S) {
  return S == Status::Go ? "go" : S == Status::Conditional ? "cond" : "nogo";
}

constexpr const char *Style = R"css(
:root{--go:#1a7f37;--cond:#9a6700;--nogo:#cf222e;--muted:#57606a;--line:#d0d7de}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
main{max-width:1100px;margin:0 auto;padding:16px}
header{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px;display:flex;flex-wrap:wrap;gap:16px;align-items:center}
.badge{font-weight:700;font-size:28px;padding:6px 16px;border-radius:6px;color:#fff}
.badge.go{background:var(--go)}.badge.cond{background:var(--cond)}.badge.nogo{background:var(--nogo)}
.facts{display:flex;flex-wrap:wrap;gap:18px;color:var(--muted)}
.facts b{color:#1f2328;font-size:18px}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px;margin-top:16px}
h2{margin:0 0 12px;font-size:18px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:12px}
.category{border:1px solid var(--line);border-radius:6px;padding:10px}
.category h3{margin:0;font-size:15px;text-transform:capitalize}
.bar{height:10px;background:#eaeef2;border-radius:5px;overflow:hidden;margin:6px 0}
.bar span{display:block;height:100%}
.hi{background:var(--go)}.mid{background:var(--cond)}.lo{background:var(--nogo)}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
.table{overflow-x:auto}
.pass{color:var(--go);font-weight:600}.fail{color:var(--nogo);font-weight:600}.waived{color:var(--cond);font-weight:600}
.sev{font-weight:600;text-transform:uppercase;font-size:12px;padding:1px 6px;border-radius:4px;color:#fff}
.sev.critical{background:#8b0000}.sev.high{background:var(--nogo)}.sev.medium{background:var(--cond)}.sev.low{background:var(--muted)}
.finding{border-top:1px solid var(--line);padding:10px 0}
.finding .where{font-family:ui-monospace,monospace;font-size:13px;color:var(--muted)}
pre{background:#f6f8fa;border:1px solid var(--line);border-radius:6px;padding:8px;overflow-x:auto;font-size:13px;margin:6px 0 0}
pre .hit{background:#ffebe9;display:block}
.state{font-size:12px;color:var(--muted)}
ol.path{margin:6px 0 0;padding-left:24px;font-size:13px}
ol.path .where{font-family:ui-monospace,monospace;color:var(--muted)}
ul.items{margin:6px 0 0;padding-left:20px;font-family:ui-monospace,monospace;font-size:13px;word-break:break-word}
@media (max-width:600px){body{font-size:14px}.badge{font-size:22px}th,td{padding:4px}}
)css";

void writeGauge(double Score, Status S, std::ostream &Out) {
  // A ring whose arc is the readiness score.
  double Circumference = 2 * M_PI * 40;
  double Filled = Circumference * Score / 100;
  const char *Color = S == Status::Go            ? "#1a7f37"
                      : S == Status::Conditional ? "#9a6700"
                                                 : "#cf222e";
  Out << "<svg width=\"96\" height=\"96\" viewBox=\"0 0 100 100\" role=\"img\" "
         "aria-label=\"readiness "
      << number(Score)
      << " percent\"><circle cx=\"50\" cy=\"50\" r=\"40\" fill=\"none\" "
         "stroke=\"#eaeef2\" stroke-width=\"12\"/><circle cx=\"50\" cy=\"50\" "
         "r=\"40\" fill=\"none\" stroke=\""
      << Color << "\" stroke-width=\"12\" stroke-dasharray=\"" << Filled << " "
      << Circumference
      << "\" transform=\"rotate(-90 50 50)\"/><text x=\"50\" y=\"56\" "
         "text-anchor=\"middle\" font-size=\"20\" font-weight=\"700\">"
      << number(Score) << "%</text></svg>\n";
}

void writeCategories(const Verdict &V, std::ostream &Out) {
  Out << "<section id=\"scorecard\"><h2>Scorecard</h2><div class=\"cards\">\n";
  for (const CategoryResult &C : V.Categories) {
    Out << "<div class=\"category\" data-category=\"" << escapeHtml(C.Name)
        << "\"><h3>" << escapeHtml(C.Name) << "</h3>";
    if (!C.Score) {
      Out << "<div class=\"bar\"></div><div class=\"state\">no criteria</div>";
    } else {
      const char *Level = *C.Score >= 80 ? "hi" : *C.Score >= 50 ? "mid" : "lo";
      Out << "<div class=\"bar\"><span class=\"" << Level
          << "\" style=\"width:" << number(*C.Score) << "%\"></span></div>"
          << "<div><b>" << number(*C.Score) << " / 100</b> &middot; "
          << C.Passed << "/" << C.Total << " criteria</div>";
    }
    Out << "</div>\n";
  }
  Out << "</div></section>\n";
}

void writeBlocking(const Verdict &V, std::ostream &Out) {
  bool Any = false;
  for (const CriterionResult &R : V.Criteria) {
    if (R.Passed || R.Rule.Required != Level::Must)
      continue;
    if (!Any)
      Out << "<section id=\"blocking\"><h2>Blocking items</h2>\n";
    Any = true;
    Out << "<div class=\"finding\" data-criterion=\"" << escapeHtml(R.Rule.Id)
        << "\"><b>" << escapeHtml(R.Rule.Id) << "</b> <span class=\"state\">("
        << escapeHtml(R.Rule.Category) << ", must)</span><div>"
        << escapeHtml(R.Detail) << " &middot; evidence: <code>"
        << escapeHtml(R.Evidence) << "</code></div>";
    if (!R.Items.empty()) {
      Out << "<ul class=\"items\">";
      for (const std::string &Item : R.Items)
        Out << "<li>" << escapeHtml(Item) << "</li>";
      Out << "</ul>";
    }
    Out << "</div>\n";
  }
  if (Any)
    Out << "</section>\n";
}

void writeCriteria(const Verdict &V, std::ostream &Out) {
  Out << "<section id=\"criteria\"><h2>Criteria</h2><div class=\"table\">"
         "<table><thead><tr><th>criterion</th><th>category</th><th>level</th>"
         "<th>bar</th><th>actual</th><th>result</th></tr></thead><tbody>\n";
  for (const CriterionResult &R : V.Criteria) {
    char Bar[96];
    std::snprintf(Bar, sizeof Bar, "%s %g",
                  std::string(toString(R.Rule.Op)).c_str(), R.Rule.Threshold);
    char Actual[32] = "no evidence";
    if (R.NotApplicable)
      std::snprintf(Actual, sizeof Actual, "not collected");
    if (R.Actual)
      std::snprintf(Actual, sizeof Actual, "%g", *R.Actual);
    const char *Result = R.NotApplicable ? "n/a"
                         : R.Waived      ? "waived"
                         : R.Passed      ? "pass"
                                         : "fail";
    Out << "<tr><td title=\"" << escapeHtml(R.Rule.Description) << "\">"
        << escapeHtml(R.Rule.Id) << "</td><td>" << escapeHtml(R.Rule.Category)
        << "</td><td>" << toString(R.Rule.Required) << "</td><td><code>"
        << escapeHtml(R.Rule.Metric) << " " << escapeHtml(Bar)
        << "</code></td><td>" << escapeHtml(Actual) << "</td><td class=\""
        << Result << "\">" << Result << "</td></tr>\n";
  }
  Out << "</tbody></table></div></section>\n";
}

void writeFindings(const Verdict &V, const ReportOptions &Options,
                   std::ostream &Out) {
  Out << "<section id=\"findings\"><h2>Findings</h2>\n";
  // Code that GCC builds and clang-tidy skipped (`#ifndef __clang__`).
  if (!V.UnanalysedRegions.empty()) {
    Out << "<p class=\"unanalysed\">Not analysed (compiled only by other "
           "compilers):";
    for (size_t I = 0; I < V.UnanalysedRegions.size(); ++I) {
      const UnanalysedRegion &R = V.UnanalysedRegions[I];
      Out << (I ? ", " : " ") << "<code>" << escapeHtml(R.File) << ":" << R.Line
          << "</code> (" << escapeHtml(R.Condition) << ", " << R.Lines
          << " lines)";
    }
    Out << "</p>\n";
  }
  if (V.Findings.empty()) {
    Out << "<p>No findings.</p></section>\n";
    return;
  }
  // Counts by check and severity.
  std::map<std::string, std::map<Severity, int>> ByCheck;
  for (const FindingResult &F : V.Findings)
    ++ByCheck[F.Item.Check][F.Item.Level];
  Out << "<div class=\"table\"><table><thead><tr><th>check</th>"
         "<th>critical</th><th>high</th><th>medium</th><th>low</th></tr>"
         "</thead><tbody>\n";
  for (const auto &[Check, Counts] : ByCheck) {
    Out << "<tr><td>" << escapeHtml(Check) << "</td>";
    for (Severity S : {Severity::Critical, Severity::High, Severity::Medium,
                       Severity::Low}) {
      auto It = Counts.find(S);
      Out << "<td>" << (It == Counts.end() ? 0 : It->second) << "</td>";
    }
    Out << "</tr>\n";
  }
  Out << "</tbody></table></div>\n";

  for (const FindingResult &F : V.Findings) {
    const Finding &I = F.Item;
    std::string Sev(toString(I.Level));
    Out << "<div class=\"finding\" data-check=\"" << escapeHtml(I.Check)
        << "\"><span class=\"sev " << Sev << "\">" << Sev << "</span> "
        << escapeHtml(I.Message) << " <span class=\"state\">["
        << escapeHtml(I.Check);
    for (const std::string &Cwe : I.Cwe)
      Out << ", " << escapeHtml(Cwe);
    Out << "]";
    if (F.State != FindingState::New)
      Out << " &middot; " << toString(F.State);
    if (!F.Note.empty())
      Out << ": " << escapeHtml(F.Note);
    Out << "</span><div class=\"where\">" << escapeHtml(I.File) << ":" << I.Line
        << ":" << I.Column << "</div>";
    auto Snippet = Options.Snippets.find(I.File + ":" + std::to_string(I.Line));
    if (Snippet != Options.Snippets.end() && !Snippet->second.empty()) {
      Out << "<pre>";
      for (const auto &[Line, Text] : Snippet->second) {
        char Number[16];
        std::snprintf(Number, sizeof Number, "%5d  ", Line);
        if (Line == I.Line)
          Out << "<span class=\"hit\">" << Number << escapeHtml(Text)
              << "</span>";
        else
          Out << Number << escapeHtml(Text) << "\n";
      }
      Out << "</pre>";
    }
    // The way the data went, source first, as the check's notes tell it.
    if (!I.Path.empty()) {
      Out << "<ol class=\"path\">";
      for (const PathStep &S : I.Path)
        Out << "<li><span class=\"where\">" << escapeHtml(S.File) << ":"
            << S.Line << ":" << S.Column << "</span> " << escapeHtml(S.Message)
            << "</li>";
      Out << "</ol>";
    }
    Out << "</div>\n";
  }
  Out << "</section>\n";
}

/// Line, branch and function coverage summed per directory (a file's
/// parent folder), so a reader sees which part of the tree lacks tests.
void writeCoverageByDirectory(const CoverageEvidence &C, std::ostream &Out) {
  std::map<std::string, std::pair<CoverageTotals, int>> Dirs;
  for (const auto &[Path, F] : C.Files) {
    std::string Dir =
        std::filesystem::path(Path).parent_path().generic_string();
    auto &[Totals, Files] = Dirs[Dir.empty() ? "." : Dir];
    Totals.add(totalsOf(F));
    ++Files;
  }
  auto Cell = [&](long long Hit, long long Found) {
    double P = percent(Hit, Found);
    std::ostringstream S;
    if (Found == 0)
      return std::string("<td>-</td>");
    S << "<td><div class=\"bar\" style=\"width:120px\"><span class=\""
      << (P >= 80   ? "hi"
          : P >= 50 ? "mid"
                    : "lo")
      << "\" style=\"width:" << number(P) << "%\"></span></div>" << number(P)
      << " % (" << Hit << "/" << Found << ")</td>";
    return S.str();
  };
  CoverageTotals All = C.totals();
  Out << "<section id=\"coverage\"><h2>Coverage by directory</h2>"
         "<div class=\"table\"><table><thead><tr><th>directory</th>"
         "<th>files</th><th>lines</th><th>branches</th><th>functions</th>"
         "</tr></thead><tbody>\n";
  for (const auto &[Dir, Entry] : Dirs) {
    const CoverageTotals &T = Entry.first;
    Out << "<tr><td>" << escapeHtml(Dir) << "</td><td>" << Entry.second
        << "</td>" << Cell(T.LinesHit, T.LinesFound)
        << Cell(T.BranchesHit, T.BranchesFound)
        << Cell(T.FunctionsHit, T.FunctionsFound) << "</tr>\n";
  }
  Out << "<tr><td><b>all</b></td><td>" << C.Files.size() << "</td>"
      << Cell(All.LinesHit, All.LinesFound)
      << Cell(All.BranchesHit, All.BranchesFound)
      << Cell(All.FunctionsHit, All.FunctionsFound) << "</tr>\n";
  Out << "</tbody></table></div></section>\n";
}

/// A registered evidence kind's section: its name/value rows, or its table.
void writeSection(const ReportSection &S, std::ostream &Out) {
  Out << "<section id=\"" << escapeHtml(S.Id) << "\"><h2>"
      << escapeHtml(S.Title) << "</h2>";
  if (!S.Intro.empty())
    Out << "<p>" << escapeHtml(S.Intro) << "</p>";
  if (!S.Rows.empty()) {
    Out << "<table>";
    for (const auto &[Name, Value] : S.Rows)
      Out << "<tr><th>" << escapeHtml(Name) << "</th><td>" << escapeHtml(Value)
          << "</td></tr>";
    Out << "</table>";
  }
  if (!S.Table.empty()) {
    Out << "<div class=\"table\"><table><thead><tr>";
    for (const std::string &C : S.Columns)
      Out << "<th>" << escapeHtml(C) << "</th>";
    Out << "</tr></thead><tbody>\n";
    for (const ReportRow &R : S.Table) {
      Out << "<tr";
      if (!S.RowKey.empty() && !R.Key.empty())
        Out << " data-" << escapeHtml(S.RowKey) << "=\"" << escapeHtml(R.Key)
            << "\"";
      Out << ">";
      for (const ReportCell &C : R.Cells) {
        Out << "<td";
        if (!C.Class.empty())
          Out << " class=\"" << escapeHtml(C.Class) << "\"";
        Out << ">" << escapeHtml(C.Text) << "</td>";
      }
      Out << "</tr>\n";
    }
    Out << "</tbody></table></div>";
  }
  if (!S.Note.empty())
    Out << "<p>" << escapeHtml(S.Note) << "</p>";
  Out << "</section>\n";
}

/// A section of \p Lines, one list item each; nothing without lines.
void writeLineSection(std::ostream &Out, const char *Id, const char *Title,
                      const std::vector<std::string> &Lines) {
  if (Lines.empty())
    return;
  Out << "<section id=\"" << Id << "\"><h2>" << Title << "</h2><ul>";
  for (const std::string &Line : Lines)
    Out << "<li>" << escapeHtml(Line) << "</li>";
  Out << "</ul></section>\n";
}

} // namespace

/// A section with a heading and one list item per line, when there are
void writeHtmlReport(const Verdict &V, std::ostream &Out,
                     const ReportOptions &Options) {
  std::string Status(toString(V.Result));
  Out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\"><title>ExitBar verdict: "
      << Status << "</title><style>" << Style
      << "</style></head><body><main>\n";
  Out << "<header id=\"verdict\" data-status=\"" << Status << "\">";
  writeGauge(V.ReadinessScore, V.Result, Out);
  Out << "<div><div class=\"badge " << statusClass(V.Result) << "\">" << Status
      << "</div></div><div class=\"facts\"><span>release <b>"
      << escapeHtml(V.ReleaseVersion.empty() ? "unversioned" : V.ReleaseVersion)
      << "</b></span><span>readiness <b id=\"readiness\">"
      << number(V.ReadinessScore) << " %</b></span><span>must-pass <b>"
      << V.MustPassed << "/" << V.MustTotal
      << "</b></span><span>should-pass <b>" << V.ShouldPassed << "/"
      << V.ShouldTotal << "</b></span><span>" << escapeHtml(V.GeneratedAt)
      << "</span></div></header>\n";
  writeCategories(V, Out);
  writeBlocking(V, Out);
  writeCriteria(V, Out);
  writeLineSection(Out, "warnings", "Warnings", V.Warnings);
  writeLineSection(Out, "waivers", "Expired waivers", V.ExpiredWaivers);
  writeLineSection(Out, "stale", "Stale evidence (not counted)",
                   V.StaleEvidence);
  writeLineSection(Out, "suppressions",
                   "Suppressions (NOLINT of exitbar-* checks)", V.Suppressions);
  writeFindings(V, Options, Out);
  // The registered evidence kinds' sections (EvidenceKinds.h).
  for (const ReportSection &S : V.Sections)
    writeSection(S, Out);
  if (Options.Coverage)
    writeCoverageByDirectory(*Options.Coverage, Out);
  Out << "<footer class=\"state\" style=\"margin:16px 0\">ExitBar "
      << escapeHtml(Options.ToolVersion) << "</footer></main></body></html>\n";
}

} // namespace exitbar

// Write.cpp - the Markdown report (GitHub-flavoured, fit for
// $GITHUB_STEP_SUMMARY)
// SPDX-License-Identifier: Apache-2.0
//
// Format: GitHub Flavored Markdown 0.29 (tables extension).

#include "exitbar/EvidenceJson.h"
#include "exitbar/Reports.h"
#include <cctype>
#include <cmath>
#include <string_view>

namespace exitbar {
namespace {

/// A ten-cell bar for a 0-100 score.
std::string bar(double Score) {
  int Filled = static_cast<int>(std::lround(Score / 10));
  std::string Out;
  for (int I = 0; I < 10; ++I)
    Out += I < Filled ? "\xe2\x96\x88" : "\xe2\x96\x91"; // '█' and '░'
  return Out;
}

std::string percent(double Score) {
  char Buf[32];
  std::snprintf(Buf, sizeof Buf, "%.0f %%", Score);
  return Buf;
}

/// Text from evidence or the policy (test names, finding messages, file
/// names, ids) as inert inline Markdown: it is attacker-controlled (a test
/// name, a comment in the source), and the report lands in
/// $GITHUB_STEP_SUMMARY. Every character that can start inline markup —
/// emphasis and strike-through (`*`, `_`, `~`), code (`` ` ``), links and
/// images (`[`, `]`; without them `(`, `)` and `!` are plain), raw HTML,
/// autolinks and entities (`<`, `>`, `&`), table cells (`|`), headings
/// (`#`), math (`$`) — is backslash-escaped (CommonMark 2.4: any ASCII
/// punctuation may be), and so is a `:` that could open an emoji shortcode
/// (`:white_check_mark:`) or a URL scheme (`https://`). Line breaks and
/// other control characters become spaces, so the text stays inside its own
/// cell, item or line; it never starts a line, so list and thematic-break
/// markers (`-`, `+`, `=`, digits) stay as they are.
std::string cell(const std::string &Text) {
  static constexpr std::string_view Special = "\\`*_[]<>#|~&$";
  std::string Out;
  Out.reserve(Text.size());
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    auto U = static_cast<unsigned char>(C);
    if (U < 0x20 || U == 0x7f) {
      Out += ' ';
      continue;
    }
    if (C == ':' && I + 1 < Text.size()) {
      char Next = Text[I + 1];
      bool Shortcode = std::isalpha(static_cast<unsigned char>(Next)) ||
                       Next == '+' || Next == '-' ||
                       Text.compare(I + 1, 4, "100:") == 0 ||
                       Text.compare(I + 1, 5, "1234:") == 0;
      if (Shortcode || Next == '/')
        Out += '\\';
    } else if (Special.find(C) != std::string_view::npos) {
      Out += '\\';
    }
    Out += C;
  }
  return Out;
}

/// `## Title` and one bullet per line, when there are lines.
void writeLineList(std::ostream &Out, const char *Title,
                   const std::vector<std::string> &Lines) {
  if (Lines.empty())
    return;
  Out << "\n## " << Title << "\n\n";
  for (const std::string &Line : Lines)
    Out << "- " << cell(Line) << "\n";
}

} // namespace

void writeMarkdownReport(const Verdict &V, std::ostream &Out) {
  Out << "# ExitBar verdict: " << toString(V.Result) << "\n\n";
  Out << "Release **"
      << cell(V.ReleaseVersion.empty() ? "unversioned" : V.ReleaseVersion)
      << "** · readiness score **" << percent(V.ReadinessScore)
      << "** · must-pass **" << V.MustPassed << "/" << V.MustTotal
      << "** · should-pass **" << V.ShouldPassed << "/" << V.ShouldTotal
      << "**\n\n";

  if (!V.Findings.empty() || V.HasBaseline) {
    int New = 0, Baselined = 0, Waived = 0;
    for (const FindingResult &F : V.Findings) {
      New += F.State == FindingState::New;
      Baselined += F.State == FindingState::Baselined;
      Waived += F.State == FindingState::Waived;
    }
    Out << "Findings: **" << New << " new**";
    if (V.HasBaseline)
      Out << ", " << Baselined << " baselined";
    if (Waived)
      Out << ", " << Waived << " waived";
    Out << ".\n\n";
  }

  // Code that GCC builds and clang-tidy skipped: say where, so "no
  // findings" is not read as "no findings there".
  if (!V.UnanalysedRegions.empty()) {
    Out << "Not analysed (compiled only by other compilers): ";
    for (size_t I = 0; I < V.UnanalysedRegions.size(); ++I) {
      const UnanalysedRegion &R = V.UnanalysedRegions[I];
      Out << (I ? ", " : "") << "`" << R.File << ":" << R.Line << "` ("
          << cell(R.Condition) << ", " << R.Lines << " lines)";
    }
    Out << ".\n\n";
  }

  // | category | score | criteria passed | bar |
  Out << "| category | score | passed | |\n|---|---:|---:|---|\n";
  for (const CategoryResult &C : V.Categories) {
    if (!C.Score) {
      Out << "| " << cell(C.Name) << " | n/a | 0/0 | no criteria |\n";
      continue;
    }
    Out << "| " << cell(C.Name) << " | " << percent(*C.Score) << " | "
        << C.Passed << "/" << C.Total << " | " << bar(*C.Score) << " |\n";
  }

  bool AnyBlocking = false;
  for (const CriterionResult &R : V.Criteria) {
    if (R.Passed || R.Rule.Required != Level::Must)
      continue;
    if (!AnyBlocking)
      Out << "\n## Blocking items\n";
    AnyBlocking = true;
    Out << "\n### " << cell(R.Rule.Id) << " (" << cell(R.Rule.Category)
        << ", must)\n\n"
        << cell(R.Detail) << ". Evidence: " << cell(R.Evidence) << ".\n";
    if (!R.Items.empty()) {
      Out << "\n";
      for (const std::string &Item : R.Items)
        Out << "- " << cell(Item) << "\n";
    }
  }

  writeLineList(Out, "Warnings", V.Warnings);
  writeLineList(Out, "Expired waivers", V.ExpiredWaivers);
  writeLineList(Out, "Stale evidence (not counted)", V.StaleEvidence);
  writeLineList(Out, "Suppressions (NOLINT of exitbar-* checks)",
                V.Suppressions);

  // The registered evidence kinds' sections (EvidenceKinds.h).
  for (const ReportSection &S : V.Sections) {
    Out << "\n## " << cell(S.Title) << "\n";
    if (!S.Intro.empty())
      Out << "\n" << cell(S.Intro) << "\n";
    if (!S.Rows.empty()) {
      Out << "\n| | |\n|---|---|\n";
      for (const auto &[Name, Value] : S.Rows)
        Out << "| " << cell(Name) << " | " << cell(Value) << " |\n";
    }
    if (!S.Table.empty()) {
      std::string Rule;
      Out << "\n|";
      for (const std::string &C : S.Columns) {
        Out << " " << cell(C) << " |";
        Rule += "---|";
      }
      Out << "\n|" << Rule << "\n";
      for (const ReportRow &R : S.Table) {
        Out << "|";
        for (const ReportCell &C : R.Cells)
          Out << " " << cell(C.Text) << " |";
        Out << "\n";
      }
    }
    if (!S.Note.empty())
      Out << "\n" << cell(S.Note) << "\n";
  }

  // | id | category | level | threshold | actual | result |
  Out << "\n## Criteria\n\n| id | category | level | bar | actual | result "
         "|\n|---|---|---|---|---:|---|\n";
  for (const CriterionResult &R : V.Criteria) {
    char Threshold[64];
    std::snprintf(Threshold, sizeof Threshold, "%s %g",
                  std::string(toString(R.Rule.Op)).c_str(), R.Rule.Threshold);
    std::string Actual = R.NotApplicable ? "not collected" : "no evidence";
    if (R.Actual) {
      char Buf[32];
      std::snprintf(Buf, sizeof Buf, "%g", *R.Actual);
      Actual = Buf;
    }
    Out << "| " << cell(R.Rule.Id) << " | " << cell(R.Rule.Category) << " | "
        << toString(R.Rule.Required) << " | " << cell(R.Rule.Metric) << " "
        << cell(Threshold) << " | " << Actual << " | "
        << (R.NotApplicable ? "n/a"
            : R.Waived      ? "waived"
            : R.Passed      ? "pass"
                            : "**fail**")
        << " |\n";
  }
}

std::string verdictToJson(const Verdict &V) {
  return dumpCanonical(nlohmann::json(V));
}

} // namespace exitbar

// Read.cpp - reader of clang-tidy's textual output
// SPDX-License-Identifier: Apache-2.0
//
// Format: clang's diagnostic lines, `<file>:<line>:<col>: <level>: <message>
// [<check>[,<alias>...]]` (clang/lib/Frontend/TextDiagnostic.cpp), as
// clang-tidy prints them to stdout.

#include "formats/clang-tidy-log/Read.h"
#include <charconv>
#include <regex>

namespace exitbar::formats {

static std::string stripAnsi(const std::string &Line) {
  std::string Out;
  Out.reserve(Line.size());
  for (size_t I = 0; I < Line.size(); ++I) {
    if (Line[I] == '\x1b' && I + 1 < Line.size() && Line[I + 1] == '[') {
      I += 2;
      while (I < Line.size() && !(Line[I] >= '@' && Line[I] <= '~'))
        ++I;
      continue;
    }
    Out += Line[I];
  }
  return Out;
}

/// Parses a line or column number; false when it does not fit an int.
static bool parsePosition(const std::ssub_match &Digits, int &Out) {
  const char *Begin = &*Digits.first;
  const char *End = Begin + Digits.length();
  auto [Ptr, Ec] = std::from_chars(Begin, End, Out);
  return Ec == std::errc() && Ptr == End;
}

std::vector<TidyDiagnostic> readClangTidyLog(std::istream &In) {
  // <file>:<line>:<col>: <level>: <message> [<check>,...]
  static const std::regex Diagnostic(
      R"(^(.+):([0-9]+):([0-9]+): (warning|error): (.*) \[([A-Za-z0-9_.-]+)(,[A-Za-z0-9_.,-]+)?\]\r?$)");
  std::vector<TidyDiagnostic> Diags;
  std::string Line;
  while (std::getline(In, Line)) {
    // Cheap filter before the regex: every diagnostic line ends in ']'.
    if (Line.empty() || Line.find(": ") == std::string::npos)
      continue;
    std::string Plain = Line.find('\x1b') == std::string::npos
                            ? Line
                            : stripAnsi(Line);
    std::smatch M;
    if (!std::regex_match(Plain, M, Diagnostic))
      continue;
    TidyDiagnostic D;
    D.File = M[1];
    if (!parsePosition(M[2], D.Line) || !parsePosition(M[3], D.Column))
      continue;
    D.Level = M[4];
    D.Message = M[5];
    D.Check = M[6];
    Diags.push_back(std::move(D));
  }
  return Diags;
}

} // namespace exitbar::formats

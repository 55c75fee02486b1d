// Read.cpp - reader of clang-tidy's textual output
// SPDX-License-Identifier: Apache-2.0
//
// Format: clang's diagnostic lines, `<file>:<line>:<col>: <level>: <message>
// [<check>[,<alias>...]]` (clang/lib/Frontend/TextDiagnostic.cpp), as
// clang-tidy prints them to stdout.

#include "formats/clang-tidy-log/Read.h"
#include <charconv>
#include <string_view>

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
static bool parsePosition(std::string_view Digits, int &Out) {
  auto [Ptr, Ec] =
      std::from_chars(Digits.data(), Digits.data() + Digits.size(), Out);
  return Ec == std::errc() && Ptr == Digits.data() + Digits.size();
}

static bool isDigit(char C) { return C >= '0' && C <= '9'; }

static bool isCheckChar(char C) {
  return (C >= 'A' && C <= 'Z') || (C >= 'a' && C <= 'z') || isDigit(C) ||
         C == '_' || C == '.' || C == '-' || C == ',';
}

/// The first check of the trailing ` [<check>[,<alias>...]]`, and where
/// that bracket starts (at the space); false when the line has none.
static bool splitChecks(std::string_view Line, std::string_view &Check,
                        size_t &Start) {
  if (Line.empty() || Line.back() != ']')
    return false;
  // Check names hold no '[', so the list starts at the last one.
  size_t Open = Line.rfind('[');
  if (Open == std::string_view::npos || Open == 0 || Line[Open - 1] != ' ')
    return false;
  std::string_view List = Line.substr(Open + 1, Line.size() - Open - 2);
  size_t Comma = List.find(',');
  if (List.empty() || Comma == 0 || Comma + 1 == List.size())
    return false;
  for (char C : List)
    if (!isCheckChar(C))
      return false;
  Check = List.substr(0, Comma);
  Start = Open - 1;
  return true;
}

/// Where `<file>:<line>:<col>` ends at \p At in \p Text: whether it does
/// (digits, a colon, digits, a colon and a non-empty file before them), and
/// where the file ends (\p FileEnd), the line's and the column's digits.
static bool positionBefore(std::string_view Text, size_t At, size_t &FileEnd,
                           std::string_view &LineDigits,
                           std::string_view &ColumnDigits) {
  size_t ColBegin = At;
  while (ColBegin > 0 && isDigit(Text[ColBegin - 1]))
    --ColBegin;
  if (ColBegin == At || ColBegin == 0 || Text[ColBegin - 1] != ':')
    return false;
  size_t LineEnd = ColBegin - 1, LineBegin = LineEnd;
  while (LineBegin > 0 && isDigit(Text[LineBegin - 1]))
    --LineBegin;
  if (LineBegin == LineEnd || LineBegin < 2 || Text[LineBegin - 1] != ':')
    return false;
  FileEnd = LineBegin - 1;
  LineDigits = Text.substr(LineBegin, LineEnd - LineBegin);
  ColumnDigits = Text.substr(ColBegin, At - ColBegin);
  return true;
}

/// Parses `<file>:<line>:<col>: <level>: <message>` in \p Head into \p D;
/// the file is the longest prefix that leaves such a tail (file names may
/// hold colons, "C:\\src"), as clang's own output is read.
static bool splitHead(std::string_view Head, TidyDiagnostic &D) {
  constexpr std::string_view WarningTag = ": warning: ", ErrorTag = ": error: ";
  // The rightmost ": warning: " and ": error: " not yet tried; each search
  // resumes left of the last, so the whole line is scanned once per tag.
  auto Before = [&](std::string_view Tag, size_t Pos) {
    return Pos == 0 ? std::string_view::npos : Head.rfind(Tag, Pos - 1);
  };
  size_t W = Before(WarningTag, Head.size());
  size_t E = Before(ErrorTag, Head.size());
  while (W != std::string_view::npos || E != std::string_view::npos) {
    bool Warning =
        E == std::string_view::npos || (W != std::string_view::npos && W > E);
    size_t At = Warning ? W : E;
    if (Warning)
      W = Before(WarningTag, W);
    else
      E = Before(ErrorTag, E);
    size_t FileEnd = 0;
    std::string_view LineDigits, ColumnDigits;
    if (!positionBefore(Head, At, FileEnd, LineDigits, ColumnDigits))
      continue;
    // A match: the file (non-empty) is what precedes; a position that
    // does not fit an int drops the line, as it always has.
    if (!parsePosition(LineDigits, D.Line) ||
        !parsePosition(ColumnDigits, D.Column))
      return false;
    D.File = std::string(Head.substr(0, FileEnd));
    D.Level = Warning ? "warning" : "error";
    D.Message = std::string(
        Head.substr(At + (Warning ? WarningTag.size() : ErrorTag.size())));
    return true;
  }
  return false;
}

/// Parses `<file>:<line>:<col>: note: <message>` into \p N, the file again
/// the longest prefix that leaves such a tail.
static bool splitNote(std::string_view Line, TidyNote &N) {
  constexpr std::string_view NoteTag = ": note: ";
  for (size_t At = Line.rfind(NoteTag); At != std::string_view::npos;
       At = At == 0 ? std::string_view::npos : Line.rfind(NoteTag, At - 1)) {
    size_t FileEnd = 0;
    std::string_view LineDigits, ColumnDigits;
    if (!positionBefore(Line, At, FileEnd, LineDigits, ColumnDigits))
      continue;
    if (!parsePosition(LineDigits, N.Line) ||
        !parsePosition(ColumnDigits, N.Column))
      return false;
    N.File = std::string(Line.substr(0, FileEnd));
    N.Message = std::string(Line.substr(At + NoteTag.size()));
    return true;
  }
  return false;
}

std::vector<TidyDiagnostic> readClangTidyLog(std::istream &In) {
  // <file>:<line>:<col>: <level>: <message> [<check>,...], read by hand in
  // linear time: std::regex recursed once per character and overflowed the
  // stack on lines of some 30 KB (a long template name, generated code).
  std::vector<TidyDiagnostic> Diags;
  bool NotesOpen = false; // notes now follow Diags.back()
  std::string Line;
  while (std::getline(In, Line)) {
    if (Line.empty() || Line.find(": ") == std::string::npos)
      continue;
    std::string Plain =
        Line.find('\x1b') == std::string::npos ? Line : stripAnsi(Line);
    std::string_view View(Plain);
    if (!View.empty() && View.back() == '\r')
      View.remove_suffix(1);
    // ECMAScript's '.' never matched a carriage return inside the line.
    if (View.find('\r') != std::string_view::npos)
      continue;
    std::string_view Check;
    size_t ChecksAt = 0;
    TidyDiagnostic D;
    if (!splitChecks(View, Check, ChecksAt) ||
        !splitHead(View.substr(0, ChecksAt), D)) {
      // A note belongs to the diagnostic above it. After a warning or
      // error line that was not read (no check named), the notes are that
      // line's, not the last diagnostic's.
      TidyNote N;
      if (splitNote(View, N)) {
        if (NotesOpen && N.Message.rfind("expanded from macro", 0) != 0)
          Diags.back().Notes.push_back(std::move(N));
      } else if (View.find(": warning: ") != std::string_view::npos ||
                 View.find(": error: ") != std::string_view::npos) {
        NotesOpen = false;
      }
      continue;
    }
    D.Check = std::string(Check);
    Diags.push_back(std::move(D));
    NotesOpen = true;
  }
  return Diags;
}

} // namespace exitbar::formats

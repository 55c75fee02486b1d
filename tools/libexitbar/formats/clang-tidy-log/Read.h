// Read.h - reader of clang-tidy's textual output
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_FORMATS_CLANG_TIDY_LOG_READ_H
#define EXITBAR_FORMATS_CLANG_TIDY_LOG_READ_H

#include <istream>
#include <string>
#include <vector>

namespace exitbar::formats {

/// One `file:line:col: warning|error: message [check]` line of the log.
/// One `file:line:col: note: message` line that follows a diagnostic: a
/// step of the path the check reports, or other context it gives.
struct TidyNote {
  std::string File;
  int Line = 0;
  int Column = 0;
  std::string Message;
};

struct TidyDiagnostic {
  std::string File;
  int Line = 0;
  int Column = 0;
  std::string Level; ///< "warning" or "error"
  std::string Message;
  std::string Check; ///< the first check named in the brackets
  /// The notes printed after it, in order, without clang's "expanded from
  /// macro" notes (where a location came from, not a step of a path).
  std::vector<TidyNote> Notes;
};

/// Reads the diagnostics of a clang-tidy log, each with the notes that
/// follow it; source snippets, carets and summary lines are skipped, ANSI
/// colour codes are ignored.
/// Example: auto Diags = readClangTidyLog(LogStream);
std::vector<TidyDiagnostic> readClangTidyLog(std::istream &In);

} // namespace exitbar::formats

#endif // EXITBAR_FORMATS_CLANG_TIDY_LOG_READ_H

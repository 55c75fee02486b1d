// TaintSummaries.h - what a taint check tells other translation units
// SPDX-License-Identifier: Apache-2.0
//
// A translation unit sees the functions it defines; a flow whose source is
// in one file and whose sink is in another is invisible to each. As ThinLTO
// does for code, each unit therefore writes summaries of its external
// functions during the build, and `exitbar collect findings` links them
// once at the end (tools/libexitbar/collect/TaintLinks.cpp):
//
//   source  a call of a function defined elsewhere is given untrusted data
//           as argument k (the path from the origin to the call), a
//           function defined here returns it (argument -1) or writes it
//           through its parameter k (argument -2 - k), or a global
//           variable is given it (argument -1: the value);
//   pass    parameter p of an external function defined here reaches
//           argument k of a call of a function defined elsewhere; or the
//           value a function defined elsewhere returns, or a global's
//           value (parameter -1, -2 - k for what it writes through its
//           parameter k), reaches the return value of an external
//           function defined here (argument -1);
//   sink    parameter p of an external function defined here, the return
//           value of a function or the value of a global variable
//           (parameter -1), or what a function wrote through its
//           parameter k (parameter -2 - k) reaches
//           a sink of the check, unvalidated (the message the check would
//           print there).
//
// The records are JSON lines appended to the file EXITBAR_TAINT_SUMMARIES
// names (`exitbar tidy` sets it per unit); without it nothing is recorded
// and the checks cost what they did before.

#ifndef EXITBAR_CHECKS_UTILS_TAINTSUMMARIES_H
#define EXITBAR_CHECKS_UTILS_TAINTSUMMARIES_H

#include "Taint.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace clang::tidy::exitbar::taint {

/// The summaries one check records in one translation unit.
class SummaryRecorder {
public:
  /// \p Check is the check's name, which the linked findings carry.
  explicit SummaryRecorder(llvm::StringRef Check);

  /// True when the launcher asked for summaries.
  bool enabled() const { return !File.empty(); }

  /// Adds, when enabled, the matchers whose results record() records:
  /// calls, function definitions and writes to globals of the project.
  void registerMatchers(ast_matchers::MatchFinder *Finder,
                        ast_matchers::MatchFinder::MatchCallback *Check);

  /// Records a result of those matchers; false for the check's own.
  bool record(TaintAnalysis &Taint,
              const ast_matchers::MatchFinder::MatchResult &Result);

  /// At a sink in \p Fn: records each parameter of \p Fn (an external
  /// function) whose data \p Arg carries at \p Sink. \p Message is the
  /// diagnostic the check prints there; \p NeedsRemoteOrAppended says the
  /// check reports local data only when it was placed after other text
  /// (exitbar-path-traversal).
  void recordSink(TaintAnalysis &Taint, const Stmt &Sink, const Expr &Arg,
                  const FunctionDecl &Fn, llvm::StringRef Message,
                  bool NeedsRemoteOrAppended, ASTContext &Ctx);

  /// At a call of a function that this unit does not define: records the
  /// untrusted data and the parameters of the caller that its arguments
  /// carry.
  void recordCall(TaintAnalysis &Taint, const CallExpr &Call, ASTContext &Ctx);

  /// At the definition of \p F: records the untrusted data it returns or
  /// writes through its parameters from a source inside it, for the
  /// callers other units have.
  void recordDefinition(TaintAnalysis &Taint, const FunctionDecl &F,
                        ASTContext &Ctx);

  /// At the definition of \p F (linked as \p Name), which returns text:
  /// records the values of other units (functions' results, globals) that
  /// its return statements pass on, so a flow runs through it from one
  /// unit to a third.
  void recordReturnedPasses(TaintAnalysis &Taint, const FunctionDecl &F,
                            const std::string &Name, ASTContext &Ctx);

  /// At an assignment to a global variable: records the untrusted data it
  /// stores, for the readers other units have (argument -1 of the
  /// variable stands for its value).
  void recordGlobalWrite(TaintAnalysis &Taint, const BinaryOperator &Assign,
                         ASTContext &Ctx);

  /// Appends the records to the file and forgets them (at the end of each
  /// translation unit).
  void flush();

private:
  std::string Check;
  std::string File;
  std::vector<std::string> Lines;
};

/// The name a function or global variable is linked by across units: its
/// USR (Clang's unified symbol resolution, the same in every unit that
/// declares it), or "" for what other units cannot reach (static, in an
/// anonymous namespace, a lambda).
std::string linkName(const NamedDecl &F);

/// The place of \p Loc as the build output shows it (the expansion of a
/// macro, an absolute file name): a record's "file", "line", "column".
llvm::json::Object summaryPlace(SourceLocation Loc, const SourceManager &SM);

/// \p Record as one line of the summaries file.
std::string summaryLine(llvm::json::Object Record);

/// True when a same-line or next-line no-lint marker silences \p Check
/// at \p Loc: a flow linked to that sink later must stay as silent as the
/// diagnostic clang-tidy would have dropped there.
bool isSilencedAt(SourceLocation Loc, llvm::StringRef Check,
                  const SourceManager &SM);

/// Appends \p Lines to the summaries file \p File and clears them (the
/// checks of a unit each append theirs).
void appendSummaryLines(const std::string &File,
                        std::vector<std::string> &Lines);

/// The file the launcher asked the checks to record summaries in (the
/// EXITBAR_TAINT_SUMMARIES variable), or "".
std::string summaryFile();

} // namespace clang::tidy::exitbar::taint

#endif // EXITBAR_CHECKS_UTILS_TAINTSUMMARIES_H

// UnsafeFunctionCheck.h - flags calls to C functions that cannot be used safely
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_UNSAFEFUNCTIONCHECK_H
#define EXITBAR_CHECKS_UNSAFEFUNCTIONCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::exitbar {

/// Flags calls to functions that cannot bound what they write (gets, strcpy,
/// sprintf, ...) unless the copy provably fits, predictable temporary-file
/// functions, scanf-family `%s` without a field width, and `>>` into a char
/// array with no width set.
///
/// For the user-facing documentation see:
/// docs/checks/exitbar-unsafe-function.md
class UnsafeFunctionCheck : public ClangTidyCheck {
public:
  UnsafeFunctionCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// Reports a strcpy/strcat/sprintf-family copy unless it provably fits,
  /// saying what could not be proven or how far it overflows.
  void checkCopyBounds(const CallExpr &Call, StringRef Name,
                       StringRef Replacement, SourceLocation Loc,
                       ASTContext &Ctx);
  void checkScanfCall(const CallExpr *Call, unsigned FormatIndex,
                      StringRef Name, const ASTContext &Ctx);
  void checkStreamExtraction(const CXXOperatorCallExpr *Call,
                             const Expr *Buffer,
                             const ast_matchers::MatchFinder::MatchResult &R);

  /// (function, suggested replacement) pairs from the `Functions` option.
  std::vector<std::pair<std::string, std::string>> Functions;
  const bool CheckScanf;
  const bool CheckStreamExtraction;
  /// `unproven` (default): report only copies not proven to fit; `banned`:
  /// report every call of the listed functions.
  std::string Mode;
};

} // namespace clang::tidy::exitbar

#endif // EXITBAR_CHECKS_UNSAFEFUNCTIONCHECK_H

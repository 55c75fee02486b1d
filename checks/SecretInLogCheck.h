// SecretInLogCheck.h - flags secrets that reach a logging or printing call
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_SECRETINLOGCHECK_H
#define EXITBAR_CHECKS_SECRETINLOGCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/LocalWrites.h"
#include "utils/SecretNames.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::exitbar {

/// Flags secret values (secret-named variables, fields, parameters and
/// getters, secret environment variables, and local variables that received
/// one) that reach a logging or printing call in the same function.
///
/// For the user-facing documentation see:
/// docs/checks/exitbar-secret-in-log.md
class SecretInLogCheck : public ClangTidyCheck {
public:
  SecretInLogCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

  /// Where a logged value's secret comes from.
  struct Origin {
    /// The secret's name: a variable, field, getter, key or environment
    /// variable.
    std::string Subject;
    /// The local variable the secret went through, or "".
    std::string Via;
    /// Where that variable received it (for a note), or invalid.
    SourceLocation NoteLoc;
    /// Named only weakly (`token`, `pass`): a secret only in a context
    /// that is about authentication.
    bool Weak = false;
  };

private:
  std::optional<Origin> secretOf(const Expr *E, SourceLocation At,
                                 ASTContext &Ctx, unsigned Depth);
  std::optional<Origin> secretOfVariable(const VarDecl *V, const Expr *Ref,
                                         SourceLocation At, ASTContext &Ctx,
                                         unsigned Depth);
  bool isLoggingFunction(const FunctionDecl *Fn) const;
  bool isLoggingStream(const Expr *Root, ASTContext &Ctx) const;
  bool isAuthenticationContext(const Expr &Call, ASTContext &Ctx) const;
  void report(const Expr *Arg, const Expr &Call, StringRef Sink,
              const SourceManager &SM, ASTContext &Ctx);

  utils::SecretNames Names;
  std::vector<std::string> LogFunctions;
  std::vector<std::string> LogWords;
  llvm::StringSet<> LogFunctionSet;
  llvm::StringSet<> LogWordSet;
  utils::LocalWritesCache Writes;
};

} // namespace clang::tidy::exitbar

#endif // EXITBAR_CHECKS_SECRETINLOGCHECK_H

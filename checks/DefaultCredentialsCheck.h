// DefaultCredentialsCheck.h - flags comparisons with default credentials
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_DEFAULTCREDENTIALSCHECK_H
#define EXITBAR_CHECKS_DEFAULTCREDENTIALSCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/LocalWrites.h"
#include "utils/SecretNames.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::exitbar {

/// Flags user names and passwords compared with well-known default
/// credentials (admin, root, changeme, ...): a password compared with one
/// anywhere, a user name when the same function also checks a password
/// against a literal.
///
/// For the user-facing documentation see:
/// docs/checks/exitbar-default-credentials.md
class DefaultCredentialsCheck : public ClangTidyCheck {
public:
  DefaultCredentialsCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

  /// What a compared value is, by its name or the name it came from.
  struct Role {
    bool Password = false; ///< a password; otherwise a user name
    std::string Name;      ///< the name that says so
    std::string Via;       ///< the local variable it went through, or ""
    SourceLocation NoteLoc;
  };

private:
  std::optional<Role> roleOf(const Expr *E, SourceLocation At, ASTContext &Ctx,
                             unsigned Depth);
  std::optional<Role> roleOfName(StringRef Name) const;
  bool comparesPasswordWithLiteral(const Stmt &Body, ASTContext &Ctx);
  bool isRejection(const Stmt &Compare, ASTContext &Ctx) const;

  utils::SecretNames Names;
  std::vector<std::string> Defaults;
  std::vector<std::string> UserWords;
  llvm::StringSet<> DefaultSet;
  llvm::StringSet<> UserWordSet;
  utils::LocalWritesCache Writes;
};

} // namespace clang::tidy::exitbar

#endif // EXITBAR_CHECKS_DEFAULTCREDENTIALSCHECK_H

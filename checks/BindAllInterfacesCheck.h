// BindAllInterfacesCheck.h - flags servers bound to all network interfaces
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_BINDALLINTERFACESCHECK_H
#define EXITBAR_CHECKS_BINDALLINTERFACESCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/FileFilter.h"
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::exitbar {

/// Flags sockets bound to all network interfaces (INADDR_ANY, in6addr_any,
/// 0.0.0.0, ::) through BSD sockets, Boost.Asio and common server libraries.
///
/// For the user-facing documentation see:
/// docs/checks/exitbar-bind-all-interfaces.md
class BindAllInterfacesCheck : public ClangTidyCheck {
public:
  BindAllInterfacesCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkSocketBind(const CallExpr &Bind, ASTContext &Ctx);
  void checkPassiveLookup(const CallExpr &Call, ASTContext &Ctx);
  void checkHostArgument(const Expr &Use, const Expr &Host, StringRef Api,
                         ASTContext &Ctx);
  void checkAsioEndpoint(const CXXConstructExpr &Construct, ASTContext &Ctx);
  void checkAnyAddressUse(const Expr &Use, StringRef Spelling, ASTContext &Ctx);
  bool isEphemeralPort(const Expr *Port, const ASTContext &Ctx) const;

  /// (qualified function, index of its address argument) pairs.
  std::vector<std::pair<std::string, unsigned>> HostArguments;
  const utils::FileFilter AllowedFiles;
  const bool IgnoreEphemeralPort;
};

} // namespace clang::tidy::exitbar

#endif // EXITBAR_CHECKS_BINDALLINTERFACESCHECK_H

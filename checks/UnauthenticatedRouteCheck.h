// UnauthenticatedRouteCheck.h - flags HTTP routes that nothing authenticates
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_UNAUTHENTICATEDROUTECHECK_H
#define EXITBAR_CHECKS_UNAUTHENTICATEDROUTECHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/HttpRoutes.h"
#include "utils/ServerSummaries.h"
#include <string>
#include <vector>

namespace clang::tidy::exitbar {

/// Flags HTTP routes (cpp-httplib, Crow, Drogon, Pistache, civetweb,
/// mongoose) whose handler checks no credentials and that no authentication
/// middleware, filter or pre-routing handler of the same server guards.
///
/// For the user-facing documentation see:
/// docs/checks/exitbar-unauthenticated-route.md
class UnauthenticatedRouteCheck : public ClangTidyCheck {
public:
  UnauthenticatedRouteCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  bool isPublicRoute(StringRef Pattern) const;

  std::vector<std::string> PublicRoutes;
  utils::AuthKnowledge Auth;
  /// Routes whose guard may be in another unit, for the link.
  utils::ServerRecorder Summaries;
};

} // namespace clang::tidy::exitbar

#endif // EXITBAR_CHECKS_UNAUTHENTICATEDROUTECHECK_H

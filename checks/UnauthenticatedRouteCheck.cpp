// UnauthenticatedRouteCheck.cpp - flags HTTP routes that nothing authenticates
// SPDX-License-Identifier: Apache-2.0

#include "UnauthenticatedRouteCheck.h"
#include "utils/Compat.h"
#include "utils/OptionUtils.h"
#include "utils/ProjectScope.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::exitbar {
namespace {

// Routes that load balancers, orchestrators and scrapers call without
// credentials by design.
constexpr llvm::StringLiteral DefaultPublicRoutes =
    "/health;/healthz;/healthcheck;/livez;/readyz;/ready;/readiness;"
    "/liveness;/ping;/metrics;/status;/version;/favicon.ico;/robots.txt";

} // namespace

UnauthenticatedRouteCheck::UnauthenticatedRouteCheck(StringRef Name,
                                                     ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      PublicRoutes(
          utils::parseList(Options.get("PublicRoutes", DefaultPublicRoutes))) {
  Auth.AuthFunctions = utils::parseList(Options.get("AuthFunctions", ""));
}

void UnauthenticatedRouteCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "PublicRoutes", utils::joinList(PublicRoutes));
  Options.store(Opts, "AuthFunctions", utils::joinList(Auth.AuthFunctions));
}

void UnauthenticatedRouteCheck::registerMatchers(MatchFinder *Finder) {
  utils::limitTraversalToProject(Finder);
  // The whole unit at once: a guard registered after the routes (or in
  // another function) still covers them.
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

bool UnauthenticatedRouteCheck::isPublicRoute(StringRef Pattern) const {
  Pattern = Pattern.rtrim('/');
  for (const std::string &Public : PublicRoutes) {
    StringRef Route = StringRef(Public).rtrim('/');
    // "/health" also covers "/api/v1/health", not "/api/healthy".
    if (Pattern == Route ||
        (compat::endsWith(Pattern, Route) && compat::startsWith(Route, "/")))
      return true;
  }
  return false;
}

void UnauthenticatedRouteCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const utils::HttpRoute &Route : utils::findHttpRoutes(Ctx, Auth)) {
    // A handler defined in another unit is judged there, never guessed at.
    if (!Route.Body || Route.Guarded || isPublicRoute(Route.Pattern))
      continue;
    // An OPTIONS handler answers CORS preflights, which browsers send
    // without credentials by design (Fetch standard); it changes nothing.
    if (Route.Method == "OPTIONS")
      continue;
    if (utils::checksCredentials(Route.Body, Ctx, Auth))
      continue;
    diag(SM.getFileLoc(Route.Loc),
         "unauthenticated '%0' route '%1'; check credentials in the handler "
         "or register an authentication handler on the %2 server")
        << Route.Method << Route.Pattern << Route.Library;
  }
}

} // namespace clang::tidy::exitbar

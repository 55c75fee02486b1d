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
          utils::parseList(Options.get("PublicRoutes", DefaultPublicRoutes))),
      Summaries(Name) {
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
  utils::HttpServers Servers = utils::scanHttpServers(Ctx, Auth);
  Summaries.recordServers(Servers, SM);
  for (const utils::HttpRoute &Route : Servers.Routes) {
    // A handler defined in another unit is judged there, never guessed at.
    if (!Route.Body || Route.Guarded || isPublicRoute(Route.Pattern))
      continue;
    // An OPTIONS handler answers CORS preflights, which browsers send
    // without credentials by design (Fetch standard); it changes nothing.
    if (Route.Method == "OPTIONS")
      continue;
    if (utils::checksCredentials(Route.Body, Ctx, Auth))
      continue;
    std::string Message = "unauthenticated '" + Route.Method + "' route '" +
                          Route.Pattern +
                          "'; check credentials in the handler or register "
                          "an authentication handler on the " +
                          Route.Library + " server";
    if (Summaries.enabled() &&
        utils::ServerRecorder::mayBeGuardedElsewhere(Route, Servers)) {
      Summaries.recordRoute(Route, Message, SM);
      continue;
    }
    diag(SM.getFileLoc(Route.Loc), "%0") << Message;
  }
}

void UnauthenticatedRouteCheck::onEndOfTranslationUnit() { Summaries.flush(); }

} // namespace clang::tidy::exitbar

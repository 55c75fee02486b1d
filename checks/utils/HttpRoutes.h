// HttpRoutes.h - HTTP routes of C/C++ server libraries and their guards
// SPDX-License-Identifier: Apache-2.0
//
// exitbar-unauthenticated-route and exitbar-unverified-webhook both need the
// routes a translation unit registers (which library, method, path, handler)
// and what in the code checks credentials; both read them from here.

#ifndef EXITBAR_CHECKS_UTILS_HTTPROUTES_H
#define EXITBAR_CHECKS_UTILS_HTTPROUTES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include <functional>
#include <string>
#include <vector>

namespace clang::tidy::exitbar::utils {

/// One route registration and the handler code that serves it.
struct HttpRoute {
  std::string Library; ///< "cpp-httplib", "crow", "drogon", "pistache", ...
  std::string Method;  ///< "GET", "POST", ... or "ANY" when the handler
                       ///< serves every method
  std::string Pattern; ///< the path as registered, e.g. "/users/:id"
  SourceLocation Loc;  ///< where the route is registered
  /// The handler's code: a function or lambda body, or the branch of a
  /// dispatching event handler (mongoose); null when not in this unit.
  const Stmt *Body = nullptr;
  /// The server object the route is registered on (a variable, member or
  /// parameter); null when it is not a named object.
  const ValueDecl *Server = nullptr;
  /// Code that runs before the handler on every request of this route and
  /// checks credentials: an authentication pre-routing handler, middleware,
  /// filter, auth handler, or a check ahead of the dispatch.
  bool Guarded = false;
};

/// What counts as checking credentials besides the built-in knowledge.
struct AuthKnowledge {
  /// Functions (unqualified or `::`-qualified names) that check credentials.
  std::vector<std::string> AuthFunctions;
};

/// An authentication guard: code that runs before the handlers of a server
/// (or of the routes under a prefix) and checks credentials.
struct HttpGuard {
  std::string Library;
  const ValueDecl *Server = nullptr; ///< null: every server of the library
  std::string Prefix;                ///< only routes under this path
};

/// A server object handed to a function: how a server set up in main()
/// reaches the function that adds its routes or its guard.
struct ServerPass {
  const ValueDecl *Object = nullptr;
  /// The parameter it binds to: the definition's when this unit has it.
  const ParmVarDecl *Param = nullptr;
  const FunctionDecl *Callee = nullptr; ///< the function called
  unsigned Index = 0;                   ///< the parameter's position
};

/// What a translation unit registers on HTTP servers.
struct HttpServers {
  std::vector<HttpRoute> Routes;
  std::vector<HttpGuard> Guards;
  /// Only objects of a server library's types (a httplib::Server, a
  /// crow::App, a Pistache router, a civetweb context...).
  std::vector<ServerPass> Passes;
};

/// Every route registered in the project code of \p Ctx with the libraries
/// ExitBar knows (cpp-httplib, Crow, Drogon, Pistache, civetweb, mongoose),
/// with Guarded set from the guards registered in the same unit; the guards
/// and the servers passed between functions beside them.
/// Example: for (const HttpRoute &R : scanHttpServers(Ctx, {}).Routes) ...
HttpServers scanHttpServers(ASTContext &Ctx, const AuthKnowledge &Auth);

/// The routes of scanHttpServers().
std::vector<HttpRoute> findHttpRoutes(ASTContext &Ctx,
                                      const AuthKnowledge &Auth);

/// True when \p S (or a function of this unit it calls, two levels deep)
/// checks credentials: calls an authentication function, verifies a JWT, or
/// reads the Authorization header (or an API key, session or cookie) and
/// compares or validates what it read.
/// Example: if (!checksCredentials(Route.Body, Ctx, Auth)) diag(...);
bool checksCredentials(const Stmt *S, ASTContext &Ctx,
                       const AuthKnowledge &Auth);

/// The body of the function, lambda or bound member function \p Handler
/// names, or null when its definition is not in this unit.
/// Example: handlerBody(Call->getArg(1)) is the lambda's body.
const Stmt *handlerBody(const Expr *Handler);

/// Calls \p Visit on every statement under \p S and, two calls deep, under
/// the bodies of the functions of this unit that \p S calls (each body once).
/// Example: forEachReachableStmt(Body, [&](const Stmt &S) { ... });
void forEachReachableStmt(const Stmt *S,
                          const std::function<void(const Stmt &)> &Visit);

/// The name of the function a call calls ("" for calls through pointers).
std::string calleeName(const CallExpr &Call);

/// True when \p Text is the name of a header that carries a webhook's
/// signature: X-Hub-Signature(-256), X-Slack-Signature, Stripe-Signature,
/// Webhook-Signature, X-Shopify-Hmac-Sha256. A header name, not prose: no
/// spaces, at most 40 characters. A signature is the sender's credential,
/// so a route that checks one is authenticated.
bool looksLikeSignatureHeader(llvm::StringRef Text);

} // namespace clang::tidy::exitbar::utils

#endif // EXITBAR_CHECKS_UTILS_HTTPROUTES_H

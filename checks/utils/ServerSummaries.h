// ServerSummaries.h - what exitbar-unauthenticated-route tells other units
// SPDX-License-Identifier: Apache-2.0
//
// A route registered in one file is often guarded in another: Drogon's
// controllers sit in files of their own while main() registers the
// pre-routing advice that checks every request, and a server set up in
// main() is handed to setup_routes() in one file and to install_auth() in
// another. One unit cannot tell, so, as the taint checks do
// (TaintSummaries.h), each unit records what it saw in the summaries file:
//
//   route        a route no guard of this unit covers, registered on a
//                server other units may guard, with the diagnostic the
//                check would have printed;
//   guard        a guard and the server (or library) it covers;
//   server-pass  a server object handed to a function's parameter.
//
// `exitbar collect findings` links them (collect/RouteLinks.cpp): a route
// is reported when a server object it may be registered on has no guard
// that covers it anywhere in the program. Servers are named the same in
// every unit: "" (a library's one application: Drogon's app()),
// "param:<USR>#<i>", "global:<USR>", "field:<USR>", and
// "local:<file>:<line>:<column>" for what only one unit reaches.

#ifndef EXITBAR_CHECKS_UTILS_SERVERSUMMARIES_H
#define EXITBAR_CHECKS_UTILS_SERVERSUMMARIES_H

#include "utils/HttpRoutes.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy::exitbar::utils {

/// The route and server records of one check in one translation unit.
class ServerRecorder {
public:
  /// \p Check is the check's name, which the linked findings carry.
  explicit ServerRecorder(llvm::StringRef Check);

  /// True when the launcher asked for summaries.
  bool enabled() const { return !File.empty(); }

  /// True when \p Route, which no guard of this unit covers, may still be
  /// guarded by another unit: it is on Drogon's application, or every
  /// server object of this unit it may be registered on reaches code this
  /// unit cannot see (a global or member, a parameter of a function other
  /// units call, a function defined elsewhere it is handed to). False
  /// when an object only this unit reaches carries it unguarded: then
  /// this unit knows the finding.
  static bool mayBeGuardedElsewhere(const HttpRoute &Route,
                                    const HttpServers &Servers);

  /// Records \p Route with the check's diagnostic \p Message, unless a
  /// no-lint comment silences the check there.
  void recordRoute(const HttpRoute &Route, llvm::StringRef Message,
                   const SourceManager &SM);

  /// Records the guards of \p Servers and the servers passed to functions.
  void recordServers(const HttpServers &Servers, const SourceManager &SM);

  /// Appends the records to the file and forgets them.
  void flush();

private:
  std::string Check;
  std::string File;
  std::vector<std::string> Lines;
};

/// The name every unit gives the server object \p D (see above); "" for
/// null, a library's one application.
std::string serverNode(const ValueDecl *D, const SourceManager &SM);

} // namespace clang::tidy::exitbar::utils

#endif // EXITBAR_CHECKS_UTILS_SERVERSUMMARIES_H

// RouteLinks.cpp - linking the routes and guards of translation units
// SPDX-License-Identifier: Apache-2.0
//
// exitbar-unauthenticated-route judges a route in its own unit when it can;
// a route whose server other units may guard (Drogon's application, a
// server handed to setup_routes() from main(), a global or member) is left
// to this link, with the unit's guards and the servers it hands to
// functions (checks/utils/ServerSummaries.h). The graph's nodes are server
// objects, its edges the hand-overs: a route is reported when one of the
// objects it may be registered on (its roots, found backwards) reaches no
// covering guard going forwards. Missing knowledge reports: a route nobody
// is seen to register a server for is judged on its own node.

#include "exitbar/Digest.h"
#include "exitbar/Findings.h"
#include <map>
#include <set>

namespace exitbar {
namespace {

/// Bounds each walk, so crafted summaries cannot make `collect findings`
/// run for long; a walk cut short reports the route.
constexpr size_t MaxServerVisits = 100'000;

using ServerEdges = std::multimap<std::string, std::string>;

bool covers(const ServerSummary &Guard, const ServerSummary &Route) {
  if (Guard.Library != Route.Library)
    return false;
  std::string Prefix = Guard.Prefix;
  while (!Prefix.empty() && (Prefix.back() == '*' || Prefix.back() == '$'))
    Prefix.pop_back();
  return Route.Pattern.compare(0, Prefix.size(), Prefix) == 0;
}

class ServerGraph {
public:
  explicit ServerGraph(const std::vector<ServerSummary> &Summaries) {
    for (const ServerSummary &S : Summaries)
      if (S.K == ServerSummary::Kind::Pass) {
        Forward.emplace(S.Server, S.To);
        Backward.emplace(S.To, S.Server);
      } else if (S.K == ServerSummary::Kind::Guard) {
        Guards.emplace(S.Server, &S);
      }
  }

  /// True when every server object \p Route may be registered on reaches
  /// a guard that covers it (or the library's guard covers every server).
  bool guarded(const ServerSummary &Route) const {
    if (guardedAt("", Route))
      return true;
    if (Route.Server.empty())
      return false;
    std::vector<std::string> Roots;
    if (!rootsOf(Route.Server, Roots))
      return false;
    for (const std::string &Root : Roots)
      if (!reachesGuard(Root, Route))
        return false;
    return true;
  }

private:
  ServerEdges Forward, Backward;
  std::multimap<std::string, const ServerSummary *> Guards;

  bool guardedAt(const std::string &Node, const ServerSummary &Route) const {
    auto [Begin, End] = Guards.equal_range(Node);
    for (auto It = Begin; It != End; ++It)
      if (covers(*It->second, Route))
        return true;
    return false;
  }

  enum class Walk { Done, Stopped, CutShort };

  /// Visits each node reachable from \p From along \p Edges once, until
  /// \p Visit returns true for one.
  template <typename Fn>
  Walk walk(const std::string &From, const ServerEdges &Edges, Fn Visit) const {
    std::set<std::string> Seen;
    std::vector<std::string> Work{From};
    while (!Work.empty()) {
      std::string At = std::move(Work.back());
      Work.pop_back();
      if (!Seen.insert(At).second)
        continue;
      if (Seen.size() > MaxServerVisits)
        return Walk::CutShort;
      if (Visit(At))
        return Walk::Stopped;
      auto [Begin, End] = Edges.equal_range(At);
      for (auto It = Begin; It != End; ++It)
        Work.push_back(It->second);
    }
    return Walk::Done;
  }

  /// The objects nobody hands in that reach \p Node; false when the walk
  /// was cut short. A cycle without such an object has \p Node as its root.
  bool rootsOf(const std::string &Node, std::vector<std::string> &Roots) const {
    Walk W = walk(Node, Backward, [&](const std::string &At) {
      if (!Backward.count(At))
        Roots.push_back(At);
      return false;
    });
    if (W == Walk::CutShort)
      return false;
    if (Roots.empty())
      Roots.push_back(Node);
    return true;
  }

  /// True when a guard covering \p Route is registered on \p Root or on a
  /// parameter it is handed to, at any depth.
  bool reachesGuard(const std::string &Root, const ServerSummary &Route) const {
    return walk(Root, Forward, [&](const std::string &At) {
             return guardedAt(At, Route);
           }) == Walk::Stopped;
  }
};

} // namespace

void linkServerSummaries(FindingsEvidence &E) {
  ServerGraph Graph(E.ServerSummaries);
  for (const ServerSummary &Route : E.ServerSummaries) {
    if (Route.K != ServerSummary::Kind::Route || Graph.guarded(Route))
      continue;
    Finding Found;
    Found.Check = Route.Check;
    Found.File = Route.File;
    Found.Line = Route.Line;
    Found.Column = Route.Column;
    Found.Message = Route.Message;
    // As the unit would have fingerprinted it had it judged the route.
    Found.Fingerprint =
        sha256Hex(fingerprintKey(Found, Route.LineText) + "\n0").substr(0, 32);
    E.Findings.push_back(std::move(Found));
  }
  E.ServerSummaries.clear();
}

} // namespace exitbar

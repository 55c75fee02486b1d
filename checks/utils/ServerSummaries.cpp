// ServerSummaries.cpp - what exitbar-unauthenticated-route tells other units
// SPDX-License-Identifier: Apache-2.0

#include "utils/ServerSummaries.h"
#include "utils/TaintSummaries.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/JSON.h"
#include <algorithm>
#include <map>

namespace clang::tidy::exitbar::utils {
namespace {

/// Bounds the walks over the passes of a unit (each object once anyway).
constexpr size_t MaxObjects = 4096;

using PassIndex = std::multimap<const ValueDecl *, const ServerPass *>;

std::string localNode(const Decl &D, const SourceManager &SM) {
  llvm::json::Object At = taint::summaryPlace(D.getLocation(), SM);
  std::string Node = "local:";
  if (auto File = At.getString("file"))
    Node += File->str();
  for (const char *Key : {"line", "column"})
    if (auto Number = At.getInteger(Key))
      Node += ":" + std::to_string(*Number);
  return Node;
}

enum class Walk { Done, Stopped, CutShort };

/// Visits each object reachable from \p From once, until \p Visit returns
/// true for one; \p Next(Object, Push) pushes the objects that follow.
template <typename NextFn, typename VisitFn>
Walk walkObjects(const ValueDecl *From, NextFn Next, VisitFn Visit) {
  llvm::SmallPtrSet<const ValueDecl *, 16> Seen;
  std::vector<const ValueDecl *> Work{From};
  while (!Work.empty()) {
    const ValueDecl *Object = Work.back();
    Work.pop_back();
    if (!Seen.insert(Object).second)
      continue;
    if (Seen.size() > MaxObjects)
      return Walk::CutShort;
    if (Visit(Object))
      return Walk::Stopped;
    Next(Object, Work);
  }
  return Walk::Done;
}

/// True when only code of this unit can register a guard on \p Root: it is
/// a local object, a file-static one or a parameter nobody else passes,
/// and it is never handed to a function this unit does not define.
bool onlyThisUnitGuards(const ValueDecl *Root, const PassIndex &ByObject) {
  if (isa<FieldDecl>(Root))
    return false;
  if (const auto *Param = dyn_cast<ParmVarDecl>(Root)) {
    const auto *Fn = dyn_cast<FunctionDecl>(Param->getDeclContext());
    if (!Fn || !taint::linkName(*Fn).empty())
      return false;
  } else if (const auto *Var = dyn_cast<VarDecl>(Root)) {
    if (Var->hasGlobalStorage() && !Var->isStaticLocal() &&
        !taint::linkName(*Var).empty())
      return false;
  }
  // Handed to code another unit has: that code may guard it.
  auto Escapes = [&](const ValueDecl *Object) {
    auto [Begin, End] = ByObject.equal_range(Object);
    return std::any_of(Begin, End, [](const auto &Entry) {
      return !Entry.second->Callee->getDefinition();
    });
  };
  auto HandedTo = [&](const ValueDecl *Object,
                      std::vector<const ValueDecl *> &Work) {
    auto [Begin, End] = ByObject.equal_range(Object);
    for (auto It = Begin; It != End; ++It)
      Work.push_back(It->second->Param);
  };
  return walkObjects(Root, HandedTo, Escapes) == Walk::Done;
}

} // namespace

std::string serverNode(const ValueDecl *D, const SourceManager &SM) {
  if (!D)
    return "";
  if (const auto *Param = dyn_cast<ParmVarDecl>(D)) {
    const auto *Fn = dyn_cast<FunctionDecl>(Param->getDeclContext());
    std::string Link = Fn ? taint::linkName(*Fn) : "";
    if (!Link.empty())
      return "param:" + Link + "#" +
             std::to_string(Param->getFunctionScopeIndex());
    return localNode(*D, SM);
  }
  if (const auto *Var = dyn_cast<VarDecl>(D))
    if (Var->hasGlobalStorage() && !Var->isStaticLocal())
      if (std::string Link = taint::linkName(*Var); !Link.empty())
        return "global:" + Link;
  if (isa<FieldDecl>(D))
    if (std::string Link = taint::linkName(*D); !Link.empty())
      return "field:" + Link;
  return localNode(*D, SM);
}

ServerRecorder::ServerRecorder(llvm::StringRef Check)
    : Check(Check.str()), File(taint::summaryFile()) {}

bool ServerRecorder::mayBeGuardedElsewhere(const HttpRoute &Route,
                                           const HttpServers &Servers) {
  if (!Route.Server)
    return Route.Library == "drogon";
  PassIndex ByObject, ByParam;
  for (const ServerPass &Pass : Servers.Passes) {
    ByObject.emplace(Pass.Object, &Pass);
    ByParam.emplace(Pass.Param, &Pass);
  }
  // The objects the route's server may be: back through the calls of this
  // unit to the objects nobody here passes in (the roots). One only this
  // unit can guard decides here.
  auto PassedIn = [&](const ValueDecl *Object,
                      std::vector<const ValueDecl *> &Work) {
    auto [Begin, End] = ByParam.equal_range(Object);
    for (auto It = Begin; It != End; ++It)
      Work.push_back(It->second->Object);
  };
  auto ClosedRoot = [&](const ValueDecl *Object) {
    return !ByParam.count(Object) && onlyThisUnitGuards(Object, ByObject);
  };
  return walkObjects(Route.Server, PassedIn, ClosedRoot) != Walk::Stopped;
}

void ServerRecorder::recordRoute(const HttpRoute &Route,
                                 llvm::StringRef Message,
                                 const SourceManager &SM) {
  SourceLocation At = SM.getFileLoc(Route.Loc);
  if (!enabled() || taint::isSilencedAt(At, Check, SM))
    return;
  llvm::json::Object R = taint::summaryPlace(At, SM);
  R["kind"] = "route";
  R["check"] = Check;
  R["server"] = serverNode(Route.Server, SM);
  R["library"] = Route.Library;
  R["pattern"] = Route.Pattern;
  R["message"] = Message.str();
  Lines.push_back(taint::summaryLine(std::move(R)));
}

void ServerRecorder::recordServers(const HttpServers &Servers,
                                   const SourceManager &SM) {
  if (!enabled())
    return;
  for (const HttpGuard &Guard : Servers.Guards)
    Lines.push_back(taint::summaryLine(
        llvm::json::Object{{"kind", "guard"},
                           {"server", serverNode(Guard.Server, SM)},
                           {"library", Guard.Library},
                           {"prefix", Guard.Prefix}}));
  for (const ServerPass &Pass : Servers.Passes)
    Lines.push_back(taint::summaryLine(
        llvm::json::Object{{"kind", "server-pass"},
                           {"server", serverNode(Pass.Object, SM)},
                           {"to", serverNode(Pass.Param, SM)}}));
}

void ServerRecorder::flush() { taint::appendSummaryLines(File, Lines); }

} // namespace clang::tidy::exitbar::utils

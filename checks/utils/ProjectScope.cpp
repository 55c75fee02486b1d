// ProjectScope.cpp - limits AST traversal to the project's own declarations
// SPDX-License-Identifier: Apache-2.0

#include "utils/ProjectScope.h"
#include "utils/Locations.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

using namespace clang::ast_matchers;

namespace clang::tidy::exitbar::utils {
namespace {

class TraversalScopeLimiter : public MatchFinder::MatchCallback {
public:
  void run(const MatchFinder::MatchResult &Result) override {
    ASTContext &Ctx = *Result.Context;
    std::vector<Decl *> Scope = Ctx.getTraversalScope();
    // Already limited (by an earlier check's registration, or by the host).
    if (Scope.size() != 1 || !isa<TranslationUnitDecl>(Scope.front()))
      return;
    const SourceManager &SM = Ctx.getSourceManager();
    std::vector<Decl *> Project;
    for (Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
      SourceLocation Loc = D->getLocation();
      // Builtins and implicit declarations have no location; a declaration
      // written by a system macro counts where the macro was expanded.
      if (Loc.isInvalid() || isInSystemHeader(SM, Loc))
        continue;
      Project.push_back(D);
    }
    Ctx.setTraversalScope(Project);
  }
};

} // namespace

void limitTraversalToProject(MatchFinder *Finder) {
  // One callback for every check and translation unit: it only reads the
  // match result and the ASTContext, and the plugin outlives every finder.
  static TraversalScopeLimiter Limiter;
  Finder->addMatcher(translationUnitDecl(), &Limiter);
}

} // namespace clang::tidy::exitbar::utils

// AstNav.cpp - moving around the AST
// SPDX-License-Identifier: Apache-2.0

#include "utils/AstNav.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

namespace clang::tidy::exitbar::utils {

const Expr *stripWrappers(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenCasts();
    if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = B->getSubExpr();
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = M->getSubExpr();
    else if (const auto *D = dyn_cast<CXXDefaultArgExpr>(Next))
      Next = D->getExpr();
    if (Next == E)
      break;
    E = Next;
  }
  return E;
}

const FunctionDecl *enclosingFunction(const Stmt &S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(S);
  // Parents of a statement are statements until the declaration that owns
  // the body; the parent map memoises the walk for the whole unit.
  for (int Depth = 0; Depth < 512 && !Parents.empty(); ++Depth) {
    const DynTypedNode &P = Parents[0];
    if (const auto *FD = P.get<FunctionDecl>())
      return FD;
    if (const auto *Lambda = P.get<LambdaExpr>())
      return Lambda->getCallOperator();
    if (P.get<Decl>() && !P.get<VarDecl>())
      return nullptr;
    Parents = Ctx.getParents(P);
  }
  return nullptr;
}

const Stmt *enclosingBody(const Stmt &S, ASTContext &Ctx) {
  const FunctionDecl *Fn = enclosingFunction(S, Ctx);
  return Fn ? Fn->getBody() : nullptr;
}

const FunctionDecl &enclosingNonLambda(const FunctionDecl &F) {
  const FunctionDecl *Current = &F;
  for (int Depth = 0; Depth < 16; ++Depth) {
    const auto *M = dyn_cast<CXXMethodDecl>(Current);
    if (!M || !isLambdaCallOperator(M))
      break;
    const auto *Outer =
        dyn_cast<FunctionDecl>(M->getParent()->getDeclContext());
    if (!Outer || !Outer->hasBody())
      break;
    Current = Outer;
  }
  return *Current;
}

} // namespace clang::tidy::exitbar::utils

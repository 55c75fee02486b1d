// Callee.cpp - the API a call invokes, also through macros and pointers
// SPDX-License-Identifier: Apache-2.0

#include "utils/Callee.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::exitbar::utils {
namespace {

const Expr *stripCastsAndIndirection(const Expr *E) {
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    const Expr *Next = E->IgnoreParenCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(Next))
      if (U->getOpcode() == UO_Deref || U->getOpcode() == UO_AddrOf)
        Next = U->getSubExpr();
    if (Next == E)
      break;
    E = Next;
  }
  return E;
}

/// The function an initializer names: `SSL_new`, `&SSL_new`, or the string
/// a `dlsym(lib, "SSL_new")` / `GetProcAddress(mod, "SSL_new")` looks up.
std::string initializedFrom(const Expr *Init) {
  Init = stripCastsAndIndirection(Init);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Init))
    if (const auto *FD = dyn_cast<FunctionDecl>(Ref->getDecl()))
      return FD->getNameAsString();
  const auto *Lookup = dyn_cast_or_null<CallExpr>(Init);
  const FunctionDecl *Loader = Lookup ? Lookup->getDirectCallee() : nullptr;
  if (!Loader || Lookup->getNumArgs() != 2 || !Loader->getIdentifier())
    return "";
  bool IsLoader = llvm::StringSwitch<bool>(Loader->getName())
                      .Cases("dlsym", "dlvsym", "GetProcAddress", true)
                      .Default(false);
  const auto *Name =
      dyn_cast<StringLiteral>(stripCastsAndIndirection(Lookup->getArg(1)));
  if (!IsLoader || !Name || Name->getCharByteWidth() != 1)
    return "";
  return Name->getString().str();
}

} // namespace

std::string calledApiName(const CallExpr &Call, ASTContext &Ctx) {
  if (const FunctionDecl *FD = Call.getDirectCallee())
    return FD->getIdentifier() ? FD->getName().str() : "";
  const Expr *Callee = Call.getCallee();
  if (!Callee)
    return "";
  // Written as a macro: the outermost macro the callee was spelled with.
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = Callee->getBeginLoc();
  std::string Macro;
  for (int Depth = 0; Loc.isMacroID() && Depth < 16; ++Depth) {
    if (!SM.isMacroArgExpansion(Loc))
      Macro = Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts()).str();
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  if (!Macro.empty())
    return Macro;
  // A pointer variable and what it was initialised from.
  const auto *Ref = dyn_cast<DeclRefExpr>(stripCastsAndIndirection(Callee));
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (V && V->getInit())
    return initializedFrom(V->getInit());
  return "";
}

} // namespace clang::tidy::exitbar::utils

// ExprValues.cpp - constant values of expressions: strings, integers, names
// SPDX-License-Identifier: Apache-2.0

#include "utils/ExprValues.h"
#include "utils/Compat.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::exitbar::utils {

std::string literalText(const StringLiteral &Literal) {
  if (Literal.getCharByteWidth() == 1)
    return Literal.getString().str();
  std::string Text;
  for (unsigned I = 0, N = Literal.getLength(); I < N; ++I) {
    uint32_t Unit = Literal.getCodeUnit(I);
    Text += Unit < 0x80 ? static_cast<char>(Unit) : '?';
  }
  return Text;
}

namespace {

/// Matches any declaration of the variable whose canonical declaration is
/// \p Canonical (a global may be declared extern before its definition).
AST_MATCHER_P(VarDecl, isRedeclarationOf, const VarDecl *, Canonical) {
  return Node.getCanonicalDecl() == Canonical;
}

/// True when \p Construct makes a string from characters or another string
/// and nothing else.
bool isStringConversion(const CXXConstructExpr &Construct) {
  if (Construct.getNumArgs() == 0)
    return false;
  for (unsigned I = 1; I < Construct.getNumArgs(); ++I)
    if (!isa<CXXDefaultArgExpr>(Construct.getArg(I)))
      return false;
  const CXXConstructorDecl *Ctor = Construct.getConstructor();
  if (Ctor->isCopyOrMoveConstructor())
    return true;
  QualType Param = Ctor->getParamDecl(0)->getType().getNonReferenceType();
  QualType Element = Param->isPointerType() ? Param->getPointeeType()
                     : Param->isArrayType()
                         ? QualType(Param->getArrayElementTypeNoTypeQual(), 0)
                         : QualType();
  if (!Element.isNull() && Element->isAnyCharacterType())
    return true;
  // A conversion from another string class, e.g. QString from QLatin1String.
  const auto *Record = Param->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() &&
         compat::containsInsensitive(Record->getName(), "string");
}

/// Strips what never changes a string's text: parens, casts, temporaries and
/// constructions of a string class from one argument.
const Expr *stripStringWrappers(const Expr *E) {
  while (E) {
    E = E->IgnoreParenCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
      E = Cleanups->getSubExpr();
    else if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temp->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      // std::string(s), std::string_view(s), QString(s): one argument (the
      // others defaulted, such as an allocator) that is characters or
      // another string.
      if (!isStringConversion(*Construct))
        return E;
      E = Construct->getArg(0);
    } else
      return E;
  }
  return E;
}

} // namespace

const StringLiteral *stringLiteralOf(const Expr *E, ASTContext &Ctx) {
  for (int Depth = 0; E && Depth < 4; ++Depth) {
    E = stripStringWrappers(E);
    if (const auto *Literal = dyn_cast<StringLiteral>(E))
      return Literal;
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Var || isa<ParmVarDecl>(Var))
      return nullptr;
    const VarDecl *Defined = nullptr;
    const Expr *Init = Var->getAnyInitializer(Defined);
    if (!Init)
      return nullptr;
    QualType Type = Var->getType();
    bool Constant = Ctx.getBaseElementType(Type).isConstQualified() ||
                    Type.isConstQualified();
    if (!Constant) {
      // `const char *Host = "0.0.0.0";` (a local, or a global of this
      // translation unit) counts when nothing changes it afterwards.
      if (Var->isLocalVarDecl()) {
        const auto *Func = dyn_cast<FunctionDecl>(Var->getDeclContext());
        if (!Func || !isNeverModified(*Var, *Func, Ctx))
          return nullptr;
      } else if (!Var->hasGlobalStorage() ||
                 !isNeverModifiedInUnit(*Var, Ctx)) {
        return nullptr;
      }
    }
    E = Init;
  }
  return nullptr;
}

std::optional<llvm::APSInt> intValue(const Expr *E, const ASTContext &Ctx) {
  if (!E)
    return std::nullopt;
  E = E->IgnoreParenCasts();
  if (E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  Expr::EvalResult Result;
  if (E->EvaluateAsInt(Result, Ctx))
    return Result.Val.getInt();
  // glibc's htonl/htons (and their __bswap helpers under -O) are plain
  // functions; whether an address or port is zero does not depend on the
  // byte order, so the argument's value is good enough.
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const auto *Callee = Call->getDirectCallee())
      if (Call->getNumArgs() == 1 && Callee->getIdentifier() &&
          llvm::StringSwitch<bool>(Callee->getName())
              .Cases("htonl", "ntohl", "htons", "ntohs", true)
              .Cases("__bswap_32", "__bswap_16", "__builtin_bswap32", true)
              .Cases("__builtin_bswap16", "htobe32", "htobe16", "be32toh", true)
              .Cases("be16toh", "__uint32_identity", "__uint16_identity", true)
              .Default(false))
        return intValue(Call->getArg(0), Ctx);
  return std::nullopt;
}

std::optional<int64_t> int64Value(const Expr *E, const ASTContext &Ctx) {
  std::optional<llvm::APSInt> V = intValue(E, Ctx);
  if (!V || (V->getBitWidth() > 64 && !V->isSignedIntN(64)))
    return std::nullopt;
  return V->getExtValue();
}

std::string plainQualifiedName(const NamedDecl &D) {
  std::string Name = D.getNameAsString();
  for (const DeclContext *DC = D.getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Name = NS->getNameAsString() + "::" + Name;
    } else if (const auto *Record = dyn_cast<RecordDecl>(DC)) {
      if (!Record->getIdentifier())
        continue;
      Name = Record->getNameAsString() + "::" + Name;
    } else if (const auto *Enum = dyn_cast<EnumDecl>(DC)) {
      if (Enum->isScoped())
        Name = Enum->getNameAsString() + "::" + Name;
    }
  }
  return "::" + Name;
}

DynTypedNode parentIgnoringImplicit(const Stmt &S, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(S);
  while (true) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return {};
    Node = Parents[0];
    const auto *P = Node.get<Stmt>();
    if (!P ||
        !(isa<ParenExpr, ImplicitCastExpr, ExprWithCleanups,
              MaterializeTemporaryExpr, CXXBindTemporaryExpr, ConstantExpr>(P)))
      return Node;
  }
}

namespace {

/// True when the use \p Ref of a variable only reads it.
bool isReadOnlyUse(const DeclRefExpr &Ref, ASTContext &Ctx) {
  auto Parents = Ctx.getParents(Ref);
  const Stmt *Child = &Ref;
  while (!Parents.empty()) {
    const auto *P = Parents[0].get<Stmt>();
    if (!P)
      return false;
    if (isa<ParenExpr>(P)) {
      Child = P;
      Parents = Ctx.getParents(*P);
      continue;
    }
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(P)) {
      switch (Cast->getCastKind()) {
      case CK_LValueToRValue:
        return true;
      case CK_NoOp:
        // Adds const: a const reference or a const method's object.
        return Cast->getType().isConstQualified() ||
               (Cast->getType()->isPointerType() &&
                Cast->getType()->getPointeeType().isConstQualified());
      case CK_ArrayToPointerDecay:
        return Ctx.getBaseElementType(Ref.getType()).isConstQualified();
      default:
        return false;
      }
    }
    if (const auto *Member = dyn_cast<MemberExpr>(P)) {
      const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
      return Method && Method->isConst();
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P)) {
      const auto *Method =
          dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
      return Op->getNumArgs() > 0 && Op->getArg(0) == Child && Method &&
             Method->isConst();
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(P)) {
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      return Ctor->isCopyConstructor() && Ctor->getParamDecl(0)
                                              ->getType()
                                              ->getPointeeType()
                                              .isConstQualified();
    }
    return isa<UnaryExprOrTypeTraitExpr, DeclStmt>(P);
  }
  return false;
}

} // namespace

bool isNeverModified(const VarDecl &D, const FunctionDecl &Func,
                     ASTContext &Ctx) {
  if (!Func.getBody())
    return false;
  auto Refs = match(findAll(declRefExpr(to(varDecl(equalsNode(&D)))).bind("r")),
                    *Func.getBody(), Ctx);
  for (const auto &Ref : Refs)
    if (!isReadOnlyUse(*Ref.getNodeAs<DeclRefExpr>("r"), Ctx))
      return false;
  return true;
}

bool isNeverModifiedInUnit(const VarDecl &D, ASTContext &Ctx) {
  const VarDecl *Canonical = D.getCanonicalDecl();
  auto Refs = match(
      translationUnitDecl(forEachDescendant(
          declRefExpr(to(varDecl(isRedeclarationOf(Canonical)))).bind("r"))),
      Ctx);
  for (const auto &Ref : Refs)
    if (!isReadOnlyUse(*Ref.getNodeAs<DeclRefExpr>("r"), Ctx))
      return false;
  return true;
}

} // namespace clang::tidy::exitbar::utils

// InsecureRandomCheck.cpp - flags predictable random numbers used as secrets
// SPDX-License-Identifier: Apache-2.0

#include "InsecureRandomCheck.h"
#include "utils/DeclNames.h"
#include "utils/IdentifierWords.h"
#include "utils/Locations.h"
#include "utils/OptionUtils.h"
#include "utils/ProjectScope.h"
#include "utils/TaintOptions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::exitbar {
namespace {

constexpr llvm::StringLiteral DefaultSecretNames =
    "password;passwd;passphrase;pwd;secret;token;nonce;cnonce;salt;otp;session "
    "id;"
    "session key;uuid;guid;csrf;xsrf;cookie;credential;api key;auth code";
constexpr llvm::StringLiteral DefaultByteSecretNames = "key;iv";
constexpr llvm::StringLiteral DefaultEngines =
    "::std::mersenne_twister_engine;::std::linear_congruential_engine;"
    "::std::subtract_with_carry_engine;::std::discard_block_engine;"
    "::std::independent_bits_engine;::std::shuffle_order_engine;"
    "::boost::random::mersenne_twister_engine;"
    "::boost::random::linear_congruential_engine;::boost::random::rand48;"
    "::boost::random::subtract_with_carry_engine;"
    "::boost::random::lagged_fibonacci_engine";

/// Words that make a name a quantity about a secret (its length, count,
/// lifetime), not the secret: `tokenLength = rand() % 8` is harmless.
bool isQuantityName(StringRef Name) {
  static const llvm::StringSet<> Last = {
      "len",         "length",   "size",    "count",     "num",
      "index",       "idx",      "pos",     "position",  "offset",
      "type",        "kind",     "bits",    "width",     "delay",
      "timeout",     "interval", "ttl",     "expiry",    "expires",
      "lifetime",    "age",      "time",    "timestamp", "seconds",
      "ms",          "attempts", "retries", "max",       "min",
      "limit",       "rate",     "ratio",   "percent",   "chance",
      "probability", "duration", "period",  "counter",   "generation",
      "version",     "number"};
  static const llvm::StringSet<> First = {"n",   "num", "number",
                                          "max", "min", "count"};
  std::vector<std::string> Words = utils::splitIdentifier(Name);
  if (Words.empty())
    return false;
  return Last.contains(Words.back()) ||
         (Words.size() > 1 && First.contains(Words.front()));
}

/// True when a value of type \p T is byte material: characters, bytes, or a
/// string or container of them (what a cryptographic key or IV is made of).
bool isByteMaterial(QualType T) {
  for (int Depth = 0; Depth < 8 && !T.isNull(); ++Depth) {
    T = T.getNonReferenceType().getCanonicalType();
    if (T->isAnyCharacterType())
      return true;
    if (const auto *Enum = T->getAs<EnumType>())
      return Enum->getDecl()->getName() == "byte" &&
             Enum->getDecl()->isInStdNamespace();
    if (T->isPointerType()) {
      T = T->getPointeeType();
      continue;
    }
    if (const auto *Array = T->getAsArrayTypeUnsafe()) {
      T = Array->getElementType();
      continue;
    }
    const auto *Record = T->getAsCXXRecordDecl();
    if (!Record)
      return false;
    if (utils::identifierHasPhrase(Record->getName(), "byte"))
      return true;
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record);
    if (!Spec || Spec->getTemplateArgs().size() == 0 ||
        Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      return false;
    T = Spec->getTemplateArgs()[0].getAsType();
  }
  return false;
}

/// Functions that write their later arguments into the first one.
bool writesIntoFirstArgument(const FunctionDecl &F) {
  static const llvm::StringSet<> Names = {
      "sprintf", "snprintf", "swprintf", "memcpy",  "memmove", "wmemcpy",
      "strcpy",  "strncpy",  "strcat",   "strncat", "strlcpy", "strlcat"};
  return F.getDeclName().isIdentifier() && Names.contains(F.getName()) &&
         (F.isExternC() || F.isInStdNamespace());
}

/// Standard algorithms whose last argument produces what they store through
/// the iterator in their first argument.
bool fillsFirstArgument(const FunctionDecl &F) {
  static const llvm::StringSet<> Names = {"generate", "generate_n", "fill",
                                          "fill_n"};
  return F.getDeclName().isIdentifier() && Names.contains(F.getName()) &&
         F.isInStdNamespace();
}

/// Members that return (part of) their object's value.
bool isValueAccessor(StringRef Name) {
  static const llvm::StringSet<> Names = {
      "str",       "c_str",       "data",  "substr", "toString",
      "to_string", "toStdString", "toHex", "hex",    "string",
      "value",     "get",         "front", "back",   "at"};
  return Names.contains(Name);
}

/// Members that store their argument into their object.
bool isStoringMember(StringRef Name) {
  static const llvm::StringSet<> Names = {
      "push_back", "emplace_back", "append",     "insert",        "push",
      "assign",    "emplace",      "push_front", "emplace_front", "add",
      "put",       "write",        "fill",       "replace"};
  return Names.contains(Name);
}

/// Members and functions that name the storage behind an object.
bool isStorageAccessor(StringRef Name) {
  static const llvm::StringSet<> Names = {
      "begin",         "end",      "data",          "rbegin",
      "back_inserter", "inserter", "front_inserter"};
  return Names.contains(Name);
}

bool isAssigningOperator(OverloadedOperatorKind Op) {
  switch (Op) {
  case OO_Equal:
  case OO_PlusEqual:
  case OO_MinusEqual:
  case OO_StarEqual:
  case OO_SlashEqual:
  case OO_PercentEqual:
  case OO_CaretEqual:
  case OO_AmpEqual:
  case OO_PipeEqual:
  case OO_LessLessEqual:
  case OO_GreaterGreaterEqual:
    return true;
  default:
    return false;
  }
}

/// Overloaded operators whose result is computed from their operands.
bool isValueOperator(OverloadedOperatorKind Op) {
  switch (Op) {
  case OO_Plus:
  case OO_Minus:
  case OO_Star:
  case OO_Slash:
  case OO_Percent:
  case OO_Caret:
  case OO_Amp:
  case OO_Pipe:
  case OO_Tilde:
  case OO_Arrow:
    return true;
  default:
    return false;
  }
}

bool isOutputStream(QualType T) {
  const auto *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return false;
  auto IsOstream = [](const CXXRecordDecl *R) {
    return R->getName() == "basic_ostream" && R->isInStdNamespace();
  };
  if (IsOstream(Record))
    return true;
  // forallBases is also false when a base is dependent or undefined, so
  // only a base found counts.
  bool Found = false;
  Record->forallBases([&](const CXXRecordDecl *Base) {
    Found = Found || IsOstream(Base);
    return true;
  });
  return Found;
}

/// The engine's type as the user wrote it, or its template's name when that
/// would be a long list of template arguments.
std::string engineName(const Expr &Engine, const ASTContext &Ctx) {
  QualType T = Engine.getType().getNonReferenceType().getUnqualifiedType();
  std::string Name = T.getAsString(Ctx.getPrintingPolicy());
  if (StringRef(Name).contains('<'))
    if (const auto *Record = T->getAsCXXRecordDecl())
      return Record->getQualifiedNameAsString();
  return Name;
}

AST_MATCHER_P(Expr, refersToCanonical, const Decl *, Canonical) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(&Node))
    return Ref->getDecl()->getCanonicalDecl() == Canonical;
  if (const auto *Member = dyn_cast<MemberExpr>(&Node))
    return Member->getMemberDecl()->getCanonicalDecl() == Canonical;
  return false;
}

} // namespace

/// Follows a random value upwards through the expressions, local variables,
/// helper functions and stores it flows into, until it reaches something
/// named as a secret (or nothing does).
class InsecureRandomCheck::Flow {
public:
  Flow(InsecureRandomCheck &Check, ASTContext &Ctx) : Check(Check), Ctx(Ctx) {}

  std::optional<Sink> fromValue(const Expr *Value);

private:
  std::optional<Sink> named(const NamedDecl *D, QualType T,
                            SourceLocation Loc) const {
    if (D && D->getDeclName().isIdentifier() &&
        Check.isSecretName(D->getName(), T))
      return Sink{D->getName().str(), Loc};
    return std::nullopt;
  }
  /// A name whose type is not known yet: only SecretNames count.
  bool isSecretNameUntyped(StringRef Name) const {
    return Check.isSecretName(Name, QualType());
  }
  /// \p Arg, a random value, is an argument of \p Call.
  std::optional<Sink> fromCall(const CallExpr *Call, const Expr *Arg);
  /// A random value is returned by \p Return.
  std::optional<Sink> fromReturn(const ReturnStmt *Return);
  /// \p F returns a random value: where do its callers put it?
  std::optional<Sink> fromCallers(const FunctionDecl *F);
  /// The local \p Var holds a random value: where do its uses put it?
  std::optional<Sink> fromVar(const VarDecl *Var);
  /// A random value is stored into \p Target (assigned, appended, copied).
  std::optional<Sink> intoTarget(const Expr *Target);
  /// \p F produces a random value of type \p T (returns it or stores it
  /// through an output parameter or into its object).
  std::optional<Sink> intoFunctionOutput(const FunctionDecl *F, QualType T,
                                         SourceLocation Loc);
  /// The function or lambda whose body holds \p S.
  DynTypedNode enclosingFunction(const Stmt *S) const;

  InsecureRandomCheck &Check;
  ASTContext &Ctx;
  llvm::SmallPtrSet<const Decl *, 16> Seen;
  /// Bounds the work spent on one random value.
  unsigned Budget = 400;
};

std::optional<InsecureRandomCheck::Sink>
InsecureRandomCheck::Flow::fromValue(const Expr *Value) {
  const Expr *Cur = Value;
  while (Budget > 0) {
    --Budget;
    auto Parents = Ctx.getParents(*Cur);
    if (Parents.empty())
      return std::nullopt;
    const DynTypedNode &Parent = Parents[0];
    if (const auto *Var = Parent.get<VarDecl>()) {
      if (isa<ParmVarDecl>(Var))
        return std::nullopt; // a default argument
      if (auto S = named(Var, Var->getType(), Var->getLocation()))
        return S;
      return Var->isLocalVarDecl() ? fromVar(Var) : std::nullopt;
    }
    if (const auto *Field = Parent.get<FieldDecl>())
      return named(Field, Field->getType(), Field->getLocation());
    // LLVM 14's parent map skips the CXXCtorInitializer between a
    // constructor and an initialiser's expression.
    if (const auto *Ctor = Parent.get<CXXConstructorDecl>()) {
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->getInit() == Cur && Init->getMember())
          return named(Init->getMember(), Init->getMember()->getType(),
                       Init->getSourceLocation());
      return std::nullopt;
    }
    if (const auto *Init = Parent.get<CXXCtorInitializer>()) {
      if (const FieldDecl *Member = Init->getMember())
        return named(Member, Member->getType(), Init->getSourceLocation());
      return std::nullopt;
    }
    const auto *PS = Parent.get<Stmt>();
    if (!PS)
      return std::nullopt;
    if (const auto *Return = dyn_cast<ReturnStmt>(PS))
      return fromReturn(Return);
    const auto *P = dyn_cast<Expr>(PS);
    if (!P)
      return std::nullopt;

    if (const auto *Op = dyn_cast<BinaryOperator>(P)) {
      if (Op->isAssignmentOp() || Op->isCompoundAssignmentOp())
        return Op->getRHS() == Cur ? intoTarget(Op->getLHS()) : std::nullopt;
      if (Op->isComparisonOp() || Op->isLogicalOp() ||
          (Op->getOpcode() == BO_Comma && Op->getLHS() == Cur))
        return std::nullopt;
    } else if (const auto *Op = dyn_cast<UnaryOperator>(P)) {
      if (Op->isIncrementDecrementOp() || Op->getOpcode() == UO_LNot)
        return std::nullopt;
    } else if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(P)) {
      if (Cond->getCond() == Cur)
        return std::nullopt;
    } else if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(P)) {
      // `alphabet[rand() % n]` is a random character; `users[rand() % n]`
      // picks an existing object, which is no new secret.
      if (Sub->getIdx() == Cur && !P->getType()->isArithmeticType())
        return std::nullopt;
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P)) {
      OverloadedOperatorKind Kind = Op->getOperator();
      bool IsObject = Op->getNumArgs() > 0 && Op->getArg(0) == Cur;
      if (isAssigningOperator(Kind))
        return IsObject || Op->getNumArgs() < 2 ? std::nullopt
                                                : intoTarget(Op->getArg(0));
      if (Kind == OO_LessLess && !IsObject && Op->getNumArgs() == 2 &&
          isOutputStream(Op->getArg(0)->getType())) {
        const Expr *Stream = Op->getArg(0)->IgnoreParenImpCasts();
        while (const auto *Link = dyn_cast<CXXOperatorCallExpr>(Stream)) {
          if (Link->getOperator() != OO_LessLess || Link->getNumArgs() != 2)
            break;
          Stream = Link->getArg(0)->IgnoreParenImpCasts();
        }
        return intoTarget(Stream);
      }
      if (Kind == OO_Subscript) {
        if (!IsObject && !P->getType()->isArithmeticType())
          return std::nullopt;
      } else if (Kind == OO_Call ||
                 (Kind == OO_Star && Op->getNumArgs() == 1)) {
        // Calling a tainted function object (a lambda returning a random
        // value) or dereferencing a tainted iterator.
        if (!IsObject)
          return std::nullopt;
      } else if (!isValueOperator(Kind)) {
        return std::nullopt;
      }
    } else if (const auto *Member = dyn_cast<MemberExpr>(P)) {
      auto Grand = Ctx.getParents(*Member);
      const auto *Call =
          Grand.empty() ? nullptr : Grand[0].get<CXXMemberCallExpr>();
      if (Call && Call->getCallee() == Member) {
        const auto *Method = Call->getMethodDecl();
        if (!Method || !Method->getDeclName().isIdentifier() ||
            !isValueAccessor(utils::identifierOf(Method)))
          return std::nullopt;
        Cur = Call;
        continue;
      }
    } else if (const auto *Call = dyn_cast<CallExpr>(P)) {
      if (Call->getCallee() != Cur)
        return fromCall(Call, Cur);
    } else if (!isa<CastExpr, ParenExpr, MaterializeTemporaryExpr,
                    CXXBindTemporaryExpr, FullExpr, CXXConstructExpr,
                    InitListExpr, CXXStdInitializerListExpr, ParenListExpr>(
                   P)) {
      return std::nullopt;
    }
    // A truth value or a discarded one carries no secret.
    if (P->getType()->isBooleanType() || P->getType()->isVoidType())
      return std::nullopt;
    Cur = P;
  }
  return std::nullopt;
}

std::optional<InsecureRandomCheck::Sink>
InsecureRandomCheck::Flow::fromCall(const CallExpr *Call, const Expr *Arg) {
  unsigned Index = 0;
  while (Index < Call->getNumArgs() && Call->getArg(Index) != Arg)
    ++Index;
  if (Index == Call->getNumArgs())
    return std::nullopt;
  const FunctionDecl *F = Call->getDirectCallee();
  if (!F)
    return std::nullopt;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const auto *Method = Member->getMethodDecl();
    if (Method && Method->getDeclName().isIdentifier() &&
        isStoringMember(utils::identifierOf(Method)))
      return intoTarget(Member->getImplicitObjectArgument());
  } else {
    if (Index > 0 && writesIntoFirstArgument(*F))
      return intoTarget(Call->getArg(0));
    if (Index + 1 == Call->getNumArgs() && Index > 0 && fillsFirstArgument(*F))
      return intoTarget(Call->getArg(0));
  }
  SourceLocation Loc = Call->getBeginLoc();
  // `setSessionToken(rand())` or `store(/*token=*/rand())`.
  if (Index < F->getNumParams())
    if (auto S = named(F->getParamDecl(Index),
                       F->getParamDecl(Index)->getType(), Loc))
      return S;
  if (F->getDeclName().isIdentifier()) {
    std::vector<std::string> Words = utils::splitIdentifier(F->getName());
    if (Words.size() > 1 && Words.front() == "set" &&
        Check.isSecretName(F->getName(), Arg->getType()))
      return Sink{F->getName().str(), Loc};
  }
  // The C and C++ libraries' value functions (std::to_string, abs, htonl)
  // return what they are given in another form; a project's own functions
  // may do anything with it.
  bool Library = F->isInStdNamespace() ||
                 (F->isExternC() && utils::isInSystemHeader(
                                        Ctx.getSourceManager(),
                                        F->getCanonicalDecl()->getLocation()));
  QualType Result = F->getReturnType();
  if (Library && !isa<CXXMemberCallExpr>(Call) && !Result->isVoidType() &&
      !Result->isBooleanType())
    return fromValue(Call);
  return std::nullopt;
}

DynTypedNode InsecureRandomCheck::Flow::enclosingFunction(const Stmt *S) const {
  DynTypedNode Node = DynTypedNode::create(*S);
  for (int Depth = 0; Depth < 256; ++Depth) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return {};
    Node = Parents[0];
    if (Node.get<LambdaExpr>() || Node.get<FunctionDecl>())
      return Node;
  }
  return {};
}

std::optional<InsecureRandomCheck::Sink>
InsecureRandomCheck::Flow::fromReturn(const ReturnStmt *Return) {
  DynTypedNode Fn = enclosingFunction(Return);
  if (const auto *Lambda = Fn.get<LambdaExpr>())
    return fromValue(Lambda);
  const auto *F = Fn.get<FunctionDecl>();
  if (!F)
    return std::nullopt;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(F))
    if (Method->getParent()->isLambda()) {
      // The parent map may lead to the call operator instead of the
      // LambdaExpr; find that in the function declaring the lambda.
      const auto *Outer =
          dyn_cast<FunctionDecl>(Method->getParent()->getDeclContext());
      if (!Outer || !Outer->hasBody())
        return std::nullopt;
      for (const auto &Found :
           match(findAll(lambdaExpr().bind("l")), *Outer->getBody(), Ctx)) {
        const auto *Lambda = Found.getNodeAs<LambdaExpr>("l");
        if (Lambda->getCallOperator() == Method)
          return fromValue(Lambda);
      }
      return std::nullopt;
    }
  if (auto S = intoFunctionOutput(F, F->getReturnType(), Return->getBeginLoc()))
    return S;
  return fromCallers(F);
}

std::optional<InsecureRandomCheck::Sink>
InsecureRandomCheck::Flow::fromCallers(const FunctionDecl *F) {
  const FunctionDecl *Canonical = F->getCanonicalDecl();
  auto Cached = Check.ReturnSinks.find(Canonical);
  if (Cached != Check.ReturnSinks.end())
    return Cached->second;
  // Guards recursion; replaced by the answer below.
  Check.ReturnSinks[Canonical] = std::nullopt;
  if (Budget < 20)
    return std::nullopt;
  Budget -= 20; // a whole-TU search is dear
  std::optional<Sink> Found;
  auto Refs = match(
      expr(refersToCanonical(Canonical), unless(isExpansionInSystemHeader()))
          .bind("ref"),
      Ctx);
  for (const auto &Ref : Refs) {
    Found = fromValue(Ref.getNodeAs<Expr>("ref"));
    if (Found)
      break;
  }
  Check.ReturnSinks[Canonical] = Found;
  return Found;
}

std::optional<InsecureRandomCheck::Sink>
InsecureRandomCheck::Flow::fromVar(const VarDecl *Var) {
  if (!Seen.insert(Var).second)
    return std::nullopt;
  const auto *Fn = dyn_cast<FunctionDecl>(Var->getDeclContext());
  if (!Fn || !Fn->hasBody())
    return std::nullopt;
  auto Refs = match(findAll(declRefExpr(to(varDecl(equalsNode(Var))),
                                        unless(isExpansionInSystemHeader()))
                                .bind("ref")),
                    *Fn->getBody(), Ctx);
  for (const auto &Ref : Refs)
    if (auto S = fromValue(Ref.getNodeAs<Expr>("ref")))
      return S;
  return std::nullopt;
}

std::optional<InsecureRandomCheck::Sink>
InsecureRandomCheck::Flow::intoFunctionOutput(const FunctionDecl *F, QualType T,
                                              SourceLocation Loc) {
  if (!F)
    return std::nullopt;
  const auto *Method = dyn_cast<CXXMethodDecl>(F);
  if (Method && Method->getParent()->isLambda())
    return std::nullopt;
  if (auto S = named(F, T, Loc))
    return S;
  // `std::string SessionIdGenerator::next()`: the class says what it makes.
  if (!Method || !Method->getParent()->getDeclName().isIdentifier())
    return std::nullopt;
  StringRef Class = Method->getParent()->getName();
  std::vector<std::string> Words = utils::splitIdentifier(Class);
  static const llvm::StringSet<> Makers = {"generator", "gen",      "factory",
                                           "maker",     "provider", "source"};
  if (Words.size() < 2 || !Makers.contains(Words.back()) ||
      !Check.isSecretName(Class, T))
    return std::nullopt;
  return Sink{Class.str() + "::" + F->getNameAsString(), Loc};
}

std::optional<InsecureRandomCheck::Sink>
InsecureRandomCheck::Flow::intoTarget(const Expr *Target) {
  SourceLocation Loc = Target->getBeginLoc();
  const Expr *E = Target;
  for (int Depth = 0; Depth < 32; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E)) {
      E = Sub->getBase();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (Op->getNumArgs() == 0)
        return std::nullopt;
      E = Op->getArg(0);
    } else if (const auto *Op = dyn_cast<UnaryOperator>(E)) {
      E = Op->getSubExpr();
    } else if (const auto *Op = dyn_cast<BinaryOperator>(E)) {
      if (!Op->isAdditiveOp())
        return std::nullopt;
      E = Op->getLHS()->getType()->isPointerType() ? Op->getLHS()
                                                   : Op->getRHS();
    } else if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      const ValueDecl *D = Member->getMemberDecl();
      if (isa<FieldDecl>(D))
        if (auto S = named(D, D->getType(), Loc))
          return S;
      const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
      if (isa<CXXThisExpr>(Base)) {
        // A member function that stores into its object, such as
        // `void Session::newToken() { value = rand(); }`.
        return intoFunctionOutput(enclosingFunction(Target).get<FunctionDecl>(),
                                  D->getType(), Loc);
      }
      E = Base;
    } else if (const auto *Member = dyn_cast<CXXDependentScopeMemberExpr>(E)) {
      // `ctx.node->session_id = ...` in a template, before instantiation.
      DeclarationName Name = Member->getMember();
      if (Name.isIdentifier() &&
          isSecretNameUntyped(Name.getAsIdentifierInfo()->getName()))
        return Sink{Name.getAsString(), Loc};
      if (Member->isImplicitAccess())
        return std::nullopt;
      E = Member->getBase();
    } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
      const auto *Method = Call->getMethodDecl();
      if (!Method || !Method->getDeclName().isIdentifier() ||
          !isStorageAccessor(utils::identifierOf(Method)))
        return std::nullopt;
      E = Call->getImplicitObjectArgument();
    } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *F = Call->getDirectCallee();
      if (!F || !F->isInStdNamespace() || !F->getDeclName().isIdentifier() ||
          !isStorageAccessor(F->getName()) || Call->getNumArgs() == 0)
        return std::nullopt;
      E = Call->getArg(0);
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (!Var)
        return std::nullopt;
      if (auto S = named(Var, Var->getType(), Loc))
        return S;
      if (const auto *Param = dyn_cast<ParmVarDecl>(Var)) {
        // An output parameter: the function produces the secret.
        QualType T = Param->getType();
        if (!T->isPointerType() && !T->isReferenceType())
          return std::nullopt;
        return intoFunctionOutput(
            dyn_cast<FunctionDecl>(Param->getDeclContext()),
            T->isPointerType() ? T->getPointeeType() : T.getNonReferenceType(),
            Loc);
      }
      if (!Var->isLocalVarDecl())
        return std::nullopt;
      // `for (auto &Byte : Key) Byte = rand();` stores into Key.
      if (Var->getType()->isReferenceType())
        for (const auto &P : Ctx.getParents(*Var))
          if (const auto *Decl = P.get<DeclStmt>())
            for (const auto &PP : Ctx.getParents(*Decl))
              if (const auto *For = PP.get<CXXForRangeStmt>())
                if (For->getLoopVariable() == Var)
                  return intoTarget(For->getRangeInit());
      return fromVar(Var);
    } else {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

InsecureRandomCheck::InsecureRandomCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ReportAllUses(utils::readBool(Options, "ReportAllUses", true)),
      ReportPredictableSeeds(
          utils::readBool(Options, "ReportPredictableSeeds", true)),
      SecretNames(
          utils::parseList(Options.get("SecretNames", DefaultSecretNames))),
      ByteSecretNames(utils::parseList(
          Options.get("ByteSecretNames", DefaultByteSecretNames))),
      Engines(utils::parseList(Options.get("Engines", DefaultEngines))),
      ModelFiles(taint::TaintOptions::read(Options).ModelFiles) {
  std::string Error;
  Models = taint::loadModels(ModelFiles, Error);
  if (!Error.empty())
    configurationDiag("%0: %1", DiagnosticIDs::Error) << Name << Error;
}

void InsecureRandomCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  utils::storeBool(Options, Opts, "ReportAllUses", ReportAllUses);
  utils::storeBool(Options, Opts, "ReportPredictableSeeds",
                   ReportPredictableSeeds);
  Options.store(Opts, "SecretNames", utils::joinList(SecretNames));
  Options.store(Opts, "ByteSecretNames", utils::joinList(ByteSecretNames));
  Options.store(Opts, "Engines", utils::joinList(Engines));
  Options.store(Opts, "TaintModels", ModelFiles);
}

bool InsecureRandomCheck::isSecretName(StringRef Name, QualType Type) const {
  if (isQuantityName(Name))
    return false;
  if (!utils::firstPhraseIn(Name, SecretNames).empty())
    return true;
  return !utils::firstPhraseIn(Name, ByteSecretNames).empty() &&
         isByteMaterial(Type);
}

void InsecureRandomCheck::registerMatchers(MatchFinder *Finder) {
  utils::limitTraversalToProject(Finder);
  std::vector<StringRef> EngineNames(Engines.begin(), Engines.end());
  auto EngineType = hasUnqualifiedDesugaredType(recordType(hasDeclaration(
      cxxRecordDecl(isSameOrDerivedFrom(hasAnyName(EngineNames))))));
  auto Engine = expr(hasType(EngineType)).bind("engine");
  auto Ours = allOf(unless(isExpansionInSystemHeader()),
                    unless(isInTemplateInstantiation()));

  // The models' weak generators (libc.json's rand, random, *rand48, and a
  // project's own, such as ntp's ntp_random). A plain name is a C
  // function: a project's C++ `random(lo, hi)` is not the C library's.
  std::vector<std::string> CNames, QualifiedNames;
  for (const std::string &Name : Models->weakGenerators()) {
    StringRef N(Name);
    N.consume_front("::");
    (N.contains("::") ? QualifiedNames : CNames).push_back("::" + N.str());
  }
  std::vector<StringRef> CRefs(CNames.begin(), CNames.end()),
      QualifiedRefs(QualifiedNames.begin(), QualifiedNames.end());
  Finder->addMatcher(
      callExpr(callee(functionDecl(anyOf(allOf(hasAnyName(CRefs), isExternC()),
                                         hasAnyName(QualifiedRefs)))
                          .bind("cfn")),
               Ours)
          .bind("cgen"),
      this);
  if (!EngineNames.empty()) {
    // `gen()`, and `dist(gen)` for any distribution.
    Finder->addMatcher(cxxOperatorCallExpr(hasOverloadedOperatorName("()"),
                                           hasAnyArgument(Engine), Ours)
                           .bind("egen"),
                       this);
    Finder->addMatcher(
        callExpr(callee(functionDecl(hasName("::std::generate_canonical"))),
                 hasAnyArgument(Engine), Ours)
            .bind("egen"),
        this);
  }

  if (!ReportPredictableSeeds)
    return;
  auto Clock =
      callExpr(
          callee(functionDecl(
                     anyOf(hasAnyName("::time", "::clock", "::getpid",
                                      "::getppid", "::gettid", "::GetTickCount",
                                      "::GetTickCount64",
                                      "::GetCurrentProcessId", "::timeGetTime",
                                      "::std::time", "::std::clock"),
                           cxxMethodDecl(
                               hasName("now"),
                               ofClass(hasAnyName(
                                   "::std::chrono::system_clock",
                                   "::std::chrono::steady_clock",
                                   "::std::chrono::high_resolution_clock")))))
                     .bind("clockfn")))
          .bind("clock");
  auto Predictable = expr(anyOf(Clock, hasDescendant(Clock)));
  Finder->addMatcher(
      callExpr(
          callee(functionDecl(hasAnyName("::srand", "::srandom", "::srand48"),
                              isExternC())
                     .bind("seeded")),
          hasArgument(0, Predictable), Ours)
          .bind("seed"),
      this);
  if (EngineNames.empty())
    return;
  Finder->addMatcher(
      cxxConstructExpr(hasType(EngineType), hasArgument(0, Predictable), Ours)
          .bind("seed"),
      this);
  Finder->addMatcher(cxxMemberCallExpr(on(Engine),
                                       callee(cxxMethodDecl(hasName("seed"))),
                                       hasArgument(0, Predictable), Ours)
                         .bind("seed"),
                     this);
}

void InsecureRandomCheck::check(const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  if (const auto *Seed = Result.Nodes.getNodeAs<Expr>("seed")) {
    const auto *Clock = Result.Nodes.getNodeAs<CallExpr>("clock");
    const auto *ClockFn = Result.Nodes.getNodeAs<FunctionDecl>("clockfn");
    std::string Seeded;
    if (const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("seeded"))
      Seeded = utils::identifierOf(Fn).str();
    else if (const auto *Engine = Result.Nodes.getNodeAs<Expr>("engine"))
      Seeded = engineName(*Engine, *Result.Context);
    else
      Seeded = engineName(*Seed, *Result.Context);
    diag(SM.getExpansionLoc(Clock->getBeginLoc()),
         "'%0' is a predictable seed for '%1'; seed from std::random_device, "
         "and use RAND_bytes or getrandom for anything that must stay secret")
        << utils::identifierOf(ClockFn) << Seeded;
    return;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("cgen")) {
    checkGenerator(
        Call, utils::identifierOf(Result.Nodes.getNodeAs<FunctionDecl>("cfn")),
        /*CLibrary=*/true, Result);
    return;
  }
  const auto *Value = Result.Nodes.getNodeAs<Expr>("egen");
  const auto *Engine = Result.Nodes.getNodeAs<Expr>("engine");
  checkGenerator(Value, engineName(*Engine, *Result.Context),
                 /*CLibrary=*/false, Result);
}

void InsecureRandomCheck::checkGenerator(
    const Expr *Value, StringRef Generator, bool CLibrary,
    const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  SourceLocation Loc = SM.getExpansionLoc(Value->getBeginLoc());
  Flow Tracker(*this, *Result.Context);
  if (std::optional<Sink> S = Tracker.fromValue(Value)) {
    diag(Loc, "'%0' is derived from '%1', which is not a cryptographically "
              "secure generator; use RAND_bytes, getrandom or "
              "std::random_device instead")
        << S->Name << Generator;
    diag(SM.getExpansionLoc(S->Loc), "the value becomes '%0' here",
         DiagnosticIDs::Note)
        << S->Name;
    return;
  }
  if (CLibrary && ReportAllUses)
    diag(Loc, "'%0' is not a cryptographically secure generator; where the "
              "value must be unpredictable use RAND_bytes, getrandom or "
              "arc4random instead")
        << Generator;
}

void InsecureRandomCheck::onEndOfTranslationUnit() { ReturnSinks.clear(); }

} // namespace clang::tidy::exitbar

// BindAllInterfacesCheck.cpp - flags servers bound to all network interfaces
// SPDX-License-Identifier: Apache-2.0

#include "BindAllInterfacesCheck.h"
#include "utils/Compat.h"
#include "utils/DeclNames.h"
#include "utils/ExprValues.h"
#include "utils/LocalWrites.h"
#include "utils/NetworkValues.h"
#include "utils/OptionUtils.h"
#include "utils/ProjectScope.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSwitch.h"
#include <optional>

using namespace clang::ast_matchers;

namespace clang::tidy::exitbar {
namespace {

using utils::isAnyAddressSpec;

// Functions and constructors whose argument is the address a server listens
// on (or, for the inet_* parsers, becomes it). A literal naming every
// interface there is the finding; anything else (loopback, a variable filled
// from configuration) is accepted.
constexpr llvm::StringLiteral DefaultHostArguments =
    "::inet_pton=1;::inet_addr=0;::inet_aton=0;::getaddrinfo=0;"
    "::uv_ip4_addr=0;::uv_ip6_addr=0;::evhttp_bind_socket=1;"
    "::evhttp_bind_socket_with_handle=1;::mg_http_listen=1;::mg_listen=1;"
    "::mg_mqtt_listen=1;::zmq_bind=1;::zmq::detail::socket_base::bind=0;::zmq::"
    "socket_t::bind=0;"
    "::boost::asio::ip::make_address=0;::boost::asio::ip::make_address_v4=0;"
    "::boost::asio::ip::make_address_v6=0;"
    "::boost::asio::ip::address::from_string=0;"
    "::boost::asio::ip::address_v4::from_string=0;"
    "::boost::asio::ip::address_v6::from_string=0;::asio::ip::make_address=0;"
    "::asio::ip::make_address_v4=0;::asio::ip::make_address_v6=0;"
    "::asio::ip::address::from_string=0;::httplib::Server::listen=0;"
    "::httplib::Server::bind_to_port=0;::httplib::Server::bind_to_any_port=0;"
    "::crow::Crow::bindaddr=0;::Pistache::Address::Address=0;"
    "::grpc::ServerBuilder::AddListeningPort=0;"
    "::drogon::HttpAppFramework::addListener=0;::uWS::TemplatedApp::listen=0;"
    "::Poco::Net::SocketAddress::SocketAddress=0;"
    "::QHostAddress::QHostAddress=0;::QHostAddress::setAddress=0";

/// What a write leaves in the field of a socket address that it sets.
enum class FieldValue {
  Any,      ///< the unspecified address (or port 0)
  Zeroed,   ///< zeroed as a whole (memset, `= {}`), not set explicitly
  Reported, ///< "0.0.0.0" parsed by a call this check reports by itself
  Other,    ///< a specific or computed value
};

/// One write into a field of the tracked socket address.
struct FieldWrite {
  const Stmt *Where;
  SourceLocation Loc;
  FieldValue Value;
};

/// A variable (or `this`) and the fields selected from it, e.g. `srv->addr`.
struct AccessPath {
  const Decl *Root = nullptr;
  llvm::SmallVector<const FieldDecl *, 4> Fields;
};

std::optional<AccessPath> pathOf(const Expr *E, const FunctionDecl &Func) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (!isa<VarDecl>(Ref->getDecl()))
      return std::nullopt;
    AccessPath Path;
    Path.Root = Ref->getDecl()->getCanonicalDecl();
    return Path;
  }
  if (isa<CXXThisExpr>(E)) {
    AccessPath Path;
    Path.Root = &Func;
    return Path;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (!Field)
      return std::nullopt;
    auto Path = pathOf(Member->getBase(), Func);
    if (Path)
      Path->Fields.push_back(Field);
    return Path;
  }
  return std::nullopt;
}

/// True when \p Prefix selects \p Path or an object that contains it.
bool isPrefixOf(const AccessPath &Prefix, const AccessPath &Path) {
  if (Prefix.Root != Path.Root || Prefix.Fields.size() > Path.Fields.size())
    return false;
  return std::equal(Prefix.Fields.begin(), Prefix.Fields.end(),
                    Path.Fields.begin());
}

/// The socket-address struct an expression points at or names, by tag name.
StringRef sockaddrKind(QualType Type) {
  if (const auto *Record = Type->getAsRecordDecl())
    if (Record->getIdentifier())
      return llvm::StringSwitch<StringRef>(Record->getName())
          .Case("sockaddr_in", "sockaddr_in")
          .Case("sockaddr_in6", "sockaddr_in6")
          .Case("addrinfo", "addrinfo")
          .Default("");
  return "";
}

/// Classifies a value assigned to an address field: `INADDR_ANY`,
/// `htonl(INADDR_ANY)`, `0`, `in6addr_any`, `IN6ADDR_ANY_INIT` are Any.
FieldValue classifyAddress(
    const Expr *E, ASTContext &Ctx,
    const std::vector<std::pair<std::string, unsigned>> &HostArguments) {
  if (!E)
    return FieldValue::Other;
  E = E->IgnoreParenCasts();
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E)) {
    // `local ? INADDR_LOOPBACK : INADDR_ANY` is a configured choice.
    FieldValue True = classifyAddress(Cond->getTrueExpr(), Ctx, HostArguments);
    FieldValue False =
        classifyAddress(Cond->getFalseExpr(), Ctx, HostArguments);
    return True == FieldValue::Any && False == FieldValue::Any
               ? FieldValue::Any
               : FieldValue::Other;
  }
  if (auto Value = utils::intValue(E, Ctx))
    return *Value == 0 ? FieldValue::Any : FieldValue::Other;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (Ref->getDecl()->getIdentifier() &&
        utils::identifierOf(Ref->getDecl()) == "in6addr_any")
      return FieldValue::Any;
  if (const auto *Init = dyn_cast<InitListExpr>(E)) {
    // IN6ADDR_ANY_INIT, `{INADDR_ANY}`: every element zero.
    bool AllZero = true;
    for (const Expr *Element : Init->inits())
      AllZero &=
          isa<ImplicitValueInitExpr>(Element) ||
          classifyAddress(Element, Ctx, HostArguments) == FieldValue::Any;
    return AllZero ? FieldValue::Any : FieldValue::Other;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const auto *Callee = Call->getDirectCallee())
      if (Callee->getIdentifier() &&
          utils::identifierOf(Callee) == "inet_addr" && Call->getNumArgs() == 1)
        if (const auto *Literal = utils::stringLiteralOf(Call->getArg(0), Ctx))
          if (isAnyAddressSpec(utils::literalText(*Literal)))
            return FieldValue::Reported;
  return FieldValue::Other;
}

/// The value a brace initialiser gives a field, or null when it is
/// implicitly zero.
const Expr *initFor(const InitListExpr &Init, const FieldDecl &Field) {
  const InitListExpr *Semantic =
      Init.isSemanticForm() ? &Init : Init.getSemanticForm();
  if (!Semantic)
    Semantic = &Init;
  unsigned Index = Field.getFieldIndex();
  if (Semantic->getInitializedFieldInUnion())
    return Semantic->getInitializedFieldInUnion() == &Field &&
                   Semantic->getNumInits() > 0
               ? Semantic->getInit(0)
               : nullptr;
  if (Index >= Semantic->getNumInits())
    return nullptr;
  const Expr *Value = Semantic->getInit(Index);
  return isa<ImplicitValueInitExpr>(Value) ? nullptr : Value;
}

/// Follows one field of a socket address (the address, the port, or
/// addrinfo's flags) through a function body, in source order: the variable's
/// initialiser, assignments, memset/bzero, inet_pton/inet_aton, and anything
/// else that may change it (its address passed to an unknown function).
class FieldTracker {
public:
  FieldTracker(const AccessPath &Object, const FunctionDecl &Func,
               ASTContext &Ctx, const std::vector<StringRef> &FieldNames,
               const CallExpr &Consumer)
      : Object(Object), Func(Func), Ctx(Ctx), FieldNames(FieldNames),
        Consumer(Consumer) {}

  /// Every write before the consuming call, in source order. \p Classify
  /// turns an assigned value into a FieldValue.
  template <typename ClassifyFn>
  std::vector<FieldWrite> writes(ClassifyFn Classify, bool ObjectIsPointer) {
    std::vector<FieldWrite> Writes;
    const SourceManager &SM = Ctx.getSourceManager();
    SourceLocation End = SM.getExpansionLoc(Consumer.getBeginLoc());
    addInitialiser(Writes, Classify, ObjectIsPointer);
    for (const Expr *Top : uses()) {
      SourceLocation Loc = SM.getExpansionLoc(Top->getBeginLoc());
      if (!SM.isBeforeInTranslationUnit(Loc, End))
        continue;
      if (auto Write = classifyUse(*Top, Classify, ObjectIsPointer))
        Writes.push_back({Write->first, Loc, Write->second});
    }
    llvm::stable_sort(Writes, [&](const FieldWrite &A, const FieldWrite &B) {
      return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
    });
    return Writes;
  }

private:
  /// The outermost member expression over each reference to the root.
  std::vector<const Expr *> uses() {
    std::vector<const Expr *> Tops;
    if (!Func.getBody())
      return Tops;
    auto Refs =
        isa<FunctionDecl>(Object.Root)
            ? match(findAll(cxxThisExpr().bind("r")), *Func.getBody(), Ctx)
            : match(findAll(declRefExpr(to(varDecl(equalsNode(
                                            cast<VarDecl>(Object.Root)))))
                                .bind("r")),
                    *Func.getBody(), Ctx);
    for (const auto &Ref : Refs) {
      const Expr *Top = Ref.getNodeAs<Expr>("r");
      const Stmt *Current = Top;
      while (true) {
        auto Parents = Ctx.getParents(*Current);
        if (Parents.empty())
          break;
        const auto *Parent = Parents[0].get<Expr>();
        if (Parent &&
            (isa<ParenExpr>(Parent) || isa<ImplicitCastExpr>(Parent))) {
          Current = Parent;
          continue;
        }
        const auto *Member = dyn_cast_or_null<MemberExpr>(Parent);
        if (Member && Member->getBase()->IgnoreParenImpCasts() == Top &&
            isa<FieldDecl>(Member->getMemberDecl())) {
          Top = Member;
          Current = Member;
          continue;
        }
        break;
      }
      Tops.push_back(Top);
    }
    return Tops;
  }

  /// Where the fields past the object start, or -1 when \p Path selects
  /// something else; 0 for the object itself.
  int relation(const AccessPath &Path) const {
    if (isPrefixOf(Object, Path))
      return static_cast<int>(Path.Fields.size() - Object.Fields.size());
    if (isPrefixOf(Path, Object))
      return -2; // an object containing the socket address
    return -1;
  }

  /// True when \p Path selects (part of) a tracked field.
  bool selectsField(const AccessPath &Path) const {
    if (Path.Fields.size() <= Object.Fields.size())
      return false;
    const FieldDecl *First = Path.Fields[Object.Fields.size()];
    return First->getIdentifier() &&
           llvm::is_contained(FieldNames, First->getName());
  }

  template <typename ClassifyFn>
  void addInitialiser(std::vector<FieldWrite> &Writes, ClassifyFn Classify,
                      bool ObjectIsPointer) {
    if (ObjectIsPointer || !Object.Fields.empty())
      return;
    const auto *Var = dyn_cast<VarDecl>(Object.Root);
    if (!Var || isa<ParmVarDecl>(Var) || !Var->isLocalVarDecl())
      return;
    SourceLocation Loc =
        Ctx.getSourceManager().getExpansionLoc(Var->getLocation());
    const Expr *Init = Var->getInit();
    if (!Init) {
      // A local static starts zeroed; an automatic variable is garbage
      // until written, which is not ours to judge.
      if (Var->isStaticLocal())
        Writes.push_back({nullptr, Loc, FieldValue::Zeroed});
      return;
    }
    Init = Init->IgnoreImplicit();
    if (const auto *List = dyn_cast<InitListExpr>(Init)) {
      const RecordDecl *Record = Var->getType()->getAsRecordDecl();
      if (!Record)
        return;
      for (const FieldDecl *Field : Record->fields()) {
        if (!Field->getIdentifier() ||
            !llvm::is_contained(FieldNames, Field->getName()))
          continue;
        const Expr *Value = initFor(*List, *Field);
        // `.sin_addr.s_addr = X` leaves a brace list around X; point at X.
        const Expr *Shown = Value;
        while (const auto *Inner = dyn_cast_or_null<InitListExpr>(Shown)) {
          if (Inner->getNumInits() != 1)
            break;
          Shown = Inner->getInit(0);
        }
        Writes.push_back(
            {Shown, Loc, Value ? Classify(Value) : FieldValue::Zeroed});
        return;
      }
      return;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init))
      if (Construct->getNumArgs() == 0 &&
          Construct->requiresZeroInitialization())
        Writes.push_back({nullptr, Loc, FieldValue::Zeroed});
  }

  /// The call an expression is an argument of, through casts, with the
  /// argument's index.
  std::optional<std::pair<const CallExpr *, unsigned>>
  callArgument(const Expr &E) {
    const Stmt *Current = &E;
    while (true) {
      auto Parents = Ctx.getParents(*Current);
      if (Parents.empty())
        return std::nullopt;
      const auto *Parent = Parents[0].get<Expr>();
      if (!Parent)
        return std::nullopt;
      if (isa<ParenExpr, CastExpr>(Parent)) {
        Current = Parent;
        continue;
      }
      if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
        for (unsigned I = 0; I < Call->getNumArgs(); ++I)
          if (Call->getArg(I) == Current)
            return std::make_pair(Call, I);
      }
      return std::nullopt;
    }
  }

  /// True when \p Object is the object of a call to a non-const method,
  /// which may set any of its fields.
  bool isMutatingMethodObject(const Expr &Object) {
    auto Parents = Ctx.getParents(Object);
    const auto *Member =
        Parents.empty() ? nullptr : Parents[0].get<MemberExpr>();
    if (!Member || Member->getBase()->IgnoreParens() != &Object)
      return false;
    const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
    return Method && !Method->isConst() && !Method->isStatic();
  }

  /// What passing the object's (or a field's) address to \p Call does.
  template <typename ClassifyFn>
  std::optional<std::pair<const Stmt *, FieldValue>>
  classifyAddressPassed(const CallExpr &Call, unsigned Index, int Depth,
                        bool SelectsField, ClassifyFn Classify) {
    if (&Call == &Consumer)
      return std::nullopt;
    const FunctionDecl *Callee = Call.getDirectCallee();
    StringRef Name =
        Callee && Callee->getIdentifier() ? utils::identifierOf(Callee) : "";
    // Functions that only read the socket address.
    if (llvm::StringSwitch<bool>(Name)
            .Cases("bind", "connect", "sendto", "sendmsg", "setsockopt", true)
            .Cases("inet_ntop", "inet_ntoa", "ntohs", "ntohl", "memcmp", true)
            .Cases("printf", "fprintf", "snprintf", "sprintf", true)
            .Default(false))
      return std::nullopt;
    if (Depth != 0 && !SelectsField)
      return std::nullopt; // the address of another field
    if (Name == "memset" || Name == "__builtin_memset") {
      if (Index == 0 && Call.getNumArgs() == 3) {
        auto Fill = utils::intValue(Call.getArg(1), Ctx);
        if (Fill && *Fill == 0)
          return std::make_pair(static_cast<const Stmt *>(&Call),
                                Depth == 0 ? FieldValue::Zeroed
                                           : FieldValue::Any);
      }
      return std::make_pair(static_cast<const Stmt *>(&Call),
                            FieldValue::Other);
    }
    if (Name == "bzero" || Name == "explicit_bzero" || Name == "ZeroMemory" ||
        Name == "SecureZeroMemory" || Name == "RtlZeroMemory")
      return std::make_pair(static_cast<const Stmt *>(&Call),
                            Depth == 0 ? FieldValue::Zeroed : FieldValue::Any);
    // inet_pton(af, "0.0.0.0", &a.sin_addr) is reported on its own.
    unsigned TextIndex = Name == "inet_pton" ? 1 : 0;
    if ((Name == "inet_pton" && Index == 2) ||
        (Name == "inet_aton" && Index == 1)) {
      const auto *Literal =
          Call.getNumArgs() > TextIndex
              ? utils::stringLiteralOf(Call.getArg(TextIndex), Ctx)
              : nullptr;
      return std::make_pair(
          static_cast<const Stmt *>(&Call),
          Literal && isAnyAddressSpec(utils::literalText(*Literal))
              ? FieldValue::Reported
              : FieldValue::Other);
    }
    (void)Classify;
    return std::make_pair(static_cast<const Stmt *>(&Call), FieldValue::Other);
  }

  /// The write \p Top (an outermost member expression over the root) makes,
  /// if any.
  template <typename ClassifyFn>
  std::optional<std::pair<const Stmt *, FieldValue>>
  classifyUse(const Expr &Top, ClassifyFn Classify, bool ObjectIsPointer) {
    auto Path = pathOf(&Top, Func);
    if (!Path)
      return std::nullopt;
    int Depth = relation(*Path);
    if (Depth == -1)
      return std::nullopt;
    bool SelectsField = Depth > 0 && selectsField(*Path);
    if (Depth > 0 && !SelectsField)
      return std::nullopt; // sin_family, sin_zero, another member

    // Climb parens to the use.
    const Stmt *Current = &Top;
    const Expr *Parent = nullptr;
    while (true) {
      auto Parents = Ctx.getParents(*Current);
      Parent = Parents.empty() ? nullptr : Parents[0].get<Expr>();
      if (isa_and_nonnull<ParenExpr>(Parent)) {
        Current = Parent;
        continue;
      }
      break;
    }
    if (!Parent)
      return std::nullopt;
    const auto *Self = static_cast<const Stmt *>(Parent);

    if (const auto *Assign = dyn_cast<BinaryOperator>(Parent)) {
      if (Assign->getLHS()->IgnoreParens() != &Top)
        return std::nullopt;
      if (Assign->getOpcode() == BO_Assign) {
        if (Depth == -2)
          return std::make_pair(Self, FieldValue::Other);
        if (Depth == 0) {
          // `addr = (struct sockaddr_in){...}` or a copy of another address.
          const Expr *Value = Assign->getRHS()->IgnoreParenImpCasts();
          if (const auto *Literal = dyn_cast<CompoundLiteralExpr>(Value))
            Value = Literal->getInitializer();
          const auto *List = dyn_cast<InitListExpr>(Value);
          const RecordDecl *Record = Top.getType()->getAsRecordDecl();
          if (!List || !Record)
            return std::make_pair(Self, FieldValue::Other);
          for (const FieldDecl *Field : Record->fields())
            if (Field->getIdentifier() &&
                llvm::is_contained(FieldNames, Field->getName())) {
              const Expr *Init = initFor(*List, *Field);
              return std::make_pair(Self,
                                    Init ? Classify(Init) : FieldValue::Zeroed);
            }
          return std::nullopt;
        }
        return std::make_pair(Self, Classify(Assign->getRHS()));
      }
      // `hints.ai_flags |= AI_PASSIVE` sets the flag whatever was there.
      if (Assign->getOpcode() == BO_OrAssign && Depth > 0)
        return std::make_pair(Self,
                              Classify(Assign->getRHS()) == FieldValue::Any
                                  ? FieldValue::Any
                                  : FieldValue::Other);
      if (Assign->isAssignmentOp())
        return std::make_pair(Self, FieldValue::Other);
      return std::nullopt;
    }
    // C++ assigns structs with a (trivial) operator=.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Parent)) {
      if (Op->getNumArgs() != 2 || Op->getArg(0)->IgnoreParens() != &Top)
        return std::nullopt;
      if (Op->getOperator() == OO_Equal && Depth > 0)
        return std::make_pair(Self, Classify(Op->getArg(1)));
      if (Op->isAssignmentOp())
        return std::make_pair(Self, FieldValue::Other);
      return std::nullopt;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(Parent)) {
      if (Unary->isIncrementDecrementOp())
        return std::make_pair(Self, FieldValue::Other);
      if (Unary->getOpcode() != UO_AddrOf)
        return std::nullopt;
      if (auto Arg = callArgument(*Unary))
        return classifyAddressPassed(*Arg->first, Arg->second,
                                     Depth == -2 ? 0 : Depth,
                                     SelectsField || Depth <= 0, Classify);
      // `struct sockaddr_in *p = &addr;`: an alias this tracker cannot
      // follow.
      auto Parents = Ctx.getParents(*Unary);
      if (!Parents.empty() && Parents[0].get<UnaryExprOrTypeTraitExpr>())
        return std::nullopt;
      return std::make_pair(Self, FieldValue::Other);
    }
    bool Whole = Depth == -2 || Depth == 0;
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Parent)) {
      // A pointer to the object (the tracked one, or one containing it)
      // passed on may be written through.
      bool Pointer = Top.getType()->isPointerType();
      if (Cast->getCastKind() == CK_LValueToRValue && Pointer &&
          (Depth == -2 || (Depth == 0 && ObjectIsPointer))) {
        if (isMutatingMethodObject(*Cast))
          return std::make_pair(Self, FieldValue::Other);
        if (auto Arg = callArgument(*Cast))
          return classifyAddressPassed(*Arg->first, Arg->second, 0, true,
                                       Classify);
      }
      return std::nullopt;
    }
    // `setup()` on the object (or `this`) that holds the socket address.
    if (Whole && isMutatingMethodObject(Top))
      return std::make_pair(Self, FieldValue::Other);
    if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
      // Passed by non-const reference (a const one adds a NoOp cast).
      if (Call != &Consumer && Call->getCallee()->IgnoreParenImpCasts() != &Top)
        return std::make_pair(Self, FieldValue::Other);
    }
    return std::nullopt;
  }

  const AccessPath &Object;
  const FunctionDecl &Func;
  ASTContext &Ctx;
  const std::vector<StringRef> &FieldNames;
  const CallExpr &Consumer;
};

/// True when \p S runs only on some paths from the function's entry to \p
/// Consumer: a branch, loop or conditional operator holds it but not the
/// consumer.
bool isConditional(const Stmt *S, const Stmt &Consumer, ASTContext &Ctx) {
  if (!S)
    return false;
  const Stmt *Child = S;
  while (true) {
    auto Parents = Ctx.getParents(*Child);
    const Stmt *P = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
    if (!P)
      return false;
    // Conditions, for-initialisers and do-bodies always run.
    bool Always = false;
    if (const auto *If = dyn_cast<IfStmt>(P))
      Always = Child == If->getCond() || Child == If->getInit() ||
               Child == If->getConditionVariableDeclStmt();
    else if (const auto *Switch = dyn_cast<SwitchStmt>(P))
      Always = Child == Switch->getCond() || Child == Switch->getInit();
    else if (const auto *While = dyn_cast<WhileStmt>(P))
      Always = Child == While->getCond();
    else if (const auto *For = dyn_cast<ForStmt>(P))
      Always = Child == For->getInit() || Child == For->getCond();
    else if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(P))
      Always = Child == Cond->getCond();
    else if (!isa<CXXForRangeStmt>(P))
      Always = true;
    if (!Always)
      return match(stmt(hasDescendant(stmt(equalsNode(&Consumer)))), *P, Ctx)
          .empty();
    Child = P;
  }
}

/// True when \p E is an operand of `==` or `!=`, which compares an address
/// with the wildcard rather than binding to it.
bool isComparedWith(const Expr &E, ASTContext &Ctx) {
  DynTypedNode Parent = utils::parentIgnoringImplicit(E, Ctx);
  if (const auto *Construct = Parent.get<CXXConstructExpr>())
    Parent = utils::parentIgnoringImplicit(*Construct, Ctx);
  if (const auto *Binary = Parent.get<BinaryOperator>())
    return Binary->isEqualityOp();
  if (const auto *Op = Parent.get<CXXOperatorCallExpr>())
    return Op->getOperator() == OO_EqualEqual ||
           Op->getOperator() == OO_ExclaimEqual;
  if (const auto *Member = Parent.get<MemberExpr>())
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl()))
      return Method->getIdentifier() &&
             (utils::identifierOf(Method) == "isEqual" ||
              utils::identifierOf(Method) == "equals");
  if (const auto *Call = Parent.get<CXXMemberCallExpr>())
    if (const auto *Method = Call->getMethodDecl())
      return Method->getIdentifier() &&
             (utils::identifierOf(Method) == "isEqual" ||
              utils::identifierOf(Method) == "equals");
  return Parent.get<CaseStmt>() != nullptr;
}

} // namespace

BindAllInterfacesCheck::BindAllInterfacesCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      AllowedFiles(Options.get("AllowedFiles", "")),
      IgnoreEphemeralPort(
          utils::readBool(Options, "IgnoreEphemeralPort", true)) {
  for (const auto &[Function, Index] :
       utils::parsePairs(Options.get("HostArguments", DefaultHostArguments))) {
    unsigned Value = 0;
    if (StringRef(Index).getAsInteger(10, Value))
      Value = 0;
    HostArguments.emplace_back(Function, Value);
  }
}

void BindAllInterfacesCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  std::vector<std::pair<std::string, std::string>> Pairs;
  for (const auto &[Function, Index] : HostArguments)
    Pairs.emplace_back(Function, std::to_string(Index));
  Options.store(Opts, "HostArguments", utils::joinPairs(Pairs));
  Options.store(Opts, "AllowedFiles", AllowedFiles.pattern());
  utils::storeBool(Options, Opts, "IgnoreEphemeralPort", IgnoreEphemeralPort);
}

void BindAllInterfacesCheck::registerMatchers(MatchFinder *Finder) {
  utils::limitTraversalToProject(Finder);
  // BSD sockets (and the libraries that take a ready sockaddr) binding a
  // socket address set up in the same function.
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                              callee(functionDecl(hasAnyName(
                                  "::bind", "::uv_tcp_bind", "::uv_udp_bind"))))
                         .bind("bind"),
                     this);
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader()),
               callee(functionDecl(hasAnyName("::getaddrinfo", "::GetAddrInfoW",
                                              "::GetAddrInfoA"))),
               argumentCountIs(4))
          .bind("lookup"),
      this);

  // Matched by their last name component; check() compares the whole name,
  // which for members of class templates hasName cannot spell.
  std::vector<std::string> Names;
  for (const auto &Entry : HostArguments) {
    std::string Last = StringRef(Entry.first).rsplit("::").second.str();
    if (Last.empty())
      Last = Entry.first;
    if (!llvm::is_contained(Names, Last))
      Names.push_back(Last);
  }
  std::vector<StringRef> NameRefs(Names.begin(), Names.end());
  if (!NameRefs.empty()) {
    Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                                callee(functionDecl(hasAnyName(NameRefs))))
                           .bind("host-call"),
                       this);
    Finder->addMatcher(cxxConstructExpr(unless(isExpansionInSystemHeader()),
                                        hasDeclaration(cxxConstructorDecl(
                                            hasAnyName(NameRefs))))
                           .bind("host-construct"),
                       this);
  }

  // Boost.Asio / standalone Asio: an endpoint made from a protocol and a port
  // has the unspecified address.
  Finder->addMatcher(
      cxxConstructExpr(unless(isExpansionInSystemHeader()),
                       hasDeclaration(cxxConstructorDecl(ofClass(
                           hasAnyName("::boost::asio::ip::basic_endpoint",
                                      "::asio::ip::basic_endpoint")))),
                       argumentCountIs(2))
          .bind("endpoint"),
      this);
  Finder->addMatcher(
      callExpr(
          unless(isExpansionInSystemHeader()),
          callee(cxxMethodDecl(
                     hasName("any"),
                     ofClass(hasAnyName(
                         "::boost::asio::ip::address_v4",
                         "::boost::asio::ip::address_v6",
                         "::asio::ip::address_v4", "::asio::ip::address_v6",
                         "::Pistache::Ipv4", "::Pistache::Ipv6")))
                     .bind("any-fn")))
          .bind("any-call"),
      this);
  Finder->addMatcher(
      declRefExpr(unless(isExpansionInSystemHeader()),
                  to(enumConstantDecl(hasAnyName("::QHostAddress::Any",
                                                 "::QHostAddress::AnyIPv4",
                                                 "::QHostAddress::AnyIPv6"))
                         .bind("any-enum")))
          .bind("any-ref"),
      this);
}

bool BindAllInterfacesCheck::isEphemeralPort(const Expr *Port,
                                             const ASTContext &Ctx) const {
  if (!IgnoreEphemeralPort || !Port)
    return false;
  auto Value = utils::intValue(Port, Ctx);
  return Value && *Value == 0;
}

void BindAllInterfacesCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  auto Allowed = [&](const Stmt *S) {
    return AllowedFiles.matches(S->getBeginLoc(), SM);
  };
  if (const auto *Bind = Result.Nodes.getNodeAs<CallExpr>("bind")) {
    if (!Allowed(Bind))
      checkSocketBind(*Bind, Ctx);
    return;
  }
  if (const auto *Lookup = Result.Nodes.getNodeAs<CallExpr>("lookup")) {
    if (!Allowed(Lookup))
      checkPassiveLookup(*Lookup, Ctx);
    // getaddrinfo is also in HostArguments; its node argument is checked by
    // the host-call matcher.
    return;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("host-call")) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Allowed(Call))
      return;
    std::string Qualified = utils::plainQualifiedName(*Callee);
    for (const auto &[Name, Index] : HostArguments) {
      if (Name != Qualified || Index >= Call->getNumArgs())
        continue;
      checkHostArgument(*Call, *Call->getArg(Index),
                        utils::identifierOf(Callee), Ctx);
      return;
    }
    return;
  }
  if (const auto *Construct =
          Result.Nodes.getNodeAs<CXXConstructExpr>("host-construct")) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (Allowed(Construct))
      return;
    std::string Qualified = utils::plainQualifiedName(*Ctor);
    for (const auto &[Name, Index] : HostArguments) {
      if (Name != Qualified || Index >= Construct->getNumArgs())
        continue;
      checkHostArgument(*Construct, *Construct->getArg(Index),
                        Ctor->getParent()->getName(), Ctx);
      return;
    }
    return;
  }
  if (const auto *Endpoint =
          Result.Nodes.getNodeAs<CXXConstructExpr>("endpoint")) {
    if (!Allowed(Endpoint))
      checkAsioEndpoint(*Endpoint, Ctx);
    return;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("any-call")) {
    const auto *Method = Result.Nodes.getNodeAs<CXXMethodDecl>("any-fn");
    if (!Allowed(Call))
      checkAnyAddressUse(
          *Call, (Method->getParent()->getName() + "::any()").str(), Ctx);
    return;
  }
  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("any-ref")) {
    if (!Allowed(Ref))
      checkAnyAddressUse(
          *Ref,
          ("QHostAddress::" +
           Result.Nodes.getNodeAs<EnumConstantDecl>("any-enum")->getName())
              .str(),
          Ctx);
    return;
  }
}

void BindAllInterfacesCheck::checkHostArgument(const Expr &Use,
                                               const Expr &Host, StringRef Api,
                                               ASTContext &Ctx) {
  const StringLiteral *Literal = utils::stringLiteralOf(&Host, Ctx);
  if (!Literal)
    return;
  std::string Text = utils::literalText(*Literal);
  if (!isAnyAddressSpec(Text))
    return;
  // `raw == inet_addr("0.0.0.0")` tests for the wildcard; only APIs that
  // return an address can be compared that way (`listen(...) == NULL` is a
  // use whose result is checked).
  bool ReturnsAddress =
      isa<CXXConstructExpr>(Use) ||
      llvm::StringSwitch<bool>(Api)
          .Cases("inet_addr", "make_address", "make_address_v4", true)
          .Cases("make_address_v6", "from_string", true)
          .Default(false);
  if (ReturnsAddress && isComparedWith(Use, Ctx))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(Host.getBeginLoc());
  diag(Loc, "'%0' passed to '%1' listens on all network interfaces; use "
            "127.0.0.1 (or ::1) or an address read from configuration")
      << Text << Api;
  SourceLocation LiteralLoc = SM.getExpansionLoc(Literal->getBeginLoc());
  if (LiteralLoc != Loc)
    diag(LiteralLoc, "the address comes from here", DiagnosticIDs::Note);
}

void BindAllInterfacesCheck::checkAsioEndpoint(
    const CXXConstructExpr &Construct, ASTContext &Ctx) {
  // basic_endpoint(protocol, port) rather than basic_endpoint(address, port).
  const Expr *Protocol = Construct.getArg(0)->IgnoreImplicit();
  const auto *Record = Protocol->getType()->getAsCXXRecordDecl();
  if (!Record || !Record->getIdentifier() ||
      compat::startsWith(Record->getName(), "address") ||
      Record->getName() == "basic_endpoint")
    return;
  if (isEphemeralPort(Construct.getArg(1), Ctx))
    return;
  diag(Ctx.getSourceManager().getExpansionLoc(Construct.getBeginLoc()),
       "'%0' endpoint without an address listens on all network interfaces; "
       "give it an address such as address_v4::loopback() or one read from "
       "configuration")
      << (Record->getName() + "::endpoint").str();
}

void BindAllInterfacesCheck::checkAnyAddressUse(const Expr &Use,
                                                StringRef Spelling,
                                                ASTContext &Ctx) {
  if (isComparedWith(Use, Ctx))
    return;
  diag(Ctx.getSourceManager().getExpansionLoc(Use.getBeginLoc()),
       "'%0' is the address of all network interfaces; listen on the "
       "loopback address or on an address read from configuration")
      << Spelling;
}

void BindAllInterfacesCheck::checkSocketBind(const CallExpr &Bind,
                                             ASTContext &Ctx) {
  if (Bind.getNumArgs() < 2)
    return;
  const FunctionDecl *Func = utils::enclosingFunction(Bind, Ctx);
  if (!Func)
    return;
  // `(struct sockaddr *)&addr` or a `struct sockaddr_in *` variable.
  const Expr *Arg = Bind.getArg(1)->IgnoreParenCasts();
  bool ObjectIsPointer = true;
  QualType ObjectType;
  if (const auto *AddrOf = dyn_cast<UnaryOperator>(Arg);
      AddrOf && AddrOf->getOpcode() == UO_AddrOf) {
    Arg = AddrOf->getSubExpr();
    ObjectIsPointer = false;
    ObjectType = Arg->getType();
  } else if (Arg->getType()->isPointerType()) {
    ObjectType = Arg->getType()->getPointeeType();
  } else {
    return;
  }
  StringRef Kind = sockaddrKind(ObjectType);
  if (Kind != "sockaddr_in" && Kind != "sockaddr_in6")
    return;
  auto Object = pathOf(Arg, *Func);
  if (!Object)
    return;
  bool V6 = Kind == "sockaddr_in6";
  std::vector<StringRef> AddressFields = {V6 ? "sin6_addr" : "sin_addr"};
  std::vector<StringRef> PortFields = {V6 ? "sin6_port" : "sin_port"};

  auto ClassifyAddress = [&](const Expr *E) {
    return classifyAddress(E, Ctx, HostArguments);
  };
  auto ClassifyPort = [&](const Expr *E) {
    auto Value = utils::intValue(E, Ctx);
    return Value && *Value == 0 ? FieldValue::Any : FieldValue::Other;
  };
  std::vector<FieldWrite> Addresses =
      FieldTracker(*Object, *Func, Ctx, AddressFields, Bind)
          .writes(ClassifyAddress, ObjectIsPointer);
  if (Addresses.empty())
    return;
  const FieldWrite &Last = Addresses.back();
  if (Last.Value != FieldValue::Any && Last.Value != FieldValue::Zeroed)
    return;
  // `if (public) addr = INADDR_ANY; else inet_pton(.., host, ..)`: the
  // wildcard is one configured choice among others.
  if (isConditional(Last.Where, Bind, Ctx) &&
      llvm::any_of(llvm::make_range(Addresses.begin(), Addresses.end() - 1),
                   [](const FieldWrite &W) {
                     return W.Value == FieldValue::Other ||
                            W.Value == FieldValue::Reported;
                   }))
    return;
  if (IgnoreEphemeralPort) {
    std::vector<FieldWrite> Ports =
        FieldTracker(*Object, *Func, Ctx, PortFields, Bind)
            .writes(ClassifyPort, ObjectIsPointer);
    if (!Ports.empty() && (Ports.back().Value == FieldValue::Any ||
                           Ports.back().Value == FieldValue::Zeroed))
      return;
  }
  const SourceManager &SM = Ctx.getSourceManager();
  StringRef Wildcard = V6 ? "in6addr_any" : "INADDR_ANY";
  diag(SM.getExpansionLoc(Bind.getBeginLoc()),
       "'%0' binds the socket to all network interfaces (%1); bind it to "
       "127.0.0.1 (or ::1) or to an address read from configuration")
      << (Bind.getDirectCallee() ? utils::identifierOf(Bind.getDirectCallee())
                                 : "bind")
      << Wildcard;
  SourceLocation NoteLoc =
      Last.Where ? SM.getExpansionLoc(Last.Where->getBeginLoc()) : Last.Loc;
  if (Last.Value == FieldValue::Any)
    diag(NoteLoc, "the address is set to %0 here", DiagnosticIDs::Note)
        << Wildcard;
  else
    diag(NoteLoc, "the address is zeroed here and never set; zero is %0",
         DiagnosticIDs::Note)
        << Wildcard;
}

void BindAllInterfacesCheck::checkPassiveLookup(const CallExpr &Call,
                                                ASTContext &Ctx) {
  // getaddrinfo(NULL, port, &hints, &res) with AI_PASSIVE in hints gives the
  // wildcard address; without AI_PASSIVE it gives the loopback address.
  if (!Call.getArg(0)->IgnoreParenCasts()->isNullPointerConstant(
          Ctx, Expr::NPC_ValueDependentIsNotNull))
    return;
  const FunctionDecl *Func = utils::enclosingFunction(Call, Ctx);
  const auto *Hints =
      dyn_cast<UnaryOperator>(Call.getArg(2)->IgnoreParenCasts());
  if (!Func || !Hints || Hints->getOpcode() != UO_AddrOf)
    return;
  if (sockaddrKind(Hints->getSubExpr()->getType()) != "addrinfo")
    return;
  auto Object = pathOf(Hints->getSubExpr(), *Func);
  if (!Object)
    return;
  // AI_PASSIVE is 1 in glibc, musl, the BSDs, macOS and Windows.
  auto ClassifyFlags = [&](const Expr *E) {
    auto Value = utils::intValue(E, Ctx);
    return Value && (*Value & 1) != 0 ? FieldValue::Any : FieldValue::Other;
  };
  std::vector<StringRef> Flags = {"ai_flags"};
  std::vector<FieldWrite> Writes =
      FieldTracker(*Object, *Func, Ctx, Flags, Call)
          .writes(ClassifyFlags, /*ObjectIsPointer=*/false);
  // `hints.ai_flags |= AI_PASSIVE` counts as setting the flag.
  if (Writes.empty() || (Writes.back().Value != FieldValue::Any &&
                         Writes.back().Value != FieldValue::Reported))
    return;
  if (isConditional(Writes.back().Where, Call, Ctx))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  diag(SM.getExpansionLoc(Call.getBeginLoc()),
       "'%0' with no host and AI_PASSIVE returns the address of all network "
       "interfaces; pass the host to listen on, such as \"127.0.0.1\" or one "
       "read from configuration")
      << utils::identifierOf(Call.getDirectCallee());
  diag(Writes.back().Loc, "AI_PASSIVE is set here", DiagnosticIDs::Note);
}

} // namespace clang::tidy::exitbar

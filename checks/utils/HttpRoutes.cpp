// HttpRoutes.cpp - HTTP routes of C/C++ server libraries and their guards
// SPDX-License-Identifier: Apache-2.0
//
// Routes are recognised by the library's types and functions (the class a
// registration method belongs to, the namespace of a routing function), not
// by the names a project gives its variables.

#include "utils/HttpRoutes.h"
#include "utils/Compat.h"
#include "utils/ExprValues.h"
#include "utils/IdentifierWords.h"
#include "utils/Locations.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include <algorithm>
#include <functional>
#include <map>

namespace clang::tidy::exitbar::utils {
namespace {

/// True when \p D is declared (at any depth) inside a namespace \p Name.
bool inNamespace(const Decl *D, llvm::StringRef Name) {
  for (const DeclContext *DC = D ? D->getDeclContext() : nullptr; DC;
       DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      if (NS->getIdentifier() && NS->getName() == Name)
        return true;
  return false;
}

/// True for the objects routes and guards are registered on: a class of a
/// server library (httplib::Server, crow::App<...>, a Pistache router,
/// drogon's app), a civetweb or mongoose context, or a pointer, reference
/// or smart pointer to one.
bool isServerType(QualType T) {
  for (int Depth = 0; Depth < 4 && !T.isNull(); ++Depth) {
    T = T.getNonReferenceType();
    if (T->isPointerType()) {
      T = T->getPointeeType();
      continue;
    }
    const auto *Record = T->getAsRecordDecl();
    if (!Record)
      return false;
    for (llvm::StringRef Library : {"httplib", "crow", "drogon", "Pistache"})
      if (inNamespace(Record, Library))
        return true;
    if (Record->getIdentifier() &&
        llvm::is_contained(
            std::initializer_list<llvm::StringRef>{"mg_context", "mg_mgr",
                                                   "CivetServer"},
            Record->getName()))
      return true;
    // std::unique_ptr<httplib::Server>, std::shared_ptr<crow::SimpleApp>.
    const auto *Smart = dyn_cast<ClassTemplateSpecializationDecl>(Record);
    if (!Smart || !Smart->getIdentifier() ||
        !(Smart->getName() == "unique_ptr" ||
          Smart->getName() == "shared_ptr") ||
        Smart->getTemplateArgs().size() < 1 ||
        Smart->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      return false;
    T = Smart->getTemplateArgs()[0].getAsType();
  }
  return false;
}

/// \p E without the wrappers that keep its value: parens, implicit casts,
/// temporaries, and one-argument constructions (a lambda in std::function).
const Expr *strip(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = B->getSubExpr();
    else if (const auto *C = dyn_cast<CXXConstructExpr>(Next);
             C && C->getNumArgs() >= 1 && !isa<CXXTemporaryObjectExpr>(C))
      Next = C->getArg(0);
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(Next))
      Next = F->getSubExpr();
    else if (const auto *W = dyn_cast<ExprWithCleanups>(Next))
      Next = W->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

/// The variable, member or parameter an object expression names.
const ValueDecl *objectDecl(const Expr *E) {
  E = strip(E);
  if (!E)
    return nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    if (Unary->getOpcode() == UO_Deref)
      return objectDecl(Unary->getSubExpr());
  // A smart pointer's operator-> or operator*.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    if (Op->getNumArgs() >= 1 &&
        (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star))
      return objectDecl(Op->getArg(0));
  return nullptr;
}

/// The text of the string literal \p E is, or "".
std::string textOf(const Expr *E, ASTContext &Ctx) {
  if (!E)
    return {};
  if (const StringLiteral *Lit = stringLiteralOf(E, Ctx))
    return literalText(*Lit);
  return {};
}

/// The first string literal anywhere under \p S.
std::string firstLiteralUnder(const Stmt *S) {
  if (!S)
    return {};
  if (const auto *Lit = dyn_cast<StringLiteral>(S))
    return literalText(*Lit);
  for (const Stmt *Child : S->children())
    if (std::string Text = firstLiteralUnder(Child); !Text.empty())
      return Text;
  return {};
}

const Stmt *handlerBodyIn(const Stmt *S, int Depth) {
  if (!S || Depth > 3)
    return nullptr;
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S))
    return Lambda->getBody();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
    if (const auto *FD = dyn_cast<FunctionDecl>(Ref->getDecl())) {
      const FunctionDecl *Def = FD->getDefinition();
      return Def && Def->hasBody() ? Def->getBody() : nullptr;
    }
    if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl()))
      if (VD->hasInit() && VD->hasLocalStorage())
        return handlerBodyIn(VD->getInit(), Depth + 1);
    return nullptr;
  }
  // std::bind(&C::handle, this, _1, _2): the function is among the
  // arguments, never the callee.
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    for (const Expr *Arg : Call->arguments())
      if (const Stmt *Body = handlerBodyIn(Arg, Depth))
        return Body;
    return nullptr;
  }
  for (const Stmt *Child : S->children())
    if (const Stmt *Body = handlerBodyIn(Child, Depth))
      return Body;
  return nullptr;
}

const std::vector<std::string> &authPhrases() {
  static const std::vector<std::string> Phrases = {"authenticate",
                                                   "authenticated",
                                                   "authentication",
                                                   "authorize",
                                                   "authorized",
                                                   "authorization",
                                                   "authorise",
                                                   "authorised",
                                                   "authorisation",
                                                   "auth",
                                                   "authn",
                                                   "authz",
                                                   "login required",
                                                   "require login",
                                                   "logged in",
                                                   "verify token",
                                                   "validate token",
                                                   "check token",
                                                   "verify jwt",
                                                   "validate jwt",
                                                   "check jwt",
                                                   "verify session",
                                                   "validate session",
                                                   "check session",
                                                   "verify credential",
                                                   "check credential",
                                                   "validate credential",
                                                   "verify api key",
                                                   "check api key",
                                                   "validate api key",
                                                   "verify password",
                                                   "check password",
                                                   "validate password",
                                                   "verify user",
                                                   "check user",
                                                   "validate user"};
  return Phrases;
}

/// True when the function's own name says it checks credentials. Names that
/// start with set/add/register/remove configure authentication elsewhere
/// (mg_set_auth_handler, set_basic_auth): they check nothing here.
bool isAuthFunction(const FunctionDecl &FD, const AuthKnowledge &Auth) {
  std::string Name = FD.getNameAsString();
  std::string Qualified = plainQualifiedName(FD);
  for (const std::string &Configured : Auth.AuthFunctions)
    if (Configured == Name || Configured == Qualified ||
        "::" + Configured == Qualified)
      return true;
  // jwt-cpp (namespace jwt): decoding and verifying a token.
  if (inNamespace(&FD, "jwt"))
    return true;
  std::vector<std::string> Words = splitIdentifier(Name);
  if (Words.empty())
    return false;
  const std::string &First =
      Words[Words.size() > 1 && Words[0] == "mg" ? 1 : 0];
  if (First == "set" || First == "add" || First == "register" ||
      First == "remove" || First == "get" || First == "has")
    return false;
  if (!firstPhraseIn(Name, authPhrases()).empty())
    return true;
  // `auth.validate(req)`, `authenticator->check(req)`: a checking method
  // of a class named for authentication (AuthMiddleware, Authenticator).
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&FD))
    if (const CXXRecordDecl *Record = Method->getParent();
        Record && Record->getIdentifier() &&
        !firstPhraseIn(Record->getName(), authPhrases()).empty())
      return First == "validate" || First == "verify" || First == "check" ||
             First == "is" || First == "authenticate" || First == "allow" ||
             First == "allows" || First == "permit" || First == "permits";
  return false;
}

/// Names of headers, parameters and cookies that carry credentials.
bool isCredentialName(llvm::StringRef Text) {
  if (looksLikeSignatureHeader(Text))
    return true;
  std::string Lower = Text.lower();
  return llvm::StringSwitch<bool>(Lower)
      .Cases("authorization", "proxy-authorization", "x-api-key", "x-api-token",
             "x-auth-token", true)
      .Cases("x-access-token", "api_key", "apikey", "api-key", "access_token",
             true)
      .Cases("token", "session", "sessionid", "session_id", "sid", true)
      .Cases("cookie", "x-session-token", "x-csrf-token", true)
      .Default(false);
}

/// A call that reads a credential: a header, parameter or cookie of that
/// name, a typed Authorization header (Pistache), a session (Drogon) or the
/// decoded Basic credentials (mongoose's mg_http_creds).
bool isCredentialRead(const CallExpr &Call, ASTContext &Ctx) {
  const FunctionDecl *FD = Call.getDirectCallee();
  if (!FD)
    return false;
  std::vector<std::string> Words = splitIdentifier(FD->getNameAsString());
  if (!Words.empty() &&
      (Words[0] == "has" || Words[0] == "set" || Words[0] == "add" ||
       Words[0] == "remove" || Words[0] == "erase" || Words[0] == "contains"))
    return false;
  std::string Name = FD->getNameAsString();
  if (Name == "session" || Name == "getSession" || Name == "get_session" ||
      Name == "mg_http_creds")
    return true;
  if (const TemplateArgumentList *Args = FD->getTemplateSpecializationArgs())
    for (const TemplateArgument &Arg : Args->asArray())
      if (Arg.getKind() == TemplateArgument::Type)
        if (const auto *Record = Arg.getAsType()->getAsCXXRecordDecl())
          if (Record->getIdentifier() && isCredentialName(Record->getName()))
            return true;
  for (const Expr *Arg : Call.arguments()) {
    if (std::string Text = textOf(Arg, Ctx);
        !Text.empty() && isCredentialName(Text))
      return true;
    // Boost.Beast: `req[http::field::authorization]`, `req.find(field::
    // cookie)`: the header named by its enumerator.
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts()))
      if (const auto *Field = dyn_cast<EnumConstantDecl>(Ref->getDecl());
          Field && Field->getIdentifier()) {
        std::string Name = Field->getName().str();
        std::replace(Name.begin(), Name.end(), '_', '-');
        if (isCredentialName(Name))
          return true;
      }
  }
  return false;
}

/// Functions whose arguments are compared or validated by the call.
bool isComparingCall(const FunctionDecl &FD) {
  std::string Name = FD.getNameAsString();
  if (llvm::StringSwitch<bool>(Name)
          .Cases("strcmp", "strncmp", "strcasecmp", "strncasecmp", true)
          .Cases("memcmp", "CRYPTO_memcmp", "sodium_memcmp", "timingsafe_bcmp",
                 true)
          .Cases("compare", "starts_with", "ends_with", "find", "rfind", true)
          .Cases("mg_strcmp", "mg_vcmp", "mg_vcasecmp", "mg_casecmp", true)
          .Cases("operator==", "operator!=", "equal", "equals", true)
          .Default(false))
    return true;
  static const std::vector<std::string> Validators = {
      "verify", "validate", "check", "decode", "lookup",   "authenticate",
      "auth",   "compare",  "match", "find",   "is valid", "valid"};
  return !firstPhraseIn(Name, Validators).empty();
}

bool isDefinedInProject(const FunctionDecl &FD) {
  const FunctionDecl *Def = FD.getDefinition();
  if (!Def || !Def->hasBody())
    return false;
  return !isInSystemHeader(Def->getASTContext().getSourceManager(),
                           Def->getLocation());
}

/// A test that a credential is there, not what it is: `get_header(c,
/// "Authorization") == NULL`, `!header`, `if (header)`, `token.empty()`.
/// A sender that sends anything passes it.
bool isPresenceTest(const Stmt *S, ASTContext &Ctx) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return false;
  E = E->IgnoreParens();
  if (const auto *Bin = dyn_cast<BinaryOperator>(E))
    if (Bin->getOpcode() == BO_EQ || Bin->getOpcode() == BO_NE)
      return Bin->getLHS()->isNullPointerConstant(
                 Ctx, Expr::NPC_ValueDependentIsNotNull) ||
             Bin->getRHS()->isNullPointerConstant(
                 Ctx, Expr::NPC_ValueDependentIsNotNull);
  if (const auto *Un = dyn_cast<UnaryOperator>(E);
      Un && Un->getOpcode() == UO_LNot)
    return Un->getSubExpr()->IgnoreParenImpCasts()->getType()->isPointerType();
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E))
    return Cast->getCastKind() == CK_PointerToBoolean;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *Method = Member->getMethodDecl();
        Method && Method->getIdentifier())
      return Method->getName() == "empty" || Method->getName() == "size" ||
             Method->getName() == "length";
  return false;
}

/// True when \p S refers to a credential: contains a read of one or names a
/// variable that holds one. With \p OnlyChecked, a mention inside a
/// presence test (isPresenceTest) does not count.
bool mentionsCredential(const Stmt *S, ASTContext &Ctx,
                        const llvm::SmallPtrSetImpl<const VarDecl *> &Vars,
                        bool OnlyChecked = false) {
  if (!S || (OnlyChecked && isPresenceTest(S, Ctx)))
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S);
      Call && isCredentialRead(*Call, Ctx))
    return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl()))
      if (Vars.count(VD))
        return true;
  for (const Stmt *Child : S->children())
    if (mentionsCredential(Child, Ctx, Vars, OnlyChecked))
      return true;
  return false;
}

bool isComparisonOp(BinaryOperatorKind Op) {
  return BinaryOperator::isComparisonOp(Op) || BinaryOperator::isLogicalOp(Op);
}

} // namespace

bool looksLikeSignatureHeader(llvm::StringRef Text) {
  std::string Lower = Text.lower();
  if (Lower.size() > 40 || Lower.find(' ') != std::string::npos)
    return false;
  return Lower.find("signature") != std::string::npos ||
         (Lower.find("hmac") != std::string::npos &&
          Lower.find('-') != std::string::npos);
}

std::string calleeName(const CallExpr &Call) {
  const FunctionDecl *FD = Call.getDirectCallee();
  return FD ? FD->getNameAsString() : std::string();
}

const Stmt *handlerBody(const Expr *Handler) {
  return handlerBodyIn(Handler, 0);
}

void forEachReachableStmt(const Stmt *S,
                          const std::function<void(const Stmt &)> &Visit) {
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
  std::function<void(const Stmt *, int)> Walk = [&](const Stmt *Node,
                                                    int Depth) {
    if (!Node)
      return;
    Visit(*Node);
    if (const auto *Call = dyn_cast<CallExpr>(Node); Call && Depth < 2)
      if (const FunctionDecl *FD = Call->getDirectCallee())
        if (isDefinedInProject(*FD)) {
          const FunctionDecl *Def = FD->getDefinition();
          if (Seen.insert(Def).second)
            Walk(Def->getBody(), Depth + 1);
        }
    for (const Stmt *Child : Node->children())
      Walk(Child, Depth);
  };
  Walk(S, 0);
}

bool checksCredentials(const Stmt *S, ASTContext &Ctx,
                       const AuthKnowledge &Auth) {
  if (!S)
    return false;
  bool Found = false;
  // Pass 1: authentication calls, and the variables credentials go into
  // (twice, so `auto Token = Header.substr(7)` follows `auto Header = ...`).
  llvm::SmallPtrSet<const VarDecl *, 8> Vars;
  for (int Round = 0; Round < 2 && !Found; ++Round)
    forEachReachableStmt(S, [&](const Stmt &Node) {
      if (const auto *Call = dyn_cast<CallExpr>(&Node)) {
        if (const FunctionDecl *FD = Call->getDirectCallee();
            FD && isAuthFunction(*FD, Auth))
          Found = true;
        // mg_http_creds(hm, user, n, pass, n) writes into its buffers.
        if (calleeName(*Call) == "mg_http_creds")
          for (const Expr *Arg : Call->arguments())
            if (const auto *VD = dyn_cast_or_null<VarDecl>(objectDecl(Arg)))
              Vars.insert(VD);
      }
      if (const auto *DS = dyn_cast<DeclStmt>(&Node))
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D))
            if (VD->hasInit() && mentionsCredential(VD->getInit(), Ctx, Vars))
              Vars.insert(VD);
      if (const auto *Assign = dyn_cast<BinaryOperator>(&Node))
        if (Assign->isAssignmentOp())
          if (const auto *VD =
                  dyn_cast_or_null<VarDecl>(objectDecl(Assign->getLHS())))
            if (mentionsCredential(Assign->getRHS(), Ctx, Vars))
              Vars.insert(VD);
      // `token = req.get_header_value("Authorization");` on a std::string.
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Node);
          Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
        if (const auto *VD =
                dyn_cast_or_null<VarDecl>(objectDecl(Op->getArg(0))))
          if (mentionsCredential(Op->getArg(1), Ctx, Vars))
            Vars.insert(VD);
    });
  if (Found)
    return true;
  // Pass 2: a credential compared, tested or handed to a validator.
  forEachReachableStmt(S, [&](const Stmt &Node) {
    if (Found)
      return;
    const Stmt *Checked = nullptr;
    if (const auto *If = dyn_cast<IfStmt>(&Node))
      Checked = If->getCond();
    else if (const auto *While = dyn_cast<WhileStmt>(&Node))
      Checked = While->getCond();
    else if (const auto *Cond = dyn_cast<ConditionalOperator>(&Node))
      Checked = Cond->getCond();
    else if (const auto *Bin = dyn_cast<BinaryOperator>(&Node);
             Bin && isComparisonOp(Bin->getOpcode()))
      Checked = Bin;
    else if (const auto *Un = dyn_cast<UnaryOperator>(&Node);
             Un && Un->getOpcode() == UO_LNot)
      Checked = Un;
    else if (const auto *Call = dyn_cast<CallExpr>(&Node)) {
      const FunctionDecl *FD = Call->getDirectCallee();
      if (FD && (isComparingCall(*FD) || isDefinedInProject(*FD)) &&
          !isCredentialRead(*Call, Ctx)) {
        for (const Expr *Arg : Call->arguments())
          if (mentionsCredential(Arg, Ctx, Vars))
            Found = true;
        // Token.compare(...), Header.starts_with("Bearer ").
        if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
          if (isComparingCall(*FD) &&
              mentionsCredential(Member->getImplicitObjectArgument(), Ctx,
                                 Vars))
            Found = true;
      }
      return;
    }
    if (Checked && mentionsCredential(Checked, Ctx, Vars, /*OnlyChecked=*/true))
      Found = true;
  });
  return Found;
}

namespace {

/// `res.code = 403`, `res.status = 401`: the response refuses the caller.
bool setsRefusalStatus(const Stmt *S, ASTContext &Ctx) {
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  const Expr *Lhs = nullptr, *Rhs = nullptr;
  if (const auto *B = dyn_cast<BinaryOperator>(E);
      B && B->getOpcode() == BO_Assign) {
    Lhs = B->getLHS();
    Rhs = B->getRHS();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
    Lhs = Op->getArg(0);
    Rhs = Op->getArg(1);
  }
  const auto *Member =
      Lhs ? dyn_cast<MemberExpr>(Lhs->IgnoreParenImpCasts()) : nullptr;
  if (!Member || !Member->getMemberDecl()->getIdentifier())
    return false;
  llvm::StringRef Field = Member->getMemberDecl()->getName();
  if (Field != "code" && Field != "status" && Field != "status_code")
    return false;
  Expr::EvalResult Value;
  if (Rhs->isValueDependent() || !Rhs->EvaluateAsInt(Value, Ctx))
    return false;
  int64_t Status = Value.Val.getInt().getExtValue();
  return Status == 401 || Status == 403;
}

bool containsReturn(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt>(S))
    return true;
  if (isa<LambdaExpr>(S))
    return false;
  for (const Stmt *Child : S->children())
    if (containsReturn(Child))
      return true;
  return false;
}

/// A guard that refuses every request (401 or 403 before any path that
/// returns): the routes behind it are unreachable, not unauthenticated.
bool refusesEveryRequest(const Stmt *Body, ASTContext &Ctx) {
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Body);
  if (!Block)
    return false;
  for (const Stmt *S : Block->body()) {
    if (setsRefusalStatus(S, Ctx))
      return true;
    if (containsReturn(S))
      return false;
  }
  return false;
}

/// Code that runs before a server's handlers guards them when it checks
/// credentials, or refuses everyone.
bool guardsRequests(const Stmt *Body, ASTContext &Ctx,
                    const AuthKnowledge &Auth) {
  return checksCredentials(Body, Ctx, Auth) || refusesEveryRequest(Body, Ctx);
}

using Guard = HttpGuard;

std::string upper(llvm::StringRef S) { return S.upper(); }

/// HTTP methods written in \p S: enumerators (crow::HTTPMethod::Post,
/// drogon::Post) and user-defined literals ("POST"_method).
void collectMethods(const Stmt *S, std::vector<std::string> &Methods,
                    std::vector<std::string> *Strings) {
  if (!S)
    return;
  if (const auto *UDL = dyn_cast<UserDefinedLiteral>(S)) {
    const Expr *Cooked = UDL->getCookedLiteral();
    if (const auto *Lit = dyn_cast_or_null<StringLiteral>(
            Cooked ? Cooked->IgnoreImpCasts() : nullptr))
      Methods.push_back(upper(literalText(*Lit)));
    return;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (const auto *Enum = dyn_cast<EnumConstantDecl>(Ref->getDecl())) {
      Methods.push_back(upper(Enum->getName()));
      return;
    }
  if (const auto *Lit = dyn_cast<StringLiteral>(S)) {
    if (Strings)
      Strings->push_back(literalText(*Lit));
    return;
  }
  for (const Stmt *Child : S->children())
    collectMethods(Child, Methods, Strings);
}

/// The most consequential of \p Methods: a state-changing one if any.
std::string gravestMethod(const std::vector<std::string> &Methods,
                          const std::string &Default) {
  for (const char *Writing : {"DELETE", "POST", "PUT", "PATCH"})
    if (llvm::is_contained(Methods, Writing))
      return Writing;
  for (const std::string &M : Methods)
    if (M == "GET" || M == "HEAD" || M == "OPTIONS")
      return M;
  return Default;
}

/// The state-changing method a dispatching handler compares the request's
/// method with ("POST" in `strcmp(ri->request_method, "POST")`), or "ANY".
std::string methodComparedIn(const Stmt *S) {
  std::string Found = "ANY";
  std::function<void(const Stmt *)> Walk = [&](const Stmt *Node) {
    if (!Node || Found != "ANY")
      return;
    if (const auto *Lit = dyn_cast<StringLiteral>(Node)) {
      std::string Text = literalText(*Lit);
      if (Text == "POST" || Text == "PUT" || Text == "PATCH" ||
          Text == "DELETE")
        Found = Text;
      return;
    }
    // Boost.Beast: `req.method() == http::verb::post`.
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Node))
      if (const auto *Verb = dyn_cast<EnumConstantDecl>(Ref->getDecl());
          Verb && inNamespace(Verb, "beast") && Verb->getIdentifier()) {
        std::string Name = llvm::StringSwitch<std::string>(Verb->getName())
                               .Case("post", "POST")
                               .Case("put", "PUT")
                               .Case("patch", "PATCH")
                               .Case("delete_", "DELETE")
                               .Default("");
        if (!Name.empty())
          Found = Name;
        return;
      }
    for (const Stmt *Child : Node->children())
      Walk(Child);
  };
  Walk(S);
  return Found;
}

/// A call that matches a mongoose request's URI against a literal path;
/// returns the path.
std::string mongooseMatchPath(const Stmt *S, ASTContext &Ctx) {
  if (!S)
    return {};
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    std::string Name = FD ? FD->getNameAsString() : "";
    if ((Name == "mg_http_match_uri" || Name == "mg_match" ||
         Name == "mg_vcmp" || Name == "mg_strcmp" || Name == "mg_globmatch") &&
        Call->getNumArgs() >= 2 && FD->getDeclContext()->isTranslationUnit()) {
      // mg_match(hm->uri, mg_str("/api/x"), NULL): the literal is the second
      // argument; mg_vcmp(&hm->uri, "/x") likewise.
      std::string Path = firstLiteralUnder(Call->getArg(1));
      if (Name == "mg_globmatch")
        Path = firstLiteralUnder(Call->getArg(0));
      if (!Path.empty() && Path[0] == '/')
        return Path;
    }
  }
  for (const Stmt *Child : S->children())
    if (std::string Path = mongooseMatchPath(Child, Ctx); !Path.empty())
      return Path;
  return {};
}

/// A Boost.Beast request's target compared with a literal path
/// (`req.target() == "/api/items"`); returns the path.
std::string beastTargetPath(const Stmt *S) {
  if (!S)
    return {};
  const Expr *L = nullptr, *R = nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
      Op && Op->getOperator() == OO_EqualEqual && Op->getNumArgs() == 2) {
    L = Op->getArg(0);
    R = Op->getArg(1);
  } else if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(S);
             Rewritten && Rewritten->getOperator() == BO_EQ) {
    L = Rewritten->getLHS();
    R = Rewritten->getRHS();
  }
  auto IsTarget = [](const Expr *E) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(E->IgnoreImplicit());
    for (int Depth = 0; !Call && E && Depth < 4; ++Depth) {
      E = strip(E);
      Call = dyn_cast<CXXMemberCallExpr>(E);
      if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
          Construct && Construct->getNumArgs() == 1)
        E = Construct->getArg(0);
      else
        break;
    }
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    return Method && Method->getIdentifier() && Method->getName() == "target" &&
           inNamespace(Method, "beast");
  };
  if (L && R) {
    for (auto [Target, Path] : {std::pair{L, R}, std::pair{R, L}})
      if (IsTarget(Target))
        if (std::string Text = firstLiteralUnder(Path);
            !Text.empty() && Text[0] == '/')
          return Text;
    return {};
  }
  for (const Stmt *Child : S->children())
    if (std::string Path = beastTargetPath(Child); !Path.empty())
      return Path;
  return {};
}

/// The library and path of a route an `if` dispatches on: mongoose's URI
/// matchers or a Boost.Beast target comparison; empty when it is none.
std::pair<std::string, std::string> dispatchedRoute(const Stmt *Cond,
                                                    ASTContext &Ctx) {
  if (std::string Path = mongooseMatchPath(Cond, Ctx); !Path.empty())
    return {"mongoose", Path};
  if (std::string Path = beastTargetPath(Cond); !Path.empty())
    return {"Boost.Beast", Path};
  return {};
}

class RouteFinder : public RecursiveASTVisitor<RouteFinder> {
public:
  RouteFinder(ASTContext &Ctx, const AuthKnowledge &Auth)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Auth(Auth) {}

  std::vector<HttpRoute> Routes;
  std::vector<Guard> Guards;
  /// Drogon filters named in route constraints: index of the route, name.
  std::vector<std::pair<size_t, std::string>> Filters;
  std::map<std::string, const CXXRecordDecl *> Records;
  /// The objects passed to each parameter of each function of this unit:
  /// how a server set up in main() reaches the function that adds routes.
  std::map<const ParmVarDecl *, std::vector<const ValueDecl *>> PassedTo;
  std::vector<ServerPass> Passes;

  bool shouldVisitLambdaBodies() const { return true; }

  bool VisitCXXRecordDecl(CXXRecordDecl *Record) {
    if (Record->getIdentifier() && Record->hasDefinition())
      Records[Record->getName().str()] = Record->getDefinition();
    return true;
  }

  bool VisitStringLiteral(StringLiteral *Lit) {
    // civetweb's mg_start option: every request is authenticated against a
    // password file.
    if (literalText(*Lit) == "global_auth_file")
      Guards.push_back({"civetweb", nullptr, ""});
    return true;
  }

  bool VisitIfStmt(IfStmt *If) {
    auto [Library, Path] = dispatchedRoute(If->getCond(), Ctx);
    if (Path.empty())
      return true;
    HttpRoute R;
    R.Library = Library;
    R.Pattern = Path;
    R.Loc = If->getCond()->getBeginLoc();
    R.Body = If->getThen();
    R.Method = methodComparedIn(If->getCond());
    if (R.Method == "ANY")
      R.Method = methodComparedIn(If->getThen());
    R.Guarded = checkedBeforeDispatch(*If);
    Routes.push_back(R);
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (FD) {
      // The definition's parameter, which the routes in its body name; a
      // call may see an earlier declaration with parameters of its own.
      const FunctionDecl *Def = FD->getDefinition();
      const FunctionDecl *Params = Def ? Def : FD;
      for (unsigned I = 0; I < Call->getNumArgs() && I < Params->getNumParams();
           ++I)
        if (const ValueDecl *Arg = objectDecl(Call->getArg(I))) {
          const ParmVarDecl *Param = Params->getParamDecl(I);
          PassedTo[Param].push_back(Arg);
          if (isServerType(Arg->getType()))
            Passes.push_back({Arg, Param, FD, I});
        }
    }
    if (!FD || !FD->getIdentifier())
      return visitOperatorCall(Call);
    llvm::StringRef Name = FD->getName();
    const auto *Method = dyn_cast<CXXMethodDecl>(FD);
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    if (Member && Method && inNamespace(Method, "httplib"))
      return visitHttplib(*Member, Name);
    if (inNamespace(FD, "drogon"))
      return visitDrogon(*Call, Name);
    if (inNamespace(FD, "Pistache"))
      return visitPistache(*Call, Name);
    if (FD->getDeclContext()->isTranslationUnit() ||
        FD->getDeclContext()->isExternCContext())
      return visitCivetweb(*Call, Name);
    return true;
  }

private:
  ASTContext &Ctx;
  const SourceManager &SM;
  const AuthKnowledge &Auth;

  void addRoute(HttpRoute R) { Routes.push_back(std::move(R)); }

  bool visitHttplib(const CXXMemberCallExpr &Call, llvm::StringRef Name) {
    const ValueDecl *Server = objectDecl(Call.getImplicitObjectArgument());
    if (Name == "set_pre_routing_handler" ||
        Name == "set_pre_request_handler") {
      if (Call.getNumArgs() >= 1 &&
          guardsRequests(handlerBody(Call.getArg(0)), Ctx, Auth))
        Guards.push_back({"cpp-httplib", Server, ""});
      return true;
    }
    std::string Verb = llvm::StringSwitch<std::string>(Name)
                           .Case("Get", "GET")
                           .Case("Post", "POST")
                           .Case("Put", "PUT")
                           .Case("Patch", "PATCH")
                           .Case("Delete", "DELETE")
                           .Case("Options", "OPTIONS")
                           .Default("");
    if (Verb.empty() || Call.getNumArgs() < 2)
      return true;
    HttpRoute R;
    R.Library = "cpp-httplib";
    R.Method = Verb;
    R.Pattern = textOf(Call.getArg(0), Ctx);
    R.Loc = Call.getArg(0)->getBeginLoc();
    R.Body = handlerBody(Call.getArg(Call.getNumArgs() - 1));
    R.Server = Server;
    addRoute(R);
    return true;
  }

  /// Crow: `app.route<...>("/x").methods(...)(handler)`, which CROW_ROUTE
  /// writes; the handler goes to the rule's operator().
  bool visitOperatorCall(CallExpr *Call) {
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
    if (!Op || Op->getOperator() != OO_Call || Op->getNumArgs() < 2)
      return true;
    const auto *Callee = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    if (!Callee || !inNamespace(Callee, "crow"))
      return true;
    std::vector<std::string> Methods;
    std::vector<QualType> Middlewares;
    HttpRoute R;
    R.Library = "crow";
    const Expr *Rule = strip(Op->getArg(0));
    while (const auto *Step = dyn_cast_or_null<CXXMemberCallExpr>(Rule)) {
      const CXXMethodDecl *M = Step->getMethodDecl();
      llvm::StringRef StepName =
          M && M->getIdentifier() ? M->getName() : llvm::StringRef();
      if (StepName == "methods") {
        for (const Expr *Arg : Step->arguments())
          collectMethods(Arg, Methods, nullptr);
      } else if (StepName == "middlewares" && M) {
        if (const TemplateArgumentList *Args =
                M->getTemplateSpecializationArgs())
          // middlewares<App, Middlewares...>: the pack holds them.
          for (const TemplateArgument &Arg : Args->asArray()) {
            if (Arg.getKind() == TemplateArgument::Type)
              Middlewares.push_back(Arg.getAsType());
            else if (Arg.getKind() == TemplateArgument::Pack)
              for (const TemplateArgument &Item : Arg.pack_elements())
                if (Item.getKind() == TemplateArgument::Type)
                  Middlewares.push_back(Item.getAsType());
          }
      } else if (StepName == "route" || StepName == "new_rule_tagged" ||
                 StepName == "new_rule_dynamic") {
        if (Step->getNumArgs() >= 1) {
          R.Pattern = textOf(Step->getArg(0), Ctx);
          R.Loc = Step->getArg(0)->getBeginLoc();
        }
        R.Server = objectDecl(Step->getImplicitObjectArgument());
        if (R.Server)
          collectCrowMiddlewares(R.Server->getType(), Middlewares);
        break;
      }
      Rule = strip(Step->getImplicitObjectArgument());
    }
    if (R.Pattern.empty())
      return true;
    R.Method = gravestMethod(Methods, "GET");
    R.Body = handlerBody(Op->getArg(1));
    for (QualType Type : Middlewares)
      if (const CXXRecordDecl *Mw = Type->getAsCXXRecordDecl())
        for (const CXXMethodDecl *M : Mw->methods())
          if (M->getIdentifier() && M->getName() == "before_handle" &&
              guardsRequests(M->getBody(), Ctx, Auth))
            R.Guarded = true;
    addRoute(R);
    return true;
  }

  /// crow::App<Middlewares...>: the middlewares every route of the app
  /// passes through. A local middleware (derived from
  /// crow::ILocalMiddleware) is listed there too but runs only for the
  /// routes that name it in `.middlewares<...>()` (CROW_MIDDLEWARES).
  static void collectCrowMiddlewares(QualType AppType,
                                     std::vector<QualType> &Out) {
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        AppType.getNonReferenceType()->getAsCXXRecordDecl());
    if (!Spec)
      return;
    auto Add = [&](QualType Type) {
      if (!isCrowLocalMiddleware(Type))
        Out.push_back(Type);
    };
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
      if (Arg.getKind() == TemplateArgument::Type)
        Add(Arg.getAsType());
      else if (Arg.getKind() == TemplateArgument::Pack)
        for (const TemplateArgument &Item : Arg.pack_elements())
          if (Item.getKind() == TemplateArgument::Type)
            Add(Item.getAsType());
    }
  }

  static bool isCrowLocalMiddleware(QualType Type) {
    const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
    if (!Record || !Record->hasDefinition())
      return false;
    bool Local = false;
    Record->getDefinition()->forallBases([&](const CXXRecordDecl *Base) {
      if (Base->getIdentifier() && Base->getName() == "ILocalMiddleware")
        Local = true;
      return true;
    });
    return Local;
  }

  bool visitDrogon(const CallExpr &Call, llvm::StringRef Name) {
    if (Name == "registerPreRoutingAdvice" ||
        Name == "registerPreHandlingAdvice" ||
        Name == "registerPostRoutingAdvice" || Name == "registerSyncAdvice") {
      if (Call.getNumArgs() >= 1 &&
          guardsRequests(handlerBody(Call.getArg(0)), Ctx, Auth))
        Guards.push_back({"drogon", nullptr, ""});
      return true;
    }
    const Expr *Pattern = nullptr, *Handler = nullptr, *Constraints = nullptr;
    const Stmt *Body = nullptr;
    if (Name == "registerMethod" && Call.getNumArgs() >= 3) {
      Handler = Call.getArg(0);
      Pattern = Call.getArg(1);
      Constraints = Call.getArg(2);
    } else if (Name == "registerSelf__" && Call.getNumArgs() >= 2) {
      Pattern = Call.getArg(0);
      Constraints = Call.getArg(1);
      Body = simpleControllerBody(Call);
    } else if ((Name == "registerHandler" ||
                Name == "registerHandlerViaRegex") &&
               Call.getNumArgs() >= 2) {
      Pattern = Call.getArg(0);
      Handler = Call.getArg(1);
      if (Call.getNumArgs() >= 3)
        Constraints = Call.getArg(2);
    } else {
      return true;
    }
    HttpRoute R;
    R.Library = "drogon";
    R.Pattern = textOf(Pattern, Ctx);
    if (R.Pattern.empty())
      return true;
    R.Loc = SM.getExpansionLoc(Pattern->getBeginLoc());
    R.Body = Handler ? handlerBody(Handler) : Body;
    std::vector<std::string> Methods, FilterNames;
    collectMethods(Constraints, Methods, &FilterNames);
    R.Method = gravestMethod(Methods, "ANY");
    for (const std::string &Filter : FilterNames)
      Filters.emplace_back(Routes.size(), Filter);
    addRoute(R);
    return true;
  }

  /// PATH_ADD in an HttpSimpleController: the handler is the controller's
  /// asyncHandleHttpRequest.
  const Stmt *simpleControllerBody(const CallExpr &Call) {
    for (DynTypedNode Node = DynTypedNode::create(Call);;) {
      auto Parents = Ctx.getParents(Node);
      if (Parents.empty())
        return nullptr;
      Node = Parents[0];
      if (const auto *Record = Node.get<CXXRecordDecl>()) {
        for (const CXXMethodDecl *M : Record->methods())
          if (M->getIdentifier() && M->getName() == "asyncHandleHttpRequest") {
            const FunctionDecl *Def = M->getDefinition();
            return Def && Def->hasBody() ? Def->getBody() : nullptr;
          }
        return nullptr;
      }
    }
  }

  bool visitPistache(const CallExpr &Call, llvm::StringRef Name) {
    if (Name == "addMiddleware") {
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
        if (Call.getNumArgs() >= 1 &&
            guardsRequests(handlerBody(Call.getArg(0)), Ctx, Auth))
          Guards.push_back({"pistache",
                            objectDecl(Member->getImplicitObjectArgument()),
                            ""});
      return true;
    }
    if (!inNamespace(Call.getDirectCallee(), "Routes") || Call.getNumArgs() < 3)
      return true;
    std::string Verb = llvm::StringSwitch<std::string>(Name)
                           .Case("Get", "GET")
                           .Case("Post", "POST")
                           .Case("Put", "PUT")
                           .Case("Patch", "PATCH")
                           .Case("Delete", "DELETE")
                           .Case("Options", "OPTIONS")
                           .Case("Head", "HEAD")
                           .Default("");
    if (Verb.empty())
      return true;
    HttpRoute R;
    R.Library = "pistache";
    R.Method = Verb;
    R.Pattern = textOf(Call.getArg(1), Ctx);
    R.Loc = Call.getArg(1)->getBeginLoc();
    R.Body = handlerBody(Call.getArg(2));
    R.Server = objectDecl(Call.getArg(0));
    addRoute(R);
    return true;
  }

  bool visitCivetweb(const CallExpr &Call, llvm::StringRef Name) {
    if (Name == "mg_set_auth_handler" && Call.getNumArgs() >= 3) {
      Guards.push_back({"civetweb", objectDecl(Call.getArg(0)),
                        textOf(Call.getArg(1), Ctx)});
      return true;
    }
    if (Name != "mg_set_request_handler" || Call.getNumArgs() < 3)
      return true;
    HttpRoute R;
    R.Library = "civetweb";
    R.Pattern = textOf(Call.getArg(1), Ctx);
    R.Loc = Call.getArg(1)->getBeginLoc();
    R.Body = handlerBody(Call.getArg(2));
    R.Server = objectDecl(Call.getArg(0));
    R.Method = methodComparedIn(R.Body);
    addRoute(R);
    return true;
  }

  /// mongoose and Boost.Beast: a credential check in the handler ahead of
  /// the `if (mg_match(...))` / `if (req.target() == ...)` dispatch covers
  /// every route after it.
  bool checkedBeforeDispatch(const IfStmt &Route) {
    DynTypedNode Node = DynTypedNode::create(Route);
    for (int Level = 0; Level < 16; ++Level) {
      auto Parents = Ctx.getParents(Node);
      if (Parents.empty())
        return false;
      DynTypedNode Parent = Parents[0];
      if (Parent.get<FunctionDecl>() || Parent.get<LambdaExpr>())
        return false;
      if (const auto *Block = Parent.get<CompoundStmt>()) {
        for (const Stmt *Sibling : Block->body()) {
          if (Sibling == Node.get<Stmt>())
            break;
          const auto *OtherRoute = dyn_cast<IfStmt>(Sibling);
          if (OtherRoute &&
              !dispatchedRoute(OtherRoute->getCond(), Ctx).second.empty())
            continue;
          if (checksCredentials(Sibling, Ctx, Auth))
            return true;
        }
      } else if (const auto *Outer = Parent.get<IfStmt>()) {
        if (Outer->getElse() == Node.get<Stmt>() &&
            dispatchedRoute(Outer->getCond(), Ctx).second.empty() &&
            checksCredentials(Outer->getCond(), Ctx, Auth))
          return true;
      }
      Node = Parent;
    }
    return false;
  }
};

using PassMap = std::map<const ParmVarDecl *, std::vector<const ValueDecl *>>;

/// True when \p A and \p B are the same server object: the same variable,
/// or a parameter that some call of this unit passes the other to (routes
/// and guards are often added in different functions).
bool sameServer(const ValueDecl *A, const ValueDecl *B, const PassMap &Passed,
                int Depth = 0) {
  if (!A || !B || A == B)
    return true;
  if (Depth > 3)
    return false;
  for (const auto &[From, To] : {std::pair{A, B}, std::pair{B, A}})
    if (const auto *Param = dyn_cast<ParmVarDecl>(From))
      if (auto It = Passed.find(Param); It != Passed.end())
        for (const ValueDecl *Arg : It->second)
          if (Arg != Param && sameServer(Arg, To, Passed, Depth + 1))
            return true;
  return false;
}

bool guardCovers(const Guard &G, const HttpRoute &R, const PassMap &Passed) {
  if (G.Library != R.Library)
    return false;
  if (!sameServer(G.Server, R.Server, Passed))
    return false;
  llvm::StringRef Prefix = llvm::StringRef(G.Prefix).rtrim("*$");
  return compat::startsWith(R.Pattern, Prefix);
}

} // namespace

HttpServers scanHttpServers(ASTContext &Ctx, const AuthKnowledge &Auth) {
  RouteFinder Finder(Ctx, Auth);
  const SourceManager &SM = Ctx.getSourceManager();
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    if (D->getLocation().isInvalid() || isInSystemHeader(SM, D->getLocation()))
      continue;
    Finder.TraverseDecl(D);
  }
  // Drogon filters: one whose doFilter this unit defines counts when it
  // checks credentials; one defined elsewhere is trusted to (its name is all
  // the route shows).
  for (const auto &[Index, Name] : Finder.Filters) {
    llvm::StringRef Short = llvm::StringRef(Name).rsplit("::").second;
    if (Short.empty())
      Short = Name;
    auto It = Finder.Records.find(Short.str());
    if (It == Finder.Records.end()) {
      Finder.Routes[Index].Guarded = true;
      continue;
    }
    for (const CXXMethodDecl *M : It->second->methods())
      if (M->getIdentifier() && M->getName() == "doFilter") {
        const FunctionDecl *Def = M->getDefinition();
        if (Def && guardsRequests(Def->getBody(), Ctx, Auth))
          Finder.Routes[Index].Guarded = true;
      }
  }
  for (HttpRoute &R : Finder.Routes)
    for (const Guard &G : Finder.Guards)
      if (guardCovers(G, R, Finder.PassedTo))
        R.Guarded = true;
  return {std::move(Finder.Routes), std::move(Finder.Guards),
          std::move(Finder.Passes)};
}

std::vector<HttpRoute> findHttpRoutes(ASTContext &Ctx,
                                      const AuthKnowledge &Auth) {
  return scanHttpServers(Ctx, Auth).Routes;
}

} // namespace clang::tidy::exitbar::utils

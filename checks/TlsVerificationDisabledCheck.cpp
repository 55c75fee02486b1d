// TlsVerificationDisabledCheck.cpp - flags turned-off TLS verification
// SPDX-License-Identifier: Apache-2.0

#include "TlsVerificationDisabledCheck.h"
#include "utils/Callee.h"
#include "utils/Compat.h"
#include "utils/DeclNames.h"
#include "utils/ExprValues.h"
#include "utils/IdentifierWords.h"
#include "utils/LocalWrites.h"
#include "utils/NameMatchers.h"
#include "utils/ProjectScope.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSwitch.h"
#include <optional>

using namespace clang::ast_matchers;

namespace clang::tidy::exitbar {
namespace {

using Role = TlsVerificationDisabledCheck::Role;

/// A libcurl option that verifies the peer, by enumerator name or, when the
/// option is a computed value, by its (ABI-stable) number.
struct CurlOption {
  StringRef Name;
  int64_t Value;
  StringRef What; ///< "certificate" or "host-name"
  StringRef Keep; ///< the safe value to leave it at
};

constexpr CurlOption CurlOptions[] = {
    {"CURLOPT_SSL_VERIFYPEER", 64, "certificate", "1"},
    {"CURLOPT_SSL_VERIFYHOST", 81, "host-name", "2"},
    {"CURLOPT_PROXY_SSL_VERIFYPEER", 248, "proxy certificate", "1"},
    {"CURLOPT_PROXY_SSL_VERIFYHOST", 249, "proxy host-name", "2"},
    {"CURLOPT_DOH_SSL_VERIFYPEER", 306, "DNS-over-HTTPS certificate", "1"},
    {"CURLOPT_DOH_SSL_VERIFYHOST", 307, "DNS-over-HTTPS host-name", "2"},
};

const CurlOption *curlOption(const Expr *Option, const ASTContext &Ctx) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Option->IgnoreParenImpCasts()))
    if (isa<EnumConstantDecl>(Ref->getDecl()))
      for (const CurlOption &Known : CurlOptions)
        if (utils::identifierOf(Ref->getDecl()) == Known.Name)
          return &Known;
  if (auto Value = utils::intValue(Option, Ctx))
    for (const CurlOption &Known : CurlOptions)
      if (*Value == Known.Value)
        return &Known;
  return nullptr;
}

/// True when \p E folds to zero (0, 0L, false, SSL_VERIFY_NONE).
bool isZero(const Expr *E, const ASTContext &Ctx) {
  auto Value = utils::intValue(E, Ctx);
  return Value && *Value == 0;
}

/// The role a TLS method function or enumerator name implies.
unsigned roleOfName(StringRef Name) {
  std::string Lower = Name.lower();
  StringRef L(Lower);
  if (compat::endsWith(L, "server_method") || compat::endsWith(L, "_server") ||
      L == "server" || L.contains("server_use"))
    return Role::Server;
  if (compat::endsWith(L, "client_method") || compat::endsWith(L, "_client") ||
      L == "client" || L.contains("client_use"))
    return Role::Client;
  return llvm::StringSwitch<unsigned>(Name)
      .Cases("SSL_accept", "SSL_set_accept_state", "wolfSSL_accept",
             Role::Server)
      .Cases("wolfSSL_set_accept_state", "SSL_CTX_set_client_CA_list",
             Role::Server)
      .Cases("startServerEncryption", "initializeServer", Role::Server)
      .Cases("SSL_connect", "SSL_set_connect_state", "wolfSSL_connect",
             Role::Client)
      .Cases("wolfSSL_set_connect_state", "SSL_set1_host",
             "BIO_new_ssl_connect", Role::Client)
      .Cases("startClientEncryption", "connectToHostEncrypted",
             "initializeClient", Role::Client)
      .Default(Role::Unknown);
}

/// The role of the SSL_CTX (or asio ssl::context) a variable holds, from its
/// initialiser or an assignment in \p Func:
/// `SSL_CTX_new(TLS_server_method())`, `ssl::context
/// ctx(ssl::context::tls_client)`.
unsigned objectRole(const Expr *Object, const FunctionDecl *Func,
                    ASTContext &Ctx) {
  const auto *Ref = dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var)
    return Role::Unknown;
  std::vector<const Expr *> Values;
  if (Var->getInit())
    Values.push_back(Var->getInit());
  if (Func && Func->getBody()) {
    auto Assigns =
        match(findAll(binaryOperator(isAssignmentOperator(),
                                     hasLHS(declRefExpr(to(equalsNode(Var)))))
                          .bind("a")),
              *Func->getBody(), Ctx);
    for (const auto &A : Assigns)
      Values.push_back(A.getNodeAs<BinaryOperator>("a")->getRHS());
  }
  unsigned Found = Role::Unknown;
  for (const Expr *Value : Values) {
    Value = Value->IgnoreImplicit();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Value)) {
      if (Construct->getNumArgs() > 0)
        if (const auto *Enum = dyn_cast<DeclRefExpr>(
                Construct->getArg(0)->IgnoreParenImpCasts()))
          Found |= roleOfName(Enum->getDecl()->getName());
      continue;
    }
    const auto *New = dyn_cast<CallExpr>(Value->IgnoreParenCasts());
    if (!New || New->getNumArgs() < 1 || !New->getDirectCallee())
      continue;
    if (const auto *Method =
            dyn_cast<CallExpr>(New->getArg(0)->IgnoreParenCasts()))
      if (const auto *Callee = Method->getDirectCallee())
        if (Callee->getIdentifier())
          Found |= roleOfName(utils::identifierOf(Callee));
  }
  return Found == Role::Client || Found == Role::Server ? Found : Role::Unknown;
}

/// The body of the function or lambda a callback argument names, if this
/// translation unit has it.
const Stmt *callbackBody(const Expr *E, const FunctionDecl *&Fn,
                         std::string &Name, int Depth = 0) {
  if (!E || Depth > 4)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParenCasts();
  if (const auto *AddrOf = dyn_cast<UnaryOperator>(E))
    if (AddrOf->getOpcode() == UO_AddrOf)
      return callbackBody(AddrOf->getSubExpr(), Fn, Name, Depth + 1);
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
    Fn = Lambda->getCallOperator();
    Name = "lambda";
    return Lambda->getBody();
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *Func = dyn_cast<FunctionDecl>(Ref->getDecl())) {
      const FunctionDecl *Definition = nullptr;
      if (!Func->hasBody(Definition))
        return nullptr;
      Fn = Definition;
      Name = Func->getNameAsString();
      return Definition->getBody();
    }
    // `auto cb = [](...) { return 1; };` – a closure cannot be reassigned.
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (Var->getInit() &&
          (Var->getType().isConstQualified() ||
           (Var->getType()->getAsCXXRecordDecl() &&
            Var->getType()->getAsCXXRecordDecl()->isLambda())))
        return callbackBody(Var->getInit(), Fn, Name, Depth + 1);
    return nullptr;
  }
  // A lambda converted to a function pointer or wrapped in std::function.
  if (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(E))
    return callbackBody(Conversion->getImplicitObjectArgument(), Fn, Name,
                        Depth + 1);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    if (Construct->getNumArgs() == 1)
      return callbackBody(Construct->getArg(0), Fn, Name, Depth + 1);
  return nullptr;
}

/// True when every return statement of \p Fn returns the same non-zero
/// constant: the callback accepts whatever it is asked about.
bool alwaysAccepts(const Stmt &Body, const FunctionDecl &Fn, ASTContext &Ctx) {
  auto Returns = match(findAll(returnStmt().bind("r")), Body, Ctx);
  unsigned Count = 0;
  for (const auto &R : Returns) {
    const auto *Return = R.getNodeAs<ReturnStmt>("r");
    // Returns of nested lambdas belong to them.
    if (utils::enclosingFunction(*Return, Ctx) != &Fn)
      continue;
    auto Value = utils::intValue(Return->getRetValue(), Ctx);
    if (!Value || *Value == 0)
      return false;
    ++Count;
  }
  return Count > 0;
}

/// True when \p Call runs on every path through its function: no branch or
/// loop holds it and no return comes before it.
bool isUnconditional(const Stmt &Call, ASTContext &Ctx) {
  const FunctionDecl *Func = utils::enclosingFunction(Call, Ctx);
  if (!Func || !Func->getBody())
    return false;
  const Stmt *Child = &Call;
  while (true) {
    auto Parents = Ctx.getParents(*Child);
    const Stmt *P = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
    if (!P || P == Func->getBody())
      break;
    if (isa<IfStmt, SwitchStmt, ForStmt, WhileStmt, DoStmt, CXXForRangeStmt,
            AbstractConditionalOperator, CXXTryStmt, CXXCatchStmt>(P))
      return false;
    Child = P;
  }
  const SourceManager &SM = Ctx.getSourceManager();
  auto Returns = match(findAll(returnStmt().bind("r")), *Func->getBody(), Ctx);
  for (const auto &R : Returns) {
    const auto *Return = R.getNodeAs<ReturnStmt>("r");
    if (utils::enclosingFunction(*Return, Ctx) == Func &&
        SM.isBeforeInTranslationUnit(Return->getBeginLoc(), Call.getBeginLoc()))
      return false;
  }
  return true;
}

// Identifier phrases that mark a condition as a verification setting: code
// that turns verification off only when such a setting asks for it (curl's
// --insecure, a library's verify_peer(false)) offers a choice.
const std::vector<std::string> &choiceNames() {
  // Not "cert", "ssl" or "peer": `if (opts->server_cert) ... else NONE`
  // is insecure unless configured, which is the finding.
  static const std::vector<std::string> Names = {
      "verify",      "verification", "insecure",   "secure",      "strict",
      "skip",        "validate",     "validation", "self signed", "ignore",
      "allow",       "unsafe",       "trust",      "debug",       "dev",
      "development", "test",         "testing"};
  return Names;
}

/// Collects the names an expression reads: variables, members, callees.
void namesIn(const Stmt *S, std::vector<std::string> &Names) {
  if (!S)
    return;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    Names.push_back(Ref->getDecl()->getNameAsString());
  else if (const auto *Member = dyn_cast<MemberExpr>(S))
    Names.push_back(Member->getMemberDecl()->getNameAsString());
  for (const Stmt *Child : S->children())
    namesIn(Child, Names);
}

/// True when \p S runs only under a condition that names a verification
/// setting: `if (config->insecure_ok) curl_easy_setopt(h, ..._VERIFYPEER, 0L)`.
/// `if (curl)` and other conditions do not count.
bool isConfiguredChoice(const Stmt &S, ASTContext &Ctx) {
  const Stmt *Child = &S;
  for (int Depth = 0; Depth < 32; ++Depth) {
    auto Parents = Ctx.getParents(*Child);
    const Stmt *P = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
    if (!P)
      return false;
    const Expr *Cond = nullptr;
    if (const auto *If = dyn_cast<IfStmt>(P))
      Cond = Child != If->getCond() ? If->getCond() : nullptr;
    else if (const auto *Op = dyn_cast<AbstractConditionalOperator>(P))
      Cond = Child != Op->getCond() ? Op->getCond() : nullptr;
    else if (const auto *Switch = dyn_cast<SwitchStmt>(P))
      Cond = Child != Switch->getCond() ? Switch->getCond() : nullptr;
    if (Cond) {
      std::vector<std::string> Names;
      namesIn(Cond, Names);
      for (const std::string &Name : Names)
        if (!utils::firstPhraseIn(Name, choiceNames()).empty())
          return true;
    }
    Child = P;
  }
  return false;
}

/// The enumerator an expression names, if it is one.
const EnumConstantDecl *enumerator(const Expr *E) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<EnumConstantDecl>(Ref->getDecl());
  return nullptr;
}

} // namespace

TlsVerificationDisabledCheck::TlsVerificationDisabledCheck(
    StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      AllowedFiles(Options.get("AllowedFiles", "")) {}

void TlsVerificationDisabledCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "AllowedFiles", AllowedFiles.pattern());
}

void TlsVerificationDisabledCheck::registerMatchers(MatchFinder *Finder) {
  utils::limitTraversalToProject(Finder);
  auto NotSystem = unless(isExpansionInSystemHeader());
  Finder->addMatcher(
      callExpr(NotSystem, callee(functionDecl(hasName("::curl_easy_setopt"))),
               argumentCountIs(3))
          .bind("curl"),
      this);
  Finder->addMatcher(
      callExpr(NotSystem,
               callee(functionDecl(hasAnyName(
                   "::SSL_CTX_set_verify", "::SSL_set_verify",
                   "::wolfSSL_CTX_set_verify", "::wolfSSL_set_verify"))),
               argumentCountIs(3))
          .bind("ossl-verify"),
      this);
  // The same calls through a pointer: a macro over a table of functions
  // loaded at run time, or a pointer from dlsym (see utils/Callee.h).
  Finder->addMatcher(
      callExpr(NotSystem, unless(callee(functionDecl())), argumentCountIs(3))
          .bind("indirect-call"),
      this);
  Finder->addMatcher(
      callExpr(NotSystem, callee(functionDecl(hasAnyName(
                              "::SSL_CTX_set_cert_verify_callback",
                              "::X509_STORE_set_verify_cb",
                              "::X509_STORE_CTX_set_verify_cb",
                              "::wolfSSL_CTX_set_cert_verify_callback"))))
          .bind("ossl-callback"),
      this);
  Finder->addMatcher(callExpr(NotSystem,
                              callee(functionDecl(
                                  hasAnyName("::mbedtls_ssl_conf_authmode",
                                             "::mbedtls_ssl_set_hs_authmode"))),
                              argumentCountIs(2))
                         .bind("mbedtls"),
                     this);
  auto AsioTls =
      ofClass(hasAnyName("::boost::asio::ssl::context", "::asio::ssl::context",
                         "::boost::asio::ssl::stream", "::asio::ssl::stream",
                         "::boost::beast::ssl_stream"));
  Finder->addMatcher(
      cxxMemberCallExpr(
          NotSystem, callee(cxxMethodDecl(hasName("set_verify_mode"), AsioTls)))
          .bind("asio-mode"),
      this);
  Finder->addMatcher(
      cxxMemberCallExpr(
          NotSystem,
          callee(cxxMethodDecl(hasName("set_verify_callback"), AsioTls)))
          .bind("asio-callback"),
      this);
  Finder->addMatcher(
      cxxMemberCallExpr(
          NotSystem,
          callee(cxxMethodDecl(
              hasAnyName("enable_server_certificate_verification",
                         "enable_server_hostname_verification",
                         "set_verify_server_certs", "set_check_call_host"),
              ofClass(cxxRecordDecl(anyOf(utils::isInsideScope("httplib"),
                                          utils::isInsideScope("grpc")))))),
          argumentCountIs(1))
          .bind("false-arg"),
      this);
  Finder->addMatcher(cxxConstructExpr(NotSystem,
                                      hasDeclaration(cxxConstructorDecl(ofClass(
                                          hasName("::cpr::VerifySsl")))),
                                      argumentCountIs(1))
                         .bind("cpr"),
                     this);
  Finder->addMatcher(
      cxxMemberCallExpr(
          NotSystem,
          callee(cxxMethodDecl(
              hasName("setPeerVerifyMode"),
              ofClass(hasAnyName("::QSslSocket", "::QSslConfiguration")))),
          argumentCountIs(1))
          .bind("qt-mode"),
      this);
  Finder->addMatcher(
      cxxMemberCallExpr(
          NotSystem,
          callee(cxxMethodDecl(
              hasName("ignoreSslErrors"), parameterCountIs(0),
              ofClass(cxxRecordDecl(isSameOrDerivedFrom(hasAnyName(
                  "::QSslSocket", "::QNetworkReply", "::QWebSocket")))))))
          .bind("qt-ignore"),
      this);
  Finder->addMatcher(
      cxxConstructExpr(NotSystem, hasDeclaration(cxxConstructorDecl(ofClass(
                                      hasName("::Poco::Net::Context")))))
          .bind("poco-context"),
      this);
  Finder->addMatcher(
      binaryOperator(NotSystem, isAssignmentOperator(),
                     hasLHS(memberExpr(member(
                         fieldDecl(hasName("verificationMode"),
                                   hasDeclContext(cxxRecordDecl(hasName(
                                       "::Poco::Net::Context::Params"))))))))
          .bind("poco-params"),
      this);
  Finder->addMatcher(
      cxxConstructExpr(NotSystem,
                       hasDeclaration(cxxConstructorDecl(ofClass(
                           hasName("::Poco::Net::AcceptCertificateHandler")))))
          .bind("poco-accept"),
      this);

  Finder->addMatcher(
      callExpr(NotSystem,
               callee(functionDecl(hasName("::SSL_get_verify_result"))))
          .bind("result-check"),
      this);

  // Evidence of which end of the connection the code sets up.
  Finder->addMatcher(
      callExpr(
          NotSystem,
          callee(
              functionDecl(
                  anyOf(utils::identifierMatches("(server|client)_method$"),
                        hasAnyName(
                            "SSL_accept", "SSL_set_accept_state",
                            "wolfSSL_accept", "wolfSSL_set_accept_state",
                            "SSL_CTX_set_client_CA_list", "SSL_connect",
                            "SSL_set_connect_state", "wolfSSL_connect",
                            "wolfSSL_set_connect_state", "SSL_set1_host",
                            "BIO_new_ssl_connect", "startServerEncryption",
                            "startClientEncryption", "connectToHostEncrypted",
                            "initializeServer", "initializeClient",
                            "::BIO_new_ssl", "::mbedtls_ssl_config_defaults")))
                  .bind("evidence-fn")))
          .bind("evidence-call"),
      this);
  Finder->addMatcher(
      declRefExpr(
          NotSystem,
          to(enumConstantDecl(anyOf(utils::isInsideScope("boost::asio::ssl"),
                                    utils::isInsideScope("asio::ssl"),
                                    utils::isInsideScope("Poco::Net")))
                 .bind("evidence-enum")))
          .bind("evidence-ref"),
      this);
}

void TlsVerificationDisabledCheck::onStartOfTranslationUnit() {
  Deferred.clear();
  FunctionRoles.clear();
  UnitRole = Role::Unknown;
  ChecksResultLater = false;
}

void TlsVerificationDisabledCheck::addEvidence(const Stmt &Where, unsigned R,
                                               ASTContext &Ctx) {
  if (R == Role::Unknown)
    return;
  UnitRole |= R;
  if (const FunctionDecl *Func = utils::enclosingFunction(Where, Ctx))
    FunctionRoles[Func] |= R;
}

void TlsVerificationDisabledCheck::report(SourceLocation Loc, StringRef Message,
                                          StringRef Subject) {
  diag(Loc, Message) << Subject;
}

void TlsVerificationDisabledCheck::reportUnlessServer(
    SourceLocation Loc, StringRef Message, StringRef Subject, const Stmt &Where,
    unsigned ObjectRole, ASTContext &Ctx, bool CheckableLater) {
  if (ObjectRole == Role::Server)
    return;
  Deferred.push_back({Loc, Message.str(), Subject.str(),
                      utils::enclosingFunction(Where, Ctx), ObjectRole,
                      CheckableLater});
}

void TlsVerificationDisabledCheck::onEndOfTranslationUnit() {
  // A server that does not ask for client certificates is the normal case;
  // only the client side (or code whose side is unknown) is reported.
  for (const Pending &P : Deferred) {
    // Verification moved after the handshake (httplib, nginx): the
    // handshake accepts any certificate and the code then rejects the
    // connection unless SSL_get_verify_result says X509_V_OK.
    if (P.CheckableLater && ChecksResultLater)
      continue;
    unsigned R = P.ObjectRole;
    auto It = FunctionRoles.find(P.Func);
    if (R == Role::Unknown && It != FunctionRoles.end() &&
        (It->second == Role::Client || It->second == Role::Server))
      R = It->second;
    else if (R == Role::Unknown &&
             (UnitRole == Role::Client || UnitRole == Role::Server))
      R = UnitRole;
    if (R != Role::Server)
      report(P.Loc, P.Message, P.Subject);
  }
  Deferred.clear();
}

void TlsVerificationDisabledCheck::check(
    const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  const auto &Nodes = Result.Nodes;

  if (const auto *Call = Nodes.getNodeAs<CallExpr>("evidence-call")) {
    const auto *Fn = Nodes.getNodeAs<FunctionDecl>("evidence-fn");
    StringRef Name = utils::identifierOf(Fn);
    unsigned R = Role::Unknown;
    if (Name == "BIO_new_ssl" && Call->getNumArgs() == 2) {
      if (auto Client = utils::intValue(Call->getArg(1), Ctx))
        R = *Client != 0 ? Role::Client : Role::Server;
    } else if (Name == "mbedtls_ssl_config_defaults" &&
               Call->getNumArgs() > 1) {
      // MBEDTLS_SSL_IS_CLIENT is 0, MBEDTLS_SSL_IS_SERVER 1.
      if (auto Endpoint = utils::intValue(Call->getArg(1), Ctx))
        R = *Endpoint != 0 ? Role::Server : Role::Client;
    } else {
      R = roleOfName(Name);
    }
    addEvidence(*Call, R, Ctx);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("result-check")) {
    // A result that is tested, stored or returned; a discarded call checks
    // nothing.
    DynTypedNode Parent = utils::parentIgnoringImplicit(*Call, Ctx);
    if (const auto *Binary = Parent.get<BinaryOperator>())
      ChecksResultLater |= Binary->isComparisonOp() || Binary->isAssignmentOp();
    else if (Parent.get<IfStmt>() || Parent.get<SwitchStmt>() ||
             Parent.get<ReturnStmt>() || Parent.get<VarDecl>())
      ChecksResultLater = true;
    return;
  }
  if (const auto *Ref = Nodes.getNodeAs<DeclRefExpr>("evidence-ref")) {
    addEvidence(*Ref, roleOfName(utils::identifierOf(Ref->getDecl())), Ctx);
    return;
  }

  const Stmt *Matched = nullptr;
  std::string VerifyApi;
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("indirect-call")) {
    VerifyApi = utils::calledApiName(*Call, Ctx);
    if (!llvm::is_contained(
            std::initializer_list<StringRef>{
                "SSL_CTX_set_verify", "SSL_set_verify",
                "wolfSSL_CTX_set_verify", "wolfSSL_set_verify"},
            VerifyApi))
      return;
    Matched = Call;
  }
  for (const char *Id :
       {"curl", "ossl-verify", "ossl-callback", "mbedtls", "asio-mode",
        "asio-callback", "false-arg", "cpr", "qt-mode", "qt-ignore",
        "poco-context", "poco-params", "poco-accept"})
    if (!Matched && (Matched = Nodes.getNodeAs<Stmt>(Id)))
      break;
  if (!Matched)
    return;
  SourceLocation Loc = SM.getExpansionLoc(Matched->getBeginLoc());
  if (AllowedFiles.matches(Loc, SM) || isConfiguredChoice(*Matched, Ctx))
    return;

  if (const auto *Call = Nodes.getNodeAs<CallExpr>("curl")) {
    checkCurlOption(*Call, Ctx);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("ossl-verify")) {
    checkOpenSslVerify(*Call, utils::identifierOf(Call->getDirectCallee()),
                       Ctx);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("indirect-call")) {
    checkOpenSslVerify(*Call, VerifyApi, Ctx);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("ossl-callback")) {
    if (Call->getNumArgs() >= 2)
      checkCallbackArgument(*Call->getArg(1), *Call,
                            objectRole(Call->getArg(0),
                                       utils::enclosingFunction(*Call, Ctx),
                                       Ctx),
                            Ctx);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("mbedtls")) {
    // MBEDTLS_SSL_VERIFY_NONE is 0.
    if (isZero(Call->getArg(1), Ctx))
      reportUnlessServer(
          SM.getExpansionLoc(Call->getArg(1)->getBeginLoc()),
          "'%0' turns off verification of the peer's TLS certificate; use "
          "MBEDTLS_SSL_VERIFY_REQUIRED with trusted CA certificates",
          "MBEDTLS_SSL_VERIFY_NONE", *Call, Role::Unknown, Ctx);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CXXMemberCallExpr>("asio-mode")) {
    if (Call->getNumArgs() >= 1 && isZero(Call->getArg(0), Ctx))
      reportUnlessServer(
          SM.getExpansionLoc(Call->getArg(0)->getBeginLoc()),
          "'%0' turns off verification of the peer's TLS certificate; use "
          "ssl::verify_peer with trusted CA certificates and host-name "
          "verification",
          "ssl::verify_none", *Call,
          objectRole(Call->getImplicitObjectArgument(),
                     utils::enclosingFunction(*Call, Ctx), Ctx),
          Ctx);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CXXMemberCallExpr>("asio-callback")) {
    if (Call->getNumArgs() >= 1)
      checkCallbackArgument(*Call->getArg(0), *Call,
                            objectRole(Call->getImplicitObjectArgument(),
                                       utils::enclosingFunction(*Call, Ctx),
                                       Ctx),
                            Ctx);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CXXMemberCallExpr>("false-arg")) {
    if (isZero(Call->getArg(0), Ctx)) {
      StringRef Method = utils::identifierOf(Call->getMethodDecl());
      report(SM.getExpansionLoc(Call->getExprLoc()),
             Method.contains("hostname") || Method.contains("host")
                 ? "'%0' turns off TLS host-name verification; keep it on so "
                   "the certificate must name the server"
                 : "'%0' turns off TLS certificate verification; keep it on "
                   "and load trusted CA certificates instead",
             (Method + "(false)").str());
    }
    return;
  }
  if (const auto *Construct = Nodes.getNodeAs<CXXConstructExpr>("cpr")) {
    if (isZero(Construct->getArg(0), Ctx))
      report(Loc,
             "'%0' turns off TLS certificate verification; keep it on and "
             "give cpr the CA bundle with cpr::SslOptions if needed",
             "cpr::VerifySsl(false)");
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CXXMemberCallExpr>("qt-mode")) {
    // QSslSocket::VerifyNone is 0.
    if (isZero(Call->getArg(0), Ctx))
      reportUnlessServer(
          SM.getExpansionLoc(Call->getArg(0)->getBeginLoc()),
          "'%0' turns off verification of the peer's TLS certificate; use "
          "QSslSocket::VerifyPeer (the client default)",
          "QSslSocket::VerifyNone", *Call, Role::Unknown, Ctx);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CXXMemberCallExpr>("qt-ignore")) {
    // Inside a check of which errors occurred, ignoring them is a decision
    // made per error; unconditionally it accepts every certificate.
    if (isUnconditional(*Call, Ctx))
      report(SM.getExpansionLoc(Call->getExprLoc()),
             "'%0' without a list ignores every TLS certificate error; pass "
             "only the errors you expect, or fix the certificate",
             "ignoreSslErrors()");
    return;
  }
  if (const auto *Construct =
          Nodes.getNodeAs<CXXConstructExpr>("poco-context")) {
    unsigned R = Role::Unknown;
    const Expr *None = nullptr;
    for (unsigned I = 0; I < Construct->getNumArgs(); ++I) {
      const EnumConstantDecl *Enum = enumerator(Construct->getArg(I));
      if (!Enum)
        continue;
      if (I == 0)
        R = roleOfName(Enum->getName());
      if (Enum->getName() == "VERIFY_NONE")
        None = Construct->getArg(I);
    }
    if (None)
      reportUnlessServer(SM.getExpansionLoc(None->getBeginLoc()),
                         "'%0' turns off verification of the peer's TLS "
                         "certificate; use VERIFY_RELAXED or VERIFY_STRICT",
                         "Context::VERIFY_NONE", *Construct, R, Ctx);
    return;
  }
  if (const auto *Assign = Nodes.getNodeAs<BinaryOperator>("poco-params")) {
    const EnumConstantDecl *Enum = enumerator(Assign->getRHS());
    if (Enum && Enum->getName() == "VERIFY_NONE")
      reportUnlessServer(SM.getExpansionLoc(Assign->getRHS()->getBeginLoc()),
                         "'%0' turns off verification of the peer's TLS "
                         "certificate; use VERIFY_RELAXED or VERIFY_STRICT",
                         "Context::VERIFY_NONE", *Assign, Role::Unknown, Ctx);
    return;
  }
  if (const auto *Construct =
          Nodes.getNodeAs<CXXConstructExpr>("poco-accept")) {
    reportUnlessServer(Loc,
                       "'%0' accepts every TLS certificate; use "
                       "RejectCertificateHandler or a handler that verifies "
                       "the certificate",
                       "AcceptCertificateHandler", *Construct, Role::Unknown,
                       Ctx);
    return;
  }
}

void TlsVerificationDisabledCheck::checkCurlOption(const CallExpr &Call,
                                                   ASTContext &Ctx) {
  const CurlOption *Option = curlOption(Call.getArg(1), Ctx);
  if (!Option || !isZero(Call.getArg(2), Ctx))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  bool Host = compat::endsWith(Option->What, "host-name");
  diag(SM.getExpansionLoc(Call.getArg(1)->getBeginLoc()),
       Host ? "'%0' set to 0 turns off TLS %1 verification; leave it at %2 "
              "(the default) so the certificate must name the server"
            : "'%0' set to 0 turns off TLS %1 verification; leave it at %2 "
              "(the default) and give curl the CA bundle with CURLOPT_CAINFO "
              "if needed")
      << Option->Name << Option->What << Option->Keep;
}

void TlsVerificationDisabledCheck::checkOpenSslVerify(const CallExpr &Call,
                                                      StringRef Api,
                                                      ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  unsigned ObjectRole =
      objectRole(Call.getArg(0), utils::enclosingFunction(Call, Ctx), Ctx);
  const Expr *Mode = Call.getArg(1);
  if (isZero(Mode, Ctx)) {
    // OpenSSL still verifies under SSL_VERIFY_NONE and records the result;
    // wolfSSL skips verification.
    bool OpenSsl = compat::startsWith(Api, "SSL_");
    reportUnlessServer(SM.getExpansionLoc(Mode->getBeginLoc()),
                       "'%0' turns off verification of the peer's TLS "
                       "certificate; use SSL_VERIFY_PEER with trusted CA "
                       "certificates",
                       "SSL_VERIFY_NONE", Call, ObjectRole, Ctx, OpenSsl);
    return;
  }
  // The handshake's verify callback: OpenSSL records the chain's result
  // whatever the callback returns.
  checkCallbackArgument(*Call.getArg(2), Call, ObjectRole, Ctx,
                        compat::startsWith(Api, "SSL_"));
}

void TlsVerificationDisabledCheck::checkCallbackArgument(const Expr &Callback,
                                                         const Stmt &Where,
                                                         unsigned ObjectRole,
                                                         ASTContext &Ctx,
                                                         bool CheckableLater) {
  const FunctionDecl *Fn = nullptr;
  std::string Name;
  const Stmt *Body = callbackBody(&Callback, Fn, Name);
  if (!Body || !Fn || !alwaysAccepts(*Body, *Fn, Ctx))
    return;
  reportUnlessServer(
      Ctx.getSourceManager().getExpansionLoc(Callback.getBeginLoc()),
      "'%0' accepts every TLS certificate because it always reports success; "
      "return the verification result it is given, or verify the certificate "
      "yourself",
      Name, Where, ObjectRole, Ctx, CheckableLater);
}

} // namespace clang::tidy::exitbar

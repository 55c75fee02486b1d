// UnverifiedWebhookCheck.cpp - flags webhooks that trust unsigned bodies
// SPDX-License-Identifier: Apache-2.0
//
// A webhook's sender signs the raw body with a shared secret (GitHub's
// X-Hub-Signature-256, Slack's X-Slack-Signature, Stripe-Signature); a
// handler that acts on the body without recomputing that HMAC accepts
// anything anyone posts, and one that compares the MAC byte by byte with an
// early exit leaks, through its timing, how much of a forgery is right.

#include "UnverifiedWebhookCheck.h"
#include "utils/ExprValues.h"
#include "utils/HttpRoutes.h"
#include "utils/IdentifierWords.h"
#include "utils/Locations.h"
#include "utils/OptionUtils.h"
#include "utils/ProjectScope.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSwitch.h"
#include <algorithm>

using namespace clang::ast_matchers;

namespace clang::tidy::exitbar {
namespace {

/// The argument of a MAC primitive that receives the MAC, or -1 when the
/// function is not one (HMAC returns it too).
int macOutputArg(StringRef Name) {
  return llvm::StringSwitch<int>(Name)
      .Case("HMAC", 5)
      .Case("HMAC_Final", 1)
      .Case("EVP_MAC_final", 1)
      .Case("EVP_Q_mac", 7)
      .Case("EVP_DigestSignFinal", 1)
      .Case("crypto_auth_hmacsha256", 0)
      .Case("crypto_auth_hmacsha512", 0)
      .Case("crypto_auth_hmacsha256_final", 1)
      .Case("crypto_auth_hmacsha512_final", 1)
      .Case("crypto_auth", 0)
      .Case("mbedtls_md_hmac", 5)
      .Case("mbedtls_md_hmac_finish", 1)
      .Case("wc_HmacFinal", 1)
      .Default(-1);
}

/// MAC primitives of OpenSSL, libsodium, mbed TLS and wolfSSL.
bool isMacPrimitive(StringRef Name) {
  return macOutputArg(Name) >= 0 ||
         llvm::StringSwitch<bool>(Name)
             .Cases("HMAC_Init", "HMAC_Init_ex", "HMAC_Update", true)
             .Cases("EVP_MAC_init", "EVP_MAC_update", "EVP_MAC_CTX_new", true)
             .Cases("EVP_PKEY_new_mac_key", "EVP_DigestSignInit", true)
             .Cases("crypto_auth_hmacsha256_verify",
                    "crypto_auth_hmacsha512_verify", "crypto_auth_verify", true)
             .Cases("crypto_auth_hmacsha256_init",
                    "crypto_auth_hmacsha256_update", true)
             .Cases("mbedtls_md_hmac_starts", "mbedtls_md_hmac_update", true)
             .Cases("wc_HmacSetKey", "wc_HmacUpdate", true)
             .Default(false);
}

/// Comparisons that stop at the first differing byte, by the name of the
/// function or operator.
StringRef variableTimeComparison(const Stmt &S) {
  // C++20 writes `a != b` as `!(a == b)`: the operator the code spelled.
  if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(&S))
    return Rewritten->getOperator() == BO_EQ   ? "=="
           : Rewritten->getOperator() == BO_NE ? "!="
                                               : "";
  if (const auto *Bin = dyn_cast<BinaryOperator>(&S))
    return Bin->getOpcode() == BO_EQ   ? "=="
           : Bin->getOpcode() == BO_NE ? "!="
                                       : "";
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S))
    return Op->getOperator() == OO_EqualEqual     ? "=="
           : Op->getOperator() == OO_ExclaimEqual ? "!="
                                                  : "";
  if (const auto *Call = dyn_cast<CallExpr>(&S)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || !FD->getIdentifier())
      return "";
    StringRef Name = FD->getName();
    if (llvm::StringSwitch<bool>(Name)
            .Cases("strcmp", "strncmp", "strcasecmp", "strncasecmp", true)
            .Cases("memcmp", "bcmp", "wcscmp", true)
            .Default(false))
      return FD->getDeclContext()->isTranslationUnit() ||
                     FD->getDeclContext()->isExternCContext() ||
                     FD->isInStdNamespace()
                 ? Name
                 : "";
    // std::string::compare and std::equal.
    if ((Name == "compare" || Name == "equal") && FD->isInStdNamespace())
      return Name;
  }
  return "";
}

/// The operands a comparison compares.
std::vector<const Expr *> operands(const Stmt &S) {
  if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(&S))
    return {Rewritten->getLHS(), Rewritten->getRHS()};
  // `memcmp(...) != 0` compares a comparison's result, not the MAC.
  if (const auto *Bin = dyn_cast<BinaryOperator>(&S)) {
    if (Bin->getLHS()->getType()->isIntegralOrEnumerationType() ||
        Bin->getRHS()->getType()->isIntegralOrEnumerationType())
      return {};
    return {Bin->getLHS(), Bin->getRHS()};
  }
  std::vector<const Expr *> Out;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&S))
    Out.push_back(Member->getImplicitObjectArgument());
  if (const auto *Call = dyn_cast<CallExpr>(&S))
    for (const Expr *Arg : Call->arguments())
      Out.push_back(Arg);
  return Out;
}

SourceLocation comparisonLoc(const Stmt &S) {
  if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(&S))
    return Rewritten->getOperatorLoc();
  if (const auto *Bin = dyn_cast<BinaryOperator>(&S))
    return Bin->getOperatorLoc();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S))
    return Op->getOperatorLoc();
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&S))
    if (const auto *Callee = dyn_cast<MemberExpr>(Member->getCallee()))
      return Callee->getMemberLoc();
  return S.getBeginLoc();
}

/// True when the statements read the request body.
bool usesBody(const Stmt *Body) {
  bool Found = false;
  utils::forEachReachableStmt(Body, [&](const Stmt &S) {
    if (const auto *Member = dyn_cast<MemberExpr>(&S)) {
      const ValueDecl *D = Member->getMemberDecl();
      if (D->getIdentifier() &&
          llvm::StringSwitch<bool>(D->getName())
              .Cases("body", "getBody", "get_body", "bodyData", "body_", true)
              .Cases("getJsonObject", "jsonObject", true)
              .Default(false))
        Found = true;
    }
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      if (utils::calleeName(*Call) == "mg_read")
        Found = true;
    // cpp-httplib's streaming handlers read the body through the
    // ContentReader they are given: `content_reader([&](data, n) {...})`.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S))
      if (Op->getOperator() == OO_Call && Op->getNumArgs() > 0)
        if (const CXXRecordDecl *Record =
                Op->getArg(0)->getType()->getAsCXXRecordDecl();
            Record && Record->getIdentifier() &&
            Record->getName() == "ContentReader")
          Found = true;
  });
  return Found;
}

/// The variable an output argument writes into, through casts, `&` and the
/// buffer accessors of a string or vector: `mac`, `(unsigned char *)mac`,
/// `&out.front()`, `out.data()`, `&out[0]`.
const VarDecl *bufferVariable(const Expr *E) {
  for (int Depth = 0; E && Depth < 6; ++Depth) {
    E = E->IgnoreParenCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(Ref->getDecl());
    if (const auto *Un = dyn_cast<UnaryOperator>(E);
        Un && Un->getOpcode() == UO_AddrOf)
      E = Un->getSubExpr();
    else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
      E = Member->getImplicitObjectArgument();
    else if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E))
      E = Sub->getBase();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
             Op && Op->getOperator() == OO_Subscript)
      E = Op->getArg(0);
    else
      return nullptr;
  }
  return nullptr;
}

/// True when \p E is a constant: a literal, or a variable initialised with
/// one and never changed. A MAC is compared with another computed or
/// received value, never with a constant; `key == "t"` while parsing a
/// Stripe-Signature header is not a MAC comparison.
bool isConstantOperand(const Expr *E, ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  if (isa<CharacterLiteral, IntegerLiteral, CXXNullPtrLiteralExpr,
          CXXBoolLiteralExpr>(E))
    return true;
  return utils::stringLiteralOf(E, Ctx) != nullptr;
}

/// Function definitions of the project whose name says they handle a
/// webhook.
class WebhookFunctions : public RecursiveASTVisitor<WebhookFunctions> {
public:
  std::vector<const FunctionDecl *> Found;
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && FD->getIdentifier() &&
        utils::identifierHasPhrase(FD->getName(), "webhook"))
      Found.push_back(FD);
    return true;
  }
};

} // namespace

UnverifiedWebhookCheck::UnverifiedWebhookCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      VerifyFunctions(utils::parseList(Options.get("VerifyFunctions", ""))),
      SignatureHeaders(utils::parseList(Options.get("SignatureHeaders", ""))) {}

void UnverifiedWebhookCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "VerifyFunctions", utils::joinList(VerifyFunctions));
  Options.store(Opts, "SignatureHeaders", utils::joinList(SignatureHeaders));
}

void UnverifiedWebhookCheck::registerMatchers(MatchFinder *Finder) {
  utils::limitTraversalToProject(Finder);
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

bool UnverifiedWebhookCheck::isSignatureHeader(StringRef Text) const {
  for (const std::string &Header : SignatureHeaders)
    if (Text.equals_insensitive(Header))
      return true;
  return utils::looksLikeSignatureHeader(Text);
}

bool UnverifiedWebhookCheck::isMacFunction(const FunctionDecl &FD) const {
  std::string Name = FD.getNameAsString();
  std::string Qualified = utils::plainQualifiedName(FD);
  for (const std::string &Configured : VerifyFunctions)
    if (Configured == Name || Configured == Qualified ||
        "::" + Configured == Qualified)
      return true;
  if (isMacPrimitive(Name))
    return true;
  // Crypto++ HMAC<SHA256>, Poco::HMACEngine, Botan's MAC objects.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&FD))
    if (const CXXRecordDecl *Record = Method->getParent();
        Record && Record->getIdentifier() &&
        (Record->getName().contains("HMAC") ||
         Record->getName().contains("Hmac")))
      return true;
  if (!utils::firstPhraseIn(Name, {"hmac", "verify webhook"}).empty())
    return true;
  // verifySignature, verify_github_signature, isValidSignature, check_sig:
  // a verb of checking and a word for the signature, in any order and with
  // words between them (a verifier of another file is known by its name).
  bool Checks = false, Signature = false;
  for (const std::string &Word : utils::splitIdentifier(Name)) {
    Checks |= Word == "verify" || Word == "validate" || Word == "check" ||
              Word == "valid" || Word == "authenticate";
    Signature |= Word == "signature" || Word == "signatures" || Word == "sig" ||
                 Word == "mac" || Word == "hmac";
  }
  return Checks && Signature;
}

void UnverifiedWebhookCheck::checkHandler(const Stmt *Body, SourceLocation Loc,
                                          StringRef What, ASTContext &Ctx) {
  if (!Body || llvm::is_contained(Reported, Body) || !usesBody(Body))
    return;
  Reported.push_back(Body);
  const SourceManager &SM = Ctx.getSourceManager();
  bool Verified = false;
  // Variables (and helper parameters) that hold a signature or a MAC.
  llvm::SmallPtrSet<const VarDecl *, 8> Macs;
  std::function<bool(const Stmt *)> IsMac = [&](const Stmt *S) -> bool {
    if (!S)
      return false;
    if (const auto *Lit = dyn_cast<StringLiteral>(S))
      return isSignatureHeader(utils::literalText(*Lit));
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl()))
        return Macs.count(VD) != 0;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *FD = Call->getDirectCallee()) {
        if (FD->getIdentifier() && macOutputArg(FD->getName()) >= 0)
          return true;
        // `hmac<SHA1>(body, key)`, `computeHmac(...)`: a MAC function that
        // returns the MAC rather than whether it matched.
        QualType Result = FD->getReturnType();
        if (!Result->isVoidType() && !Result->isIntegralOrEnumerationType() &&
            isMacFunction(*FD))
          return true;
      }
    return llvm::any_of(S->children(), IsMac);
  };
  auto Assigned =
      [](const Stmt &S) -> std::pair<const VarDecl *, const Expr *> {
    const Expr *LHS = nullptr, *RHS = nullptr;
    if (const auto *Bin = dyn_cast<BinaryOperator>(&S);
        Bin && Bin->getOpcode() == BO_Assign) {
      LHS = Bin->getLHS();
      RHS = Bin->getRHS();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
               Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
      LHS = Op->getArg(0);
      RHS = Op->getArg(1);
    }
    const auto *Ref =
        LHS ? dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts()) : nullptr;
    return {Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr, RHS};
  };
  for (int Round = 0; Round < 2; ++Round)
    utils::forEachReachableStmt(Body, [&](const Stmt &S) {
      if (const auto *DS = dyn_cast<DeclStmt>(&S))
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D);
              VD && VD->hasInit() && IsMac(VD->getInit()))
            Macs.insert(VD);
      // `signature = req.get_header_value("X-Hub-Signature");`
      if (auto [VD, Value] = Assigned(S); VD && IsMac(Value))
        Macs.insert(VD);
      const auto *Call = dyn_cast<CallExpr>(&S);
      if (!Call)
        return;
      const FunctionDecl *FD = Call->getDirectCallee();
      if (!FD)
        return;
      if (isMacFunction(*FD))
        Verified = true;
      int Out = FD->getIdentifier() ? macOutputArg(FD->getName()) : -1;
      if (Out >= 0 && static_cast<unsigned>(Out) < Call->getNumArgs())
        if (const VarDecl *VD = bufferVariable(Call->getArg(Out)))
          Macs.insert(VD);
      // What a call writes from a signature into its output arguments is
      // the signature, or part of it: `regex_search(sig, match, re)`.
      if (!isa<CXXMemberCallExpr>(Call) &&
          llvm::any_of(Call->arguments(), IsMac))
        for (unsigned I = 0; I < Call->getNumArgs() && I < FD->getNumParams();
             ++I) {
          QualType Param = FD->getParamDecl(I)->getType();
          bool Writes = (Param->isLValueReferenceType() &&
                         !Param.getNonReferenceType().isConstQualified()) ||
                        (Param->isPointerType() &&
                         !Param->getPointeeType().isConstQualified());
          if (const auto *Ref =
                  dyn_cast<DeclRefExpr>(Call->getArg(I)->IgnoreParenImpCasts());
              Writes && Ref)
            if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl()))
              Macs.insert(VD);
        }
      // A helper that gets the signature compares its parameter.
      if (const FunctionDecl *Def = FD->getDefinition())
        for (unsigned I = 0; I < Call->getNumArgs() && I < Def->getNumParams();
             ++I)
          if (IsMac(Call->getArg(I)))
            Macs.insert(Def->getParamDecl(I));
    });
  if (!Verified) {
    diag(SM.getFileLoc(Loc),
         "webhook handler '%0' uses the request body without verifying its "
         "signature; compute an HMAC of the raw body with the shared secret "
         "and compare it in constant time")
        << What;
    return;
  }
  utils::forEachReachableStmt(Body, [&](const Stmt &S) {
    StringRef Comparison = variableTimeComparison(S);
    if (Comparison.empty() || llvm::is_contained(Reported, &S))
      return;
    std::vector<const Expr *> Operands = operands(S);
    // The two values compared come first (memcmp's length is not one).
    llvm::ArrayRef<const Expr *> Compared(Operands.data(),
                                          std::min<size_t>(Operands.size(), 2));
    if (!llvm::any_of(Operands, IsMac) ||
        llvm::any_of(Compared,
                     [&](const Expr *E) { return isConstantOperand(E, Ctx); }))
      return;
    Reported.push_back(&S);
    // The rewritten form's own `==` is the same comparison.
    if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(&S)) {
      std::function<void(const Stmt *)> Mark = [&](const Stmt *Child) {
        if (!Child)
          return;
        Reported.push_back(Child);
        for (const Stmt *Grand : Child->children())
          Mark(Grand);
      };
      Mark(Rewritten->getSemanticForm());
    }
    diag(SM.getFileLoc(comparisonLoc(S)),
         "'%0' compares a webhook signature in variable time; use "
         "CRYPTO_memcmp, sodium_memcmp or another constant-time comparison")
        << Comparison;
  });
}

void UnverifiedWebhookCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  Reported.clear();
  for (const utils::HttpRoute &Route : utils::findHttpRoutes(Ctx, {})) {
    if (!Route.Body)
      continue;
    bool Webhook = utils::identifierHasPhrase(Route.Pattern, "webhook") ||
                   utils::identifierHasPhrase(Route.Pattern, "hook");
    if (!Webhook)
      utils::forEachReachableStmt(Route.Body, [&](const Stmt &S) {
        if (const auto *Lit = dyn_cast<StringLiteral>(&S))
          if (isSignatureHeader(utils::literalText(*Lit)))
            Webhook = true;
      });
    if (Webhook)
      checkHandler(Route.Body, Route.Loc, Route.Pattern, Ctx);
  }
  WebhookFunctions Functions;
  const SourceManager &SM = Ctx.getSourceManager();
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (D->getLocation().isValid() &&
        !utils::isInSystemHeader(SM, D->getLocation()))
      Functions.TraverseDecl(D);
  for (const FunctionDecl *FD : Functions.Found)
    checkHandler(FD->getBody(), FD->getLocation(), FD->getName(), Ctx);
}

} // namespace clang::tidy::exitbar

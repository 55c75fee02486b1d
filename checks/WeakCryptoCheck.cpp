// WeakCryptoCheck.cpp - flags broken or weak cryptographic algorithms
// SPDX-License-Identifier: Apache-2.0

#include "WeakCryptoCheck.h"
#include "utils/Compat.h"
#include "utils/CryptoNames.h"
#include "utils/DeclNames.h"
#include "utils/ExprValues.h"
#include "utils/IdentifierWords.h"
#include "utils/LocalWrites.h"
#include "utils/NameMatchers.h"
#include "utils/OptionUtils.h"
#include "utils/ProjectScope.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::exitbar {
namespace {

using utils::algorithmOfAlgId;
using utils::algorithmOfClass;
using utils::algorithmOfEnumerator;
using utils::algorithmOfFunction;
using utils::algorithmOfNid;
using utils::algorithmOfSpec;
using utils::isHash;
using utils::isHmacTemplate;

// Identifier phrases (utils::identifierHasPhrase) that say a hash serves no
// security purpose: integrity against accidents, identity, lookup.
constexpr llvm::StringLiteral DefaultNonSecurityNames =
    "checksum;check sum;e tag;cache;web socket;uuid;guid;dedup;dedupe;"
    "deduplicate;shard;content md;md sum;sha sum;crc;partition";

// Identifier phrases that say a block cipher in ECB mode is the building
// block of another mode (CTR, CMAC, GCM, key wrap, a CTR-DRBG), which
// encrypts single blocks by design.
const std::vector<std::string> &blockModeNames() {
  static const std::vector<std::string> Names = {
      "ctr", "counter",  "cmac",    "gcm", "ccm", "ofb", "cfb",
      "xts", "key wrap", "keywrap", "kw",  "siv", "eax", "drbg"};
  return Names;
}

/// The weak algorithm a class type stands for: the class itself, a class it
/// is nested in (DES::Base), or a template argument (ECB_Mode<AES>,
/// HMAC<Weak::MD5>). Sets \p Hmac when the algorithm is an HMAC's hash.
std::string algorithmOfType(QualType Type, bool &Hmac, int Depth = 0) {
  if (Depth > 6 || Type.isNull())
    return "";
  const auto *Record = Type->getAsCXXRecordDecl();
  if (!Record)
    return "";
  for (const DeclContext *DC = Record; DC; DC = DC->getParent()) {
    const auto *Outer = dyn_cast<CXXRecordDecl>(DC);
    if (!Outer)
      break;
    StringRef Found = algorithmOfClass(utils::plainQualifiedName(*Outer));
    if (!Found.empty())
      return Found.str();
  }
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record);
  if (!Spec)
    return "";
  bool Inner = isHmacTemplate(utils::plainQualifiedName(*Spec));
  std::string Weak;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
    if (Arg.getKind() != TemplateArgument::Type)
      continue;
    bool ArgHmac = false;
    std::string Found = algorithmOfType(Arg.getAsType(), ArgHmac, Depth + 1);
    if (Found.empty())
      continue;
    // A cipher in ECB mode is reported as the cipher when it is weak itself.
    if (Weak.empty() || Weak == "ECB") {
      Weak = Found;
      Hmac = Inner || ArgHmac;
    }
  }
  return Weak;
}

/// True when \p E compares against an algorithm or labels a case of a
/// dispatch over algorithms rather than using one.
bool isComparedOrCaseLabel(const Expr &E, ASTContext &Ctx) {
  DynTypedNode Parent = utils::parentIgnoringImplicit(E, Ctx);
  if (const auto *Binary = Parent.get<BinaryOperator>())
    return Binary->isComparisonOp();
  if (const auto *Op = Parent.get<CXXOperatorCallExpr>())
    return Op->getOperator() == OO_EqualEqual ||
           Op->getOperator() == OO_ExclaimEqual;
  return Parent.get<CaseStmt>() != nullptr;
}

/// True when \p E is (within a few calls) an argument of an HMAC or
/// key-derivation function, or of an RSA padding that does not rely on
/// collision resistance (OAEP, MGF1).
bool isInHmacContext(const Expr &E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(E);
  for (int Depth = 0; Depth < 8; ++Depth) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return false;
    Node = Parents[0];
    const auto *S = Node.get<Stmt>();
    if (!S)
      return false;
    const NamedDecl *Callee = nullptr;
    const Expr *const *Args = nullptr;
    unsigned NumArgs = 0;
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      Callee = Call->getDirectCallee();
      Args = Call->getArgs();
      NumArgs = Call->getNumArgs();
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      Callee = Construct->getConstructor()->getParent();
      Args = Construct->getArgs();
      NumArgs = Construct->getNumArgs();
    } else if (isa<CompoundStmt, DeclStmt, ReturnStmt>(S)) {
      return false;
    }
    if (!Callee || !Callee->getIdentifier())
      continue;
    // QMessageAuthenticationCode::hash(...): the class says HMAC.
    std::string Name = utils::identifierOf(Callee).lower();
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee))
      if (Method->getParent()->getIdentifier())
        Name += " " + Method->getParent()->getName().lower();
    StringRef N(Name);
    if (N.contains("hmac") || N.contains("pbkdf2") || N.contains("hkdf") ||
        N.contains("messageauthenticationcode") || N.contains("oaep") ||
        N.contains("mgf1"))
      return true;
    // mbedtls_md_setup(ctx, info, 1) and gcry_md_open(&h, algo,
    // GCRY_MD_FLAG_HMAC) take the HMAC choice as a flag.
    if (N == "mbedtls_md_setup" && NumArgs == 3)
      if (auto Flag = utils::intValue(Args[2], Ctx))
        return *Flag != 0;
    if (N == "gcry_md_open" && NumArgs == 3)
      if (auto Flags = utils::intValue(Args[2], Ctx))
        return (*Flags & 2) != 0;
  }
  return false;
}

/// The names a use's value flows into or comes with: the variable it
/// initialises or is assigned to, and the variables among the arguments of
/// the call it is (or is an argument of).
void collectNearbyNames(const Expr &Use, ASTContext &Ctx,
                        std::vector<std::string> &Names) {
  auto AddArgs = [&](const CallExpr &Call) {
    for (const Expr *Arg : Call.arguments()) {
      Arg = Arg->IgnoreParenCasts();
      if (const auto *AddrOf = dyn_cast<UnaryOperator>(Arg))
        Arg = AddrOf->getSubExpr()->IgnoreParenCasts();
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg))
        Names.push_back(Ref->getDecl()->getNameAsString());
      else if (const auto *Member = dyn_cast<MemberExpr>(Arg))
        Names.push_back(Member->getMemberDecl()->getNameAsString());
    }
  };
  if (const auto *Call = dyn_cast<CallExpr>(&Use))
    AddArgs(*Call);
  DynTypedNode Node = DynTypedNode::create(Use);
  for (int Depth = 0; Depth < 6; ++Depth) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return;
    Node = Parents[0];
    if (const auto *Named = Node.get<NamedDecl>()) {
      Names.push_back(Named->getNameAsString());
      return;
    }
    const auto *S = Node.get<Stmt>();
    if (!S)
      return;
    if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
      if (Binary->isAssignmentOp()) {
        const Expr *L = Binary->getLHS()->IgnoreParenImpCasts();
        if (const auto *Ref = dyn_cast<DeclRefExpr>(L))
          Names.push_back(Ref->getDecl()->getNameAsString());
        else if (const auto *Member = dyn_cast<MemberExpr>(L))
          Names.push_back(Member->getMemberDecl()->getNameAsString());
      }
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      AddArgs(*Call);
      return;
    }
    if (isa<CompoundStmt, ReturnStmt>(S))
      return;
  }
}

/// The algorithm named by an Expr at \p Index of \p Call through a string.
struct NameArgument {
  StringRef Function;
  unsigned Index;
};

constexpr NameArgument NameArguments[] = {
    {"::EVP_get_digestbyname", 0},
    {"::EVP_get_cipherbyname", 0},
    {"::EVP_MD_fetch", 1},
    {"::EVP_CIPHER_fetch", 1},
    {"::BCryptOpenAlgorithmProvider", 1},
    {"::BCryptSetProperty", 2},
    {"::Botan::HashFunction::create", 0},
    {"::Botan::HashFunction::create_or_throw", 0},
    {"::Botan::BlockCipher::create", 0},
    {"::Botan::BlockCipher::create_or_throw", 0},
    {"::Botan::StreamCipher::create", 0},
    {"::Botan::StreamCipher::create_or_throw", 0},
    {"::Botan::Cipher_Mode::create", 0},
    {"::Botan::Cipher_Mode::create_or_throw", 0},
    {"::Botan::MessageAuthenticationCode::create", 0},
    {"::Botan::MessageAuthenticationCode::create_or_throw", 0},
    {"::Botan::get_cipher", 0},
    {"::Botan::get_cipher_mode", 0},
    {"::Poco::Crypto::DigestEngine::DigestEngine", 0},
};

/// The names around a use: its function (and class), and the variables its
/// value flows into or comes with.
std::vector<std::string> namesAround(const Expr &Use, ASTContext &Ctx) {
  std::vector<std::string> Names;
  if (const FunctionDecl *Func = utils::enclosingFunction(Use, Ctx)) {
    Names.push_back(Func->getNameAsString());
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Func))
      Names.push_back(Method->getParent()->getNameAsString());
  }
  collectNearbyNames(Use, Ctx, Names);
  return Names;
}

} // namespace

WeakCryptoCheck::WeakCryptoCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      AllowedAlgorithms(utils::parseList(Options.get("AllowedAlgorithms", ""))),
      NonSecurityNames(utils::parseList(
          Options.get("NonSecurityNames", DefaultNonSecurityNames))),
      AllowedFiles(Options.get("AllowedFiles", "")) {}

void WeakCryptoCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "AllowedAlgorithms", utils::joinList(AllowedAlgorithms));
  Options.store(Opts, "NonSecurityNames", utils::joinList(NonSecurityNames));
  Options.store(Opts, "AllowedFiles", AllowedFiles.pattern());
}

void WeakCryptoCheck::registerMatchers(MatchFinder *Finder) {
  utils::limitTraversalToProject(Finder);
  auto NotSystem = unless(isExpansionInSystemHeader());
  Finder->addMatcher(
      callExpr(
          NotSystem,
          callee(
              functionDecl(
                  anyOf(
                      hasAnyName(
                          "::MD5", "::MD5_Init", "::MD4", "::MD4_Init", "::MD2",
                          "::MD2_Init", "::SHA1", "::SHA1_Init", "::EVP_md5",
                          "::EVP_md5_sha1", "::EVP_md4", "::EVP_md2",
                          "::EVP_sha1", "::RC4", "::RC4_set_key", "::EVP_rc4",
                          "::EVP_rc4_40", "::EVP_rc4_hmac_md5", "::RC2_set_key",
                          "::BF_set_key", "::RC5_32_set_key",
                          "::AES_ecb_encrypt", "::DES_ecb3_encrypt",
                          "::DES_ede3_cbc_encrypt", "::DES_ede2_cbc_encrypt",
                          "::DES_set_key", "::DES_set_key_checked",
                          "::DES_set_key_unchecked", "::DES_key_sched",
                          "::DES_ecb_encrypt", "::DES_ncbc_encrypt",
                          "::DES_cbc_encrypt", "::DES_cfb_encrypt",
                          "::DES_ofb_encrypt", "::DES_crypt", "::DES_fcrypt",
                          "::mbedtls_md5", "::mbedtls_md5_ret",
                          "::mbedtls_md5_starts", "::mbedtls_md5_starts_ret",
                          "::mbedtls_md4", "::mbedtls_md4_ret",
                          "::mbedtls_md4_starts", "::mbedtls_md4_starts_ret",
                          "::mbedtls_md2", "::mbedtls_sha1",
                          "::mbedtls_sha1_ret", "::mbedtls_sha1_starts",
                          "::mbedtls_sha1_starts_ret", "::mbedtls_arc4_setup",
                          "::mbedtls_blowfish_setkey",
                          "::mbedtls_aes_crypt_ecb",
                          "::mbedtls_des3_set2key_enc",
                          "::mbedtls_des3_set2key_dec",
                          "::mbedtls_des3_set3key_enc",
                          "::mbedtls_des3_set3key_dec",
                          "::mbedtls_des_setkey_enc",
                          "::mbedtls_des_setkey_dec"),
                      allOf(utils::isGlobal(), utils::identifierMatches(
                                                   "^EVP_((des|desx|rc2|rc5_32_"
                                                   "12_16|bf)_|.*_ecb$)"))))
                  .bind("fn")))
          .bind("call"),
      this);

  std::vector<StringRef> NameFunctions;
  for (const NameArgument &Entry : NameArguments)
    NameFunctions.push_back(Entry.Function);
  Finder->addMatcher(
      callExpr(NotSystem,
               callee(functionDecl(hasAnyName(NameFunctions)).bind("named-fn")))
          .bind("named-call"),
      this);
  Finder->addMatcher(
      cxxConstructExpr(
          NotSystem,
          hasDeclaration(
              cxxConstructorDecl(hasAnyName(NameFunctions)).bind("named-fn")))
          .bind("named-call"),
      this);

  Finder->addMatcher(
      callExpr(NotSystem, callee(functionDecl(hasAnyName("::CryptCreateHash",
                                                         "::CryptDeriveKey",
                                                         "::CryptGenKey"))
                                     .bind("algid-fn")))
          .bind("algid-call"),
      this);
  Finder->addMatcher(
      callExpr(NotSystem,
               callee(functionDecl(hasAnyName("::EVP_get_digestbynid",
                                              "::RSA_sign", "::RSA_verify"))
                          .bind("nid-fn")))
          .bind("nid-call"),
      this);
  Finder->addMatcher(
      declRefExpr(
          NotSystem,
          to(enumConstantDecl(
                 anyOf(allOf(utils::isGlobal(),
                             utils::identifierMatches(
                                 "^(MBEDTLS_(MD_|MODE_ECB|CIPHER_)|GCRY_(MD_|"
                                 "CIPHER_)|GNUTLS_(DIG_|MAC_MD5|CIPHER_))")),
                       utils::isInsideScope("QCryptographicHash")))
                 .bind("enum")))
          .bind("enum-ref"),
      this);
  Finder->addMatcher(
      cxxConstructExpr(
          NotSystem, hasDeclaration(cxxConstructorDecl(ofClass(
                         cxxRecordDecl(anyOf(utils::isInsideScope("CryptoPP"),
                                             utils::isInsideScope("Poco")))))))
          .bind("construct"),
      this);
}

bool WeakCryptoCheck::isAllowed(StringRef Algorithm) const {
  auto Key = [](StringRef Name) {
    std::string K;
    for (char C : Name)
      if (llvm::isAlnum(C))
        K += llvm::toLower(C);
    return K;
  };
  for (const std::string &Allowed : AllowedAlgorithms)
    if (Key(Allowed) == Key(Algorithm))
      return true;
  return false;
}

bool WeakCryptoCheck::buildsAnotherMode(const Expr &Use,
                                        ASTContext &Ctx) const {
  for (const std::string &Name : namesAround(Use, Ctx))
    if (!utils::firstPhraseIn(Name, blockModeNames()).empty())
      return true;
  return false;
}

bool WeakCryptoCheck::hasNonSecurityPurpose(const Expr &Use,
                                            ASTContext &Ctx) const {
  std::vector<std::string> Names = namesAround(Use, Ctx);
  for (const std::string &Name : Names)
    if (!utils::firstPhraseIn(Name, NonSecurityNames).empty())
      return true;
  return false;
}

void WeakCryptoCheck::report(const Expr &Use, StringRef Algorithm,
                             StringRef Api, bool InHmac, ASTContext &Ctx) {
  if (Algorithm.empty() || isAllowed(Algorithm) ||
      AllowedFiles.matches(Use.getBeginLoc(), Ctx.getSourceManager()))
    return;
  // HMAC-SHA1 (and PBKDF2/HKDF over it) does not rely on collision
  // resistance and remains approved (NIST SP 800-131A); HMAC-MD5 does not.
  if (Algorithm == "SHA-1" && (InHmac || isInHmacContext(Use, Ctx)))
    return;
  if (isHash(Algorithm) && hasNonSecurityPurpose(Use, Ctx))
    return;
  if (Algorithm == "ECB" && buildsAnotherMode(Use, Ctx))
    return;
  SourceLocation Loc =
      Ctx.getSourceManager().getExpansionLoc(Use.getBeginLoc());
  if (isHash(Algorithm))
    diag(Loc, "'%0' (through '%1') is a broken hash algorithm; use SHA-256 or "
              "stronger, or if it only computes a checksum or cache key, list "
              "it in AllowedAlgorithms")
        << Algorithm << Api;
  else if (Algorithm == "ECB")
    diag(Loc, "'ECB' mode (through '%0') encrypts equal blocks to equal "
              "ciphertext; use an authenticated mode such as GCM")
        << Api;
  else
    diag(Loc, "'%0' (through '%1') is a weak cipher; use AES-GCM or "
              "ChaCha20-Poly1305")
        << Algorithm << Api;
}

void WeakCryptoCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const auto &Nodes = Result.Nodes;

  if (const auto *Call = Nodes.getNodeAs<CallExpr>("call")) {
    const auto *Fn = Nodes.getNodeAs<FunctionDecl>("fn");
    // `md == EVP_md5()` asks which algorithm a handle is; `MD5(...) == NULL`
    // checks the result of a use.
    if (compat::startsWith(utils::identifierOf(Fn), "EVP_") &&
        isComparedOrCaseLabel(*Call, Ctx))
      return;
    report(*Call, algorithmOfFunction(utils::identifierOf(Fn)),
           utils::identifierOf(Fn), false, Ctx);
    return;
  }

  if (const auto *Use = Nodes.getNodeAs<Expr>("named-call")) {
    const auto *Fn = Nodes.getNodeAs<FunctionDecl>("named-fn");
    std::string Qualified = utils::plainQualifiedName(*Fn);
    const Expr *const *Args = nullptr;
    unsigned NumArgs = 0;
    if (const auto *Call = dyn_cast<CallExpr>(Use)) {
      Args = Call->getArgs();
      NumArgs = Call->getNumArgs();
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Use)) {
      Args = Construct->getArgs();
      NumArgs = Construct->getNumArgs();
    }
    for (const NameArgument &Entry : NameArguments) {
      if (Qualified != Entry.Function || Entry.Index >= NumArgs)
        continue;
      const StringLiteral *Literal =
          utils::stringLiteralOf(Args[Entry.Index], Ctx);
      if (!Literal)
        return;
      std::string Text = utils::literalText(*Literal);
      bool Hmac = false;
      std::string Algorithm = algorithmOfSpec(Text, Hmac);
      // CNG names ECB as the chaining mode property value.
      if (utils::identifierOf(Fn) == "BCryptSetProperty")
        Algorithm = Text == "ChainingModeECB" ? "ECB" : "";
      report(*Use, Algorithm, utils::identifierOf(Fn), Hmac, Ctx);
      return;
    }
    return;
  }

  if (const auto *Call = Nodes.getNodeAs<CallExpr>("algid-call")) {
    const auto *Fn = Nodes.getNodeAs<FunctionDecl>("algid-fn");
    if (Call->getNumArgs() < 2)
      return;
    if (auto Id = utils::int64Value(Call->getArg(1), Ctx))
      report(*Call, algorithmOfAlgId(*Id), utils::identifierOf(Fn), false, Ctx);
    return;
  }

  if (const auto *Call = Nodes.getNodeAs<CallExpr>("nid-call")) {
    const auto *Fn = Nodes.getNodeAs<FunctionDecl>("nid-fn");
    if (Call->getNumArgs() < 1)
      return;
    if (auto Nid = utils::int64Value(Call->getArg(0), Ctx))
      report(*Call, algorithmOfNid(*Nid), utils::identifierOf(Fn), false, Ctx);
    return;
  }

  if (const auto *Ref = Nodes.getNodeAs<DeclRefExpr>("enum-ref")) {
    const auto *Enum = Nodes.getNodeAs<EnumConstantDecl>("enum");
    if (isComparedOrCaseLabel(*Ref, Ctx))
      return;
    std::string Qualified = utils::plainQualifiedName(*Enum);
    report(*Ref, algorithmOfEnumerator(Qualified), Enum->getName(), false, Ctx);
    return;
  }

  if (const auto *Construct = Nodes.getNodeAs<CXXConstructExpr>("construct")) {
    // Only the object the code creates, not the base-class parts the
    // compiler constructs inside it.
    if (!compat::constructsCompleteObject(*Construct))
      return;
    bool Hmac = false;
    std::string Algorithm = algorithmOfType(Construct->getType(), Hmac);
    if (Algorithm.empty())
      return;
    const auto *Record = Construct->getType()->getAsCXXRecordDecl();
    report(*Construct, Algorithm,
           Record ? Record->getName() : StringRef("constructor"), Hmac, Ctx);
    return;
  }
}

} // namespace clang::tidy::exitbar

// WeakCryptoCheck.cpp - flags broken or weak cryptographic algorithms
// SPDX-License-Identifier: Apache-2.0

#include "WeakCryptoCheck.h"
#include "utils/Compat.h"
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

bool isHash(StringRef Algorithm) {
  return Algorithm == "MD5" || Algorithm == "MD4" || Algorithm == "MD2" ||
         Algorithm == "SHA-1";
}

/// The weak algorithm an OpenSSL, mbedTLS or legacy function stands for.
StringRef algorithmOfFunction(StringRef Name) {
  StringRef Known =
      llvm::StringSwitch<StringRef>(Name)
          .Cases("MD5", "MD5_Init", "EVP_md5", "EVP_md5_sha1", "MD5")
          .Cases("mbedtls_md5", "mbedtls_md5_ret", "mbedtls_md5_starts",
                 "mbedtls_md5_starts_ret", "MD5")
          .Cases("MD4", "MD4_Init", "EVP_md4", "mbedtls_md4", "MD4")
          .Cases("mbedtls_md4_ret", "mbedtls_md4_starts",
                 "mbedtls_md4_starts_ret", "MD4")
          .Cases("MD2", "MD2_Init", "EVP_md2", "mbedtls_md2", "MD2")
          .Cases("SHA1", "SHA1_Init", "EVP_sha1", "mbedtls_sha1", "SHA-1")
          .Cases("mbedtls_sha1_ret", "mbedtls_sha1_starts",
                 "mbedtls_sha1_starts_ret", "SHA-1")
          .Cases("RC4", "RC4_set_key", "EVP_rc4", "EVP_rc4_40", "RC4")
          .Cases("EVP_rc4_hmac_md5", "mbedtls_arc4_setup", "RC4")
          .Case("RC2_set_key", "RC2")
          .Cases("BF_set_key", "mbedtls_blowfish_setkey", "Blowfish")
          .Cases("AES_ecb_encrypt", "mbedtls_aes_crypt_ecb", "ECB")
          .Cases("DES_ecb3_encrypt", "DES_ede3_cbc_encrypt",
                 "DES_ede2_cbc_encrypt", "3DES")
          .Cases("mbedtls_des3_set2key_enc", "mbedtls_des3_set2key_dec",
                 "mbedtls_des3_set3key_enc", "mbedtls_des3_set3key_dec", "3DES")
          .Cases("DES_set_key", "DES_set_key_checked", "DES_set_key_unchecked",
                 "DES_key_sched", "DES")
          .Cases("DES_ecb_encrypt", "DES_ncbc_encrypt", "DES_cbc_encrypt",
                 "DES_cfb_encrypt", "DES")
          .Cases("DES_ofb_encrypt", "DES_crypt", "DES_fcrypt", "DES")
          .Cases("mbedtls_des_setkey_enc", "mbedtls_des_setkey_dec", "DES")
          .Default("");
  if (!Known.empty())
    return Known;
  if (compat::startsWith(Name, "EVP_des"))
    return Name.contains("ede") ? "3DES" : "DES";
  if (compat::startsWith(Name, "EVP_rc2_"))
    return "RC2";
  if (compat::startsWith(Name, "EVP_bf_"))
    return "Blowfish";
  if (compat::startsWith(Name, "EVP_rc5_"))
    return "RC5";
  if (compat::startsWith(Name, "EVP_") && compat::endsWith(Name, "_ecb"))
    return "ECB";
  return "";
}

/// The weak algorithm an algorithm name or spec names: "md5", "SHA-1",
/// "des-ede3-cbc", "AES-128/ECB", "HMAC(MD5)", "RC4"; sets \p Hmac when the
/// spec is an HMAC or key-derivation construction.
std::string algorithmOfSpec(StringRef Spec, bool &Hmac) {
  std::string Text = Spec.lower();
  // Spellings of SHA-1 that tokenising would split.
  for (StringRef From : {"sha-1", "sha_1", "sha-160", "sha160"}) {
    size_t Pos;
    while ((Pos = Text.find(From.str())) != std::string::npos)
      Text.replace(Pos, From.size(), "sha1");
  }
  std::string Spaced;
  for (char C : Text)
    Spaced += llvm::isAlnum(C) ? C : ' ';
  llvm::SmallVector<StringRef, 8> Tokens;
  StringRef(Spaced).split(Tokens, ' ', -1, false);
  bool Ecb = false;
  std::string Found;
  for (size_t I = 0; I < Tokens.size(); ++I) {
    StringRef T = Tokens[I];
    if (T == "hmac" || T == "pbkdf2" || T == "hkdf")
      Hmac = true;
    std::string Algorithm =
        llvm::StringSwitch<std::string>(T)
            .Case("md5", "MD5")
            .Case("md4", "MD4")
            .Case("md2", "MD2")
            .Case("sha1", "SHA-1")
            .Cases("3des", "des3", "tripledes", "desede", "desede3", "3DES")
            .Cases("des", "desx", "DES")
            .Cases("rc4", "arc4", "arcfour", "RC4")
            .Case("rc2", "RC2")
            .Case("rc5", "RC5")
            .Cases("bf", "blowfish", "Blowfish")
            .Default("");
    if (Algorithm == "DES" && I + 1 < Tokens.size() &&
        compat::startsWith(Tokens[I + 1], "ede"))
      Algorithm = "3DES";
    if (T == "ecb")
      Ecb = true;
    if (Found.empty() && !Algorithm.empty())
      Found = Algorithm;
  }
  if (Found.empty() && Ecb)
    Found = "ECB";
  return Found;
}

/// CryptoAPI ALG_ID values (wincrypt.h) of weak algorithms.
StringRef algorithmOfAlgId(int64_t Id) {
  switch (Id) {
  case 0x8001:
    return "MD2";
  case 0x8002:
    return "MD4";
  case 0x8003:
    return "MD5";
  case 0x8004:
    return "SHA-1";
  case 0x6601:
  case 0x6604:
    return "DES";
  case 0x6603:
  case 0x6609:
    return "3DES";
  case 0x6602:
    return "RC2";
  case 0x660d:
    return "RC5";
  case 0x6801:
    return "RC4";
  default:
    return "";
  }
}

/// OpenSSL NIDs (obj_mac.h) of weak digests.
StringRef algorithmOfNid(int64_t Nid) {
  switch (Nid) {
  case 3:
    return "MD2";
  case 4:
  case 114: // md5-sha1
    return "MD5";
  case 257:
    return "MD4";
  case 64:
    return "SHA-1";
  default:
    return "";
  }
}

/// Enumerators of weak algorithms in mbedTLS, libgcrypt, GnuTLS and Qt.
StringRef algorithmOfEnumerator(StringRef Qualified) {
  StringRef Name = Qualified.rsplit("::").second;
  if (Name.empty())
    Name = Qualified;
  if (compat::startsWith(Qualified, "::QCryptographicHash::"))
    return llvm::StringSwitch<StringRef>(Name)
        .Case("Md4", "MD4")
        .Case("Md5", "MD5")
        .Case("Sha1", "SHA-1")
        .Default("");
  StringRef Known =
      llvm::StringSwitch<StringRef>(Name)
          .Cases("MBEDTLS_MD_MD5", "GCRY_MD_MD5", "GNUTLS_DIG_MD5",
                 "GNUTLS_MAC_MD5", "MD5")
          .Cases("MBEDTLS_MD_MD4", "GCRY_MD_MD4", "MD4")
          .Cases("MBEDTLS_MD_MD2", "GNUTLS_DIG_MD2", "MD2")
          .Cases("MBEDTLS_MD_SHA1", "GCRY_MD_SHA1", "GNUTLS_DIG_SHA1", "SHA-1")
          .Cases("MBEDTLS_MODE_ECB", "GCRY_CIPHER_MODE_ECB", "ECB")
          .Cases("GCRY_CIPHER_DES", "GNUTLS_CIPHER_DES_CBC", "DES")
          .Cases("GCRY_CIPHER_3DES", "GNUTLS_CIPHER_3DES_CBC", "3DES")
          .Cases("GCRY_CIPHER_ARCFOUR", "GNUTLS_CIPHER_ARCFOUR_128",
                 "GNUTLS_CIPHER_ARCFOUR_40", "MBEDTLS_CIPHER_ARC4_128", "RC4")
          .Case("GCRY_CIPHER_BLOWFISH", "Blowfish")
          .Cases("GCRY_CIPHER_RFC2268_40", "GCRY_CIPHER_RFC2268_128",
                 "GNUTLS_CIPHER_RC2_40_CBC", "RC2")
          .Default("");
  if (!Known.empty())
    return Known;
  if (compat::startsWith(Name, "MBEDTLS_CIPHER_DES_EDE"))
    return "3DES";
  if (compat::startsWith(Name, "MBEDTLS_CIPHER_DES_"))
    return "DES";
  if (compat::startsWith(Name, "MBEDTLS_CIPHER_BLOWFISH_"))
    return "Blowfish";
  if (compat::startsWith(Name, "MBEDTLS_CIPHER_") &&
      compat::endsWith(Name, "_ECB"))
    return "ECB";
  return "";
}

/// Classes of weak algorithms in Crypto++ and Poco, by plain qualified name.
StringRef algorithmOfClass(StringRef Qualified) {
  return llvm::StringSwitch<StringRef>(Qualified)
      .Cases("::CryptoPP::Weak1::MD5", "::CryptoPP::MD5", "::Poco::MD5Engine",
             "MD5")
      .Cases("::CryptoPP::Weak1::MD4", "::CryptoPP::MD4", "::Poco::MD4Engine",
             "MD4")
      .Cases("::CryptoPP::Weak1::MD2", "::CryptoPP::MD2", "MD2")
      .Cases("::CryptoPP::SHA1", "::Poco::SHA1Engine", "SHA-1")
      .Cases("::CryptoPP::DES", "::CryptoPP::DES_XEX3", "DES")
      .Cases("::CryptoPP::DES_EDE2", "::CryptoPP::DES_EDE3", "3DES")
      .Cases("::CryptoPP::Weak1::ARC4", "::CryptoPP::Weak1::ARC4_Base",
             "::CryptoPP::Weak1::MARC4", "::CryptoPP::Weak1::MARC4_Base", "RC4")
      .Case("::CryptoPP::RC2", "RC2")
      .Case("::CryptoPP::Blowfish", "Blowfish")
      .Cases("::CryptoPP::ECB_Mode", "::CryptoPP::ECB_OneWay",
             "::CryptoPP::ECB_Mode_ExternalCipher", "ECB")
      .Default("");
}

/// Template names whose hash argument is used as an HMAC or key derivation.
bool isHmacTemplate(StringRef Qualified) {
  return Qualified == "::CryptoPP::HMAC" ||
         Qualified == "::CryptoPP::PKCS5_PBKDF2_HMAC" ||
         Qualified == "::CryptoPP::HKDF";
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

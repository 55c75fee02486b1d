// CryptoNames.cpp - which weak algorithm a name stands for
// SPDX-License-Identifier: Apache-2.0

#include "utils/CryptoNames.h"
#include "utils/Compat.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::exitbar::utils {

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

} // namespace clang::tidy::exitbar::utils

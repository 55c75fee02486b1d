// CryptoNames.h - which weak algorithm a name stands for: an API function,
// an enumerator, a class, an algorithm spec string, a CryptoAPI ALG_ID or
// an OpenSSL NID
// SPDX-License-Identifier: Apache-2.0
//
// Text only, no AST: exitbar-weak-crypto decides with these what a call,
// constant or type means, and unittests/checks/CryptoNamesTest.cpp pins
// them. Every function answers with one of "MD5", "MD4", "MD2", "SHA-1",
// "DES", "3DES", "RC4", "RC2", "RC5", "Blowfish", "ECB", or "" (not weak).

#ifndef EXITBAR_CHECKS_UTILS_CRYPTONAMES_H
#define EXITBAR_CHECKS_UTILS_CRYPTONAMES_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>

namespace clang::tidy::exitbar::utils {

using llvm::StringRef;

/// True for the weak hashes (MD5, MD4, MD2, SHA-1), false for ciphers and
/// modes.
bool isHash(StringRef Algorithm);

/// The weak algorithm an OpenSSL, mbedTLS or legacy function stands for:
/// algorithmOfFunction("EVP_md5") == "MD5".
StringRef algorithmOfFunction(StringRef Name);

/// The weak algorithm an algorithm name or spec names: "md5", "SHA-1",
/// "des-ede3-cbc", "AES-128/ECB", "HMAC(MD5)", "RC4"; sets \p Hmac when the
/// spec is an HMAC or key-derivation construction.
std::string algorithmOfSpec(StringRef Spec, bool &Hmac);

/// CryptoAPI ALG_ID values (wincrypt.h) of weak algorithms.
StringRef algorithmOfAlgId(int64_t Id);

/// OpenSSL NIDs (obj_mac.h) of weak digests.
StringRef algorithmOfNid(int64_t Nid);

/// Enumerators of weak algorithms in mbedTLS, libgcrypt, GnuTLS and Qt, by
/// qualified name: "::MBEDTLS_MD_MD5", "::QCryptographicHash::Md5".
StringRef algorithmOfEnumerator(StringRef Qualified);

/// Classes of weak algorithms in Crypto++ and Poco, by qualified name:
/// "::CryptoPP::Weak1::MD5".
StringRef algorithmOfClass(StringRef Qualified);

/// Template names whose hash argument is used as an HMAC or key derivation
/// ("::CryptoPP::HMAC").
bool isHmacTemplate(StringRef Qualified);

} // namespace clang::tidy::exitbar::utils

#endif // EXITBAR_CHECKS_UTILS_CRYPTONAMES_H

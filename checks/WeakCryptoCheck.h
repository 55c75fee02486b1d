// WeakCryptoCheck.h - flags broken or weak cryptographic algorithms
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_WEAKCRYPTOCHECK_H
#define EXITBAR_CHECKS_WEAKCRYPTOCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/FileFilter.h"
#include <string>
#include <vector>

namespace clang::tidy::exitbar {

/// Flags use of broken or weak cryptographic algorithms (MD5, MD4, MD2,
/// SHA-1, DES, 3DES, RC4, RC2, RC5, Blowfish, ECB mode) through OpenSSL, the
/// Windows CryptoAPI and CNG, Crypto++, Botan, mbedTLS, libgcrypt, GnuTLS, Qt
/// and Poco.
///
/// For the user-facing documentation see:
/// docs/checks/exitbar-weak-crypto.md
class WeakCryptoCheck : public ClangTidyCheck {
public:
  WeakCryptoCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// Reports \p Algorithm used at \p Use through \p Api, unless an option or
  /// the hash's evident non-security purpose allows it.
  void report(const Expr &Use, StringRef Algorithm, StringRef Api, bool InHmac,
              ASTContext &Ctx);
  bool isAllowed(StringRef Algorithm) const;
  bool hasNonSecurityPurpose(const Expr &Use, ASTContext &Ctx) const;
  bool buildsAnotherMode(const Expr &Use, ASTContext &Ctx) const;

  std::vector<std::string> AllowedAlgorithms;
  std::vector<std::string> NonSecurityNames;
  const utils::FileFilter AllowedFiles;
};

} // namespace clang::tidy::exitbar

#endif // EXITBAR_CHECKS_WEAKCRYPTOCHECK_H

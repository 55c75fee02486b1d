// TlsVerificationDisabledCheck.h - flags turned-off TLS verification
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_TLSVERIFICATIONDISABLEDCHECK_H
#define EXITBAR_CHECKS_TLSVERIFICATIONDISABLEDCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/FileFilter.h"
#include "llvm/ADT/DenseMap.h"
#include <string>
#include <vector>

namespace clang::tidy::exitbar {

/// Flags code that turns off TLS certificate or host-name verification
/// (curl, OpenSSL, wolfSSL, mbedTLS, Boost.Asio, cpp-httplib, cpr, Qt, Poco,
/// gRPC), including verify callbacks that accept every certificate.
///
/// For the user-facing documentation see:
/// docs/checks/exitbar-tls-verification-disabled.md
class TlsVerificationDisabledCheck : public ClangTidyCheck {
public:
  TlsVerificationDisabledCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

  /// Which end of a TLS connection a piece of code sets up, as far as the
  /// translation unit tells.
  enum Role : unsigned { Unknown = 0, Client = 1, Server = 2 };

private:
  /// A finding whose report depends on the role, decided at the end of the
  /// translation unit.
  struct Pending {
    SourceLocation Loc;
    std::string Message;
    std::string Subject;
    const FunctionDecl *Func;
    unsigned ObjectRole;
    /// OpenSSL records the verification result even when the handshake
    /// goes on; a later SSL_get_verify_result check makes this safe.
    bool CheckableLater;
  };

  void report(SourceLocation Loc, StringRef Message, StringRef Subject);
  void reportUnlessServer(SourceLocation Loc, StringRef Message,
                          StringRef Subject, const Stmt &Where,
                          unsigned ObjectRole, ASTContext &Ctx,
                          bool CheckableLater = false);
  void checkCurlOption(const CallExpr &Call, ASTContext &Ctx);
  /// \p Api: the verify function \p Call invokes, directly or through a
  /// pointer.
  void checkOpenSslVerify(const CallExpr &Call, StringRef Api, ASTContext &Ctx);
  void checkCallbackArgument(const Expr &Callback, const Stmt &Where,
                             unsigned ObjectRole, ASTContext &Ctx,
                             bool CheckableLater = false);
  void addEvidence(const Stmt &Where, unsigned Role, ASTContext &Ctx);

  const utils::FileFilter AllowedFiles;
  std::vector<Pending> Deferred;
  llvm::DenseMap<const FunctionDecl *, unsigned> FunctionRoles;
  unsigned UnitRole = Unknown;
  /// The translation unit tests SSL_get_verify_result after the handshake.
  bool ChecksResultLater = false;
};

} // namespace clang::tidy::exitbar

#endif // EXITBAR_CHECKS_TLSVERIFICATIONDISABLEDCHECK_H

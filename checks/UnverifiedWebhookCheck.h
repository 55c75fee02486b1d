// UnverifiedWebhookCheck.h - flags webhooks that trust unsigned bodies
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_UNVERIFIEDWEBHOOKCHECK_H
#define EXITBAR_CHECKS_UNVERIFIEDWEBHOOKCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include <string>
#include <vector>

namespace clang::tidy::exitbar {

/// Flags webhook handlers that use the request body without verifying an
/// HMAC of it, and comparisons of a webhook signature that are not
/// constant-time (`==`, `strcmp`, `memcmp`, `std::string::compare`).
///
/// For the user-facing documentation see:
/// docs/checks/exitbar-unverified-webhook.md
class UnverifiedWebhookCheck : public ClangTidyCheck {
public:
  UnverifiedWebhookCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  bool isSignatureHeader(StringRef Text) const;
  bool isMacFunction(const FunctionDecl &FD) const;
  void checkHandler(const Stmt *Body, SourceLocation Loc, StringRef What,
                    ASTContext &Ctx);

  std::vector<std::string> VerifyFunctions;
  std::vector<std::string> SignatureHeaders;
  std::vector<const void *> Reported;
};

} // namespace clang::tidy::exitbar

#endif // EXITBAR_CHECKS_UNVERIFIEDWEBHOOKCHECK_H

// InsecureTransportCheck.h - flags hard-coded cleartext URLs used in code
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_INSECURETRANSPORTCHECK_H
#define EXITBAR_CHECKS_INSECURETRANSPORTCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/FileFilter.h"
#include <string>
#include <vector>

namespace clang::tidy::exitbar {

/// Flags hard-coded cleartext URLs (`http://`, `ftp://`, `telnet://`,
/// `ws://`, `ldap://`, `mqtt://`) to hosts other than the loopback where the
/// code uses them, not where it only compares, prints or names an XML
/// namespace.
///
/// For the user-facing documentation see:
/// docs/checks/exitbar-insecure-transport.md
class InsecureTransportCheck : public ClangTidyCheck {
public:
  InsecureTransportCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  bool isAllowedHost(StringRef Host) const;

  std::vector<std::string> Schemes;
  std::vector<std::string> AllowedHosts;
  std::vector<std::string> IdentifierHosts;
  const utils::FileFilter AllowedFiles;
};

} // namespace clang::tidy::exitbar

#endif // EXITBAR_CHECKS_INSECURETRANSPORTCHECK_H

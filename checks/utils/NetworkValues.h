// NetworkValues.h - what a network string says: a URL's scheme, host and
// path, a loopback or unspecified host, an address that means every
// interface, a host matching an allow-list pattern
// SPDX-License-Identifier: Apache-2.0
//
// Text only, no AST: exitbar-insecure-transport and
// exitbar-bind-all-interfaces decide with these what a literal means, and
// unittests/checks/NetworkValuesTest.cpp pins them.

#ifndef EXITBAR_CHECKS_UTILS_NETWORKVALUES_H
#define EXITBAR_CHECKS_UTILS_NETWORKVALUES_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::exitbar::utils {

using llvm::StringRef;

/// The parts of a URL that exitbar-insecure-transport looks at.
struct ParsedUrl {
  std::string Scheme; ///< lowercase, e.g. "http"
  std::string Host;   ///< lowercase, brackets kept for IPv6
  std::string Path;   ///< from the first '/' after the host
};

/// \p Text as a URL of one of \p Schemes (lowercase), user info and port
/// left out; nothing when it is not one.
std::optional<ParsedUrl> parseUrl(StringRef Text,
                                  const std::vector<std::string> &Schemes);

/// True for hosts that stay on this machine: localhost (and *.localhost),
/// 127.x.y.z, [::1], and the unspecified 0.0.0.0 and [::], which connect
/// locally.
bool isLoopbackHost(StringRef Host);

/// True for URLs that follow the naming conventions of XML namespaces and
/// schemas: a path segment such as ns/, schema/, xmlns/ or a .dtd/.xsd file.
bool looksLikeIdentifierPath(StringRef Path);

/// True when \p Host is \p Pattern or, for "*.example.org" or
/// ".example.org", a subdomain of it; case-insensitive.
bool hostMatches(StringRef Host, StringRef Pattern);

/// What to use instead of \p Scheme: "https://" for "http".
StringRef secureScheme(StringRef Scheme);

/// True when \p Host (no port, no brackets) is the unspecified address:
/// "*", "0.0.0.0", "::", "0:0:0:0:0:0:0:0".
bool isUnspecifiedHost(StringRef Host);

/// True when \p Spec names every interface: "0.0.0.0", "::", "[::]:8080",
/// "0.0.0.0:50051", "*:9080" or a URL such as "tcp://*:5555".
bool isAnyAddressSpec(StringRef Spec);

} // namespace clang::tidy::exitbar::utils

#endif // EXITBAR_CHECKS_UTILS_NETWORKVALUES_H

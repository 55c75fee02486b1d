// NetworkValues.cpp - what a network string says
// SPDX-License-Identifier: Apache-2.0

#include "utils/NetworkValues.h"
#include "utils/Compat.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::exitbar::utils {

std::optional<ParsedUrl> parseUrl(StringRef Text,
                                  const std::vector<std::string> &Schemes) {
  size_t Sep = Text.find("://");
  if (Sep == StringRef::npos || Sep == 0)
    return std::nullopt;
  std::string Scheme = Text.take_front(Sep).lower();
  if (!llvm::is_contained(Schemes, Scheme))
    return std::nullopt;
  StringRef Rest = Text.drop_front(Sep + 3);
  size_t End = Rest.find_first_of("/?#");
  StringRef Authority = Rest.take_front(End);
  StringRef Path = End == StringRef::npos ? "" : Rest.drop_front(End);
  size_t At = Authority.rfind('@');
  if (At != StringRef::npos)
    Authority = Authority.drop_front(At + 1);
  StringRef Host;
  if (compat::startsWith(Authority, "[")) {
    size_t Close = Authority.find(']');
    Host =
        Close == StringRef::npos ? Authority : Authority.take_front(Close + 1);
  } else {
    Host = Authority.split(':').first;
  }
  return ParsedUrl{Scheme, Host.lower(), Path.str()};
}

bool isLoopbackHost(StringRef Host) {
  return Host == "localhost" || compat::endsWith(Host, ".localhost") ||
         compat::startsWith(Host, "127.") || Host == "[::1]" ||
         Host == "0.0.0.0" || Host == "[::]" || Host == "[0:0:0:0:0:0:0:1]";
}

/// True for URLs that follow the naming conventions of XML namespaces and
/// schemas: a path segment such as ns/, schema/, xmlns/ or a .dtd/.xsd file.
bool looksLikeIdentifierPath(StringRef Path) {
  std::string Lower = Path.lower();
  StringRef L(Lower);
  if (compat::endsWith(L, ".dtd") || compat::endsWith(L, ".xsd") ||
      compat::endsWith(L, ".rng") || compat::endsWith(L, ".ent"))
    return true;
  llvm::SmallVector<StringRef, 8> Segments;
  L.split(Segments, '/', -1, false);
  for (StringRef Segment : Segments) {
    Segment = Segment.split('#').first;
    if (llvm::StringSwitch<bool>(Segment)
            .Cases("ns", "namespace", "namespaces", "xmlns", "schema", true)
            .Cases("schemas", "dtd", "xsd", "rdf", true)
            .Default(false))
      return true;
  }
  return false;
}

bool hostMatches(StringRef Host, StringRef Pattern) {
  std::string Lower = Pattern.lower();
  StringRef P(Lower);
  P.consume_front("*");
  if (compat::startsWith(P, "."))
    return compat::endsWith(Host, P) || Host == P.drop_front();
  return Host == P || compat::endsWith(Host, "." + Lower);
}

StringRef secureScheme(StringRef Scheme) {
  return llvm::StringSwitch<StringRef>(Scheme)
      .Case("http", "https://")
      .Case("ftp", "sftp:// or ftps://")
      .Case("telnet", "ssh")
      .Case("ws", "wss://")
      .Case("ldap", "ldaps://")
      .Case("mqtt", "mqtts://")
      .Default("an encrypted protocol");
}

/// True when \p Host (no port, no brackets) is the unspecified address.
bool isUnspecifiedHost(StringRef Host) {
  if (Host == "*" || Host == "0.0.0.0")
    return true;
  // "::", "::0", "0:0:0:0:0:0:0:0": only zero groups.
  return Host.contains(':') && Host.find_first_not_of("0:") == StringRef::npos;
}

/// True when \p Spec names every interface: "0.0.0.0", "::", "[::]:8080",
/// "0.0.0.0:50051", "*:9080" or a URL such as "tcp://*:5555".
bool isAnyAddressSpec(StringRef Spec) {
  Spec = Spec.trim();
  size_t Scheme = Spec.find("://");
  if (Scheme != StringRef::npos)
    Spec = Spec.drop_front(Scheme + 3).split('/').first;
  if (Spec.consume_front("[")) {
    size_t Close = Spec.find(']');
    return Close != StringRef::npos &&
           isUnspecifiedHost(Spec.take_front(Close));
  }
  if (Spec.count(':') >= 2)
    return isUnspecifiedHost(Spec);
  return isUnspecifiedHost(Spec.split(':').first);
}

} // namespace clang::tidy::exitbar::utils

// Match.h - whether one version of a package lies in an OSV affected entry
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_VULN_MATCH_H
#define EXITBAR_VULN_MATCH_H

#include "exitbar/Vulnerabilities.h"
#include "vuln/VersionOrder.h"
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace exitbar::vuln {

/// A parsed package URL (https://github.com/package-url/purl-spec).
struct Purl {
  std::string Type, Namespace, Name, Version;
  std::map<std::string, std::string> Qualifiers;
  /// "type/namespace/name": the package without version and qualifiers.
  std::string base() const;
};

/// Parses "pkg:type/namespace/name@version?qualifiers#subpath", decoding
/// percent escapes; nothing when it is not a purl.
/// Example: parsePurl("pkg:deb/debian/zlib1g@1%3A1.2.13-1?arch=amd64")
std::optional<Purl> parsePurl(std::string_view Text);

/// The ordering of an ECOSYSTEM range in \p Ecosystem ("Debian:12" ->
/// Dpkg). Ecosystems whose ordering ExitBar does not know (PyPI, Maven,
/// ...) get Exact: only versions listed verbatim match, by design (see
/// docs/vulnerabilities.md), rather than a guessed order.
/// Example: ecosystemScheme("Debian:12") == VersionScheme::Dpkg
VersionScheme ecosystemScheme(std::string_view Ecosystem);

/// What evaluating one affected entry found.
struct AffectedMatch {
  bool Affected = false;
  std::string Fixed; ///< the next fixed version above the one checked, or ""
};

/// Whether \p Version is affected by \p A: listed in versions[], or inside
/// one of its ECOSYSTEM/SEMVER ranges (GIT ranges name commits, not
/// versions, and are skipped). With \p SemverOnly, ECOSYSTEM ranges are
/// skipped too (a match by name only: the ecosystem is someone else's).
/// Example: evaluateAffected(A, "1:1.2.13.dfsg-1", false).Affected
AffectedMatch evaluateAffected(const OsvAffected &A, const std::string &Version,
                               bool SemverOnly);

/// The Debian release major number of a purl distro qualifier or an OSV
/// ecosystem suffix: "debian-12.4" -> "12", "bookworm" -> "12", "12" ->
/// "12"; "" when unknown.
/// Example: debianRelease("bookworm") == "12"
std::string debianRelease(std::string_view Distro);

} // namespace exitbar::vuln

#endif // EXITBAR_VULN_MATCH_H

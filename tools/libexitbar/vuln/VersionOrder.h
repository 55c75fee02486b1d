// VersionOrder.h - how package versions compare: dpkg, SemVer 2.0, exact
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_VULN_VERSIONORDER_H
#define EXITBAR_VULN_VERSIONORDER_H

#include <optional>
#include <string_view>

namespace exitbar::vuln {

/// The ordering a version range is evaluated with.
enum class VersionScheme {
  Dpkg,   ///< Debian and Ubuntu: dpkg --compare-versions
  Semver, ///< SemVer 2.0 (leading "v" tolerated)
  Exact,  ///< order unknown: only equality is meaningful
};

/// Compares two Debian versions ([epoch:]upstream[-revision]) exactly as
/// dpkg does: <0, 0 or >0. Every string has a place in this order.
/// Example: compareDpkg("1.0~rc1", "1.0") < 0
int compareDpkg(std::string_view A, std::string_view B);

/// Compares two SemVer 2.0 versions (build metadata ignored, a leading "v"
/// and missing minor/patch numbers tolerated); nothing when either is not
/// a version.
/// Example: *compareSemver("1.0.0-alpha", "1.0.0") < 0
std::optional<int> compareSemver(std::string_view A, std::string_view B);

/// Compares \p A and \p B under \p Scheme; nothing when the scheme cannot
/// order them (Exact with different strings, or unparsable SemVer).
/// Example: compareVersions(VersionScheme::Exact, "1.0", "1.0") == 0
std::optional<int> compareVersions(VersionScheme Scheme, std::string_view A,
                                   std::string_view B);

} // namespace exitbar::vuln

#endif // EXITBAR_VULN_VERSIONORDER_H

// Dpkg.h - which installed Debian package owns a file, read from the dpkg
// database
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_SBOM_DPKG_H
#define EXITBAR_SBOM_DPKG_H

#include <map>
#include <string>
#include <vector>

namespace exitbar::sbom {

/// An installed Debian package (one stanza of /var/lib/dpkg/status).
struct DebPackage {
  std::string Name, Version, Architecture, Maintainer, Homepage;
  /// The source package it was built from ("" when it is its own source),
  /// and that source's version when it differs from Version: the status
  /// file's `Source: name (version)` (binNMUs, packages versioned apart).
  std::string Source, SourceVersion;
};

/// The part of the dpkg database that owns a given set of paths: read
/// directly (status and info/*.list), without running dpkg-query.
class DpkgDatabase {
public:
  /// Reads \p Root (normally /var/lib/dpkg), keeping only the owners of
  /// \p Paths (absolute; /lib and /usr/lib are the same folder on merged-/usr
  /// systems). A missing database gives an empty one.
  /// Example: auto Db = DpkgDatabase::load("/var/lib/dpkg",
  /// {"/usr/lib/x86_64-linux-gnu/libz.so"});
  static DpkgDatabase load(const std::string &Root,
                           const std::vector<std::string> &Paths);

  /// The packages that list \p Path (a folder may be listed by several).
  std::vector<const DebPackage *> ownersOf(const std::string &Path) const;

private:
  std::map<std::string, DebPackage> Packages; ///< by "name:arch" or "name"
  std::map<std::string, std::vector<std::string>> Owners; ///< path -> keys
};

/// The path as dpkg may list it on a merged-/usr system (/usr/lib/x <->
/// /lib/x), or "" when there is no other spelling.
std::string mergedUsrAlias(const std::string &Path);

} // namespace exitbar::sbom

#endif // EXITBAR_SBOM_DPKG_H

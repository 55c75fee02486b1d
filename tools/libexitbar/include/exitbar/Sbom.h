// Sbom.h - software bill of materials: components, dependency graph,
// completeness
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_SBOM_H
#define EXITBAR_SBOM_H

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace exitbar {

/// One component of an SBOM: a target of the project or something it uses.
struct SbomComponent {
  /// Stable identity, the CycloneDX bom-ref: the purl for packages,
  /// "target:<name>" for targets of the project.
  std::string Ref;
  std::string Name;
  std::string Version;
  std::string Type = "library"; ///< CycloneDX type: application, library
  std::string Purl;
  std::string Supplier; ///< organisation or person that supplies it
  std::string Author;
  /// Where it came from: "target", "deb", "find_package", "fetchcontent",
  /// "vcpkg", "conan".
  std::string Origin;
  std::string DownloadLocation; ///< URL (FetchContent) or ""
  std::string License;          ///< SPDX expression or ""
  std::string File;   ///< the built artifact, relative to the build folder
  std::string Sha256; ///< of File, lower-case hex
  std::string Sha1;
  std::vector<std::string> Sources;   ///< source files, when asked for
  std::vector<std::string> DependsOn; ///< refs, sorted, unique
  /// Extra facts ("cmake:target-type", "dpkg:arch", ...), sorted by name.
  std::map<std::string, std::string> Properties;
};

/// A whole SBOM, or a fragment of one (e.g. one target's component and its
/// external dependencies); fragments merge into the document.
struct SbomDocument {
  SbomComponent Root;                    ///< the project (metadata component)
  std::vector<SbomComponent> Components; ///< sorted by Ref after normalize()
  std::vector<std::string> Authors;
  std::string Supplier;
  std::string Timestamp; ///< RFC 3339 UTC
  std::string ToolVersion = "0.1.0";

  /// Sorts components by Ref and merges those with the same Ref (their
  /// edges, sources and properties unite; empty fields take the other's).
  void normalize();
  /// Adds \p Other's components; associative and order-independent after
  /// normalize(). Example: Doc.merge(fragmentOf(Target));
  void merge(const SbomDocument &Other);
  /// The component with \p Ref, or nullptr.
  const SbomComponent *find(const std::string &Ref) const;
};

/// The NTIA minimum elements one component lacks.
struct SbomComponentCheck {
  std::string Ref;
  std::string Name;
  std::string Origin;
  /// Of "supplier", "name", "version", "unique identifier",
  /// "dependency relationship".
  std::vector<std::string> Missing;
};

/// evidence/sbom.json: where the SBOM was written and how complete it is.
struct SbomEvidence {
  std::string CycloneDx; ///< path of the CycloneDX document written
  std::string Spdx;      ///< path of the SPDX document written
  int Components = 0;    ///< components besides the project itself
  int Edges = 0;         ///< dependency relationships
  bool HasAuthor = false;
  bool HasTimestamp = false;
  /// One entry per component (the project first), complete ones included.
  std::vector<SbomComponentCheck> Checks;
  /// Components with at least one missing element (document-level author
  /// and timestamp count against every component).
  int incomplete() const;
  /// How complete the SBOM is, in words that add up: "the project and 2
  /// components, 2 of the 3 incomplete (2 without a supplier, 1 without a
  /// version)"; "..., all complete"; "..., all 3 incomplete (the document
  /// has no author; ...)".
  /// Example: fmt::print("sbom: {}\n", E.completeness());
  std::string completeness() const;
};

} // namespace exitbar

#endif // EXITBAR_SBOM_H

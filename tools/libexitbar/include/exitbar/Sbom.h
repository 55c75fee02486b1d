// Sbom.h - software bill of materials: components, dependency graph,
// completeness
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_SBOM_H
#define EXITBAR_SBOM_H

#include "exitbar/Env.h"
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <ostream>
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

/// Checks \p Doc against the NTIA minimum elements.
/// Example: SbomEvidence E = checkSbom(Doc);
SbomEvidence checkSbom(const SbomDocument &Doc);

/// SBOM components united by ref; a component lacks an NTIA element when
/// any shard found it lacking; the document elements hold only when they
/// hold in both.
/// Example: SbomEvidence S = mergeSbom(Shard1, Shard2);
SbomEvidence mergeSbom(const SbomEvidence &A, const SbomEvidence &B);

/// evidence/sbom.json, written and read (schema and members checked;
/// Error with the file and JSON pointer otherwise).
void to_json(nlohmann::json &J, const SbomEvidence &E);
SbomEvidence sbomFromJson(const nlohmann::json &J, const std::string &File);

/// Writes CycloneDX 1.5 JSON. Example: writeCycloneDx(Doc, Out);
void writeCycloneDx(const SbomDocument &Doc, std::ostream &Out);
/// Writes SPDX 2.3 JSON. Example: writeSpdx(Doc, Out);
void writeSpdx(const SbomDocument &Doc, std::ostream &Out);

/// A package URL with the characters purl-spec reserves percent-encoded.
/// Example: makePurl("deb", "debian", "libssl3", "3.0.11-1", {{"arch",
/// "amd64"}})
std::string makePurl(const std::string &Type, const std::string &Namespace,
                     const std::string &Name, const std::string &Version,
                     const std::map<std::string, std::string> &Qualifiers = {});

/// What `exitbar collect sbom` reads and writes.
struct SbomOptions {
  std::string BuildDir;
  std::string SourceDir;      ///< "" the reply's source folder
  std::string Configuration;  ///< multi-config generators; "" first
  std::string ReleaseVersion; ///< overrides project(VERSION)
  std::string Supplier;
  std::string Author;
  bool WithSources = false;
  std::string DpkgRoot = "/var/lib/dpkg"; ///< "" to skip the mapping
  /// Run `cmake <build>` when the File API reply is missing or stale.
  bool Refresh = true;
  /// The cmake that refreshes the reply: found in PATH by default, never
  /// the CMAKE_COMMAND recorded in the build tree's CMakeCache.txt.
  std::string CMakeCommand = "cmake";
  /// Where each target's own SBOM (CycloneDX, the target as its metadata
  /// component) is written as <target>.cdx.json; "" writes none.
  std::string FragmentsDir;
};

/// Builds the SBOM of a build tree: one fragment per target (with its
/// Debian, find_package and FetchContent dependencies), merged; plus
/// vcpkg.json / conanfile.txt of the source folder.
/// Example: SbomDocument D = collectSbom({"build"}, Env::process());
SbomDocument collectSbom(const SbomOptions &Options, const Env &Environment);

} // namespace exitbar

#endif // EXITBAR_SBOM_H

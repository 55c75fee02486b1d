// SbomBuild.h - the SBOM of a build tree, and the documents written from it
// (CycloneDX, SPDX)
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_SBOMBUILD_H
#define EXITBAR_SBOMBUILD_H

#include "exitbar/Env.h"
#include "exitbar/Sbom.h"
#include <map>
#include <ostream>
#include <string>

namespace exitbar {

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

#endif // EXITBAR_SBOMBUILD_H

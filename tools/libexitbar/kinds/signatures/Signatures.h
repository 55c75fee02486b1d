// Signatures.h - the signatures evidence kind inside the library: its
// collector and its JSON
// SPDX-License-Identifier: Apache-2.0
//
// The types are public (exitbar/Signatures.h): the gate's attestation and
// `exitbar verify` use them. Schema: docs/evidence-schema/signatures.md.

#ifndef EXITBAR_KINDS_SIGNATURES_SIGNATURES_H
#define EXITBAR_KINDS_SIGNATURES_SIGNATURES_H

#include "exitbar/Signatures.h"
#include "exitbar/Signing.h"
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace exitbar {

struct FileApiReply;

/// A file whose signature the gate checks.
struct ArtifactRef {
  std::string Path;   ///< absolute, or relative to the current folder
  std::string Target; ///< the CMake target that builds it, or ""
  std::string Kind;   ///< see ArtifactSignature::Kind
};

/// What `collect signatures` checks.
struct SignaturesOptions {
  /// Paths inside it are recorded relative to it.
  std::string BuildDir;
  std::vector<ArtifactRef> Artifacts;
  /// Files or globs (`*`, `?`, `[...]`; `*` crosses `/`), each with the
  /// folder it is relative to; a pattern without wildcards that matches
  /// nothing is recorded as a missing artifact.
  std::vector<std::pair<std::string, std::string>> Patterns;
  TrustOptions Trust;
};

/// Checks every artifact; the evidence is sorted and de-duplicated by path.
/// Throws Error for unreadable keys or an unreadable artifact.
/// Example: auto E = collectSignatures(Options);
SignaturesEvidence collectSignatures(const SignaturesOptions &Options);

/// Reads the artifact list the CMake package writes at generate time, one
/// `<kind>\t<target>\t<path>` line per artifact. Throws Error
/// (input.artifacts.invalid) naming the line.
std::vector<ArtifactRef> readArtifactList(std::string_view Text,
                                          const std::string &File);

/// The executables and shared, module and static libraries that the
/// targets of a File API reply build (all of them, or those named in
/// \p Targets; an unknown name is an Error, input.artifacts.target).
/// Example: auto A = artifactsFromFileApi(readFileApiReply("build"), {});
std::vector<ArtifactRef>
artifactsFromFileApi(const FileApiReply &Reply,
                     const std::vector<std::string> &Targets);

/// evidence/signatures.json, written and read (schema and members checked;
/// Error with the file and JSON pointer otherwise).
void to_json(nlohmann::json &J, const SignaturesEvidence &E);
SignaturesEvidence signaturesFromJson(const nlohmann::json &J,
                                      const std::string &File);

} // namespace exitbar

#endif // EXITBAR_KINDS_SIGNATURES_SIGNATURES_H

// Kustomize.h - Kustomize overlays built offline for the deployment scan
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_COLLECT_KUSTOMIZE_H
#define EXITBAR_COLLECT_KUSTOMIZE_H

#include "formats/yaml/Read.h"
#include <filesystem>
#include <set>
#include <utility>
#include <vector>

namespace exitbar {

/// What `kustomize build` of each kustomization in a tree gives, as far as
/// the deployment scan needs it.
struct KustomizeBuilds {
  /// Files kustomizations use as patches: partial objects, never applied
  /// on their own, so not scanned as manifests.
  std::set<std::filesystem::path> PatchFiles;
  /// The objects of every kustomization that patches something, after its
  /// patches. Their nodes' Line is an index into Origins.
  std::vector<formats::YamlNode> Patched;
  /// The kustomization file that built each object of Patched.
  std::vector<std::filesystem::path> PatchedBy;
  /// The file and line each node of Patched came from.
  std::vector<std::pair<std::filesystem::path, int>> Origins;
};

/// Builds the kustomizations \p Files (kustomization.yaml files): their
/// resources (files, and folders with a kustomization of their own, built
/// first), then their components (whose resources join and whose patches
/// apply to everything gathered so far), then their strategic-merge and
/// JSON 6902 patches (`patches`, `patchesStrategicMerge`,
/// `patchesJson6902`). Remote resources and components are left out, and
/// so is anything outside \p Root (a kustomization must not make the scan
/// read other files).
/// Never throws: what cannot be read is left out.
KustomizeBuilds
buildKustomizations(const std::vector<std::filesystem::path> &Files,
                    const std::filesystem::path &Root);

} // namespace exitbar

#endif // EXITBAR_COLLECT_KUSTOMIZE_H

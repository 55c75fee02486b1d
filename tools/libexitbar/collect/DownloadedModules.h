// DownloadedModules.h - registry and remote Terraform modules `terraform
// init` downloaded, for the deployment scan
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_COLLECT_DOWNLOADEDMODULES_H
#define EXITBAR_COLLECT_DOWNLOADEDMODULES_H

#include "formats/hcl/Read.h"
#include <filesystem>
#include <string>
#include <vector>

namespace exitbar {

/// A `module` block whose source is a registry or remote address, and the
/// folder `terraform init` downloaded that module's code into.
struct DownloadedModuleCall {
  formats::HclBlock Call; ///< the block, with the arguments it passes
  std::string Source;     ///< as written, e.g. "terraform-aws-modules/vpc/aws"
  std::filesystem::path Dir; ///< .terraform/modules/<key> of the caller
};

/// True when a module `source` names code outside the tree: anything but a
/// local path (`./network`, `../modules/sg`).
bool isRemoteModuleSource(const std::string &Source);

/// The calls in \p Blocks (the blocks of a file in \p CallerDir) of
/// registry and remote modules that the caller folder's
/// `.terraform/modules/modules.json` (written by `terraform init`) lists
/// with a folder. Only folders inside `<CallerDir>/.terraform/modules` are
/// returned: a manifest must not make the scan read other files. Without a
/// manifest, or with one that cannot be read, there are none: the module's
/// code is not in the tree.
std::vector<DownloadedModuleCall>
downloadedModuleCalls(const std::vector<formats::HclBlock> &Blocks,
                      const std::filesystem::path &CallerDir);

} // namespace exitbar

#endif // EXITBAR_COLLECT_DOWNLOADEDMODULES_H

// DownloadedModules.cpp - registry and remote Terraform modules `terraform
// init` downloaded, for the deployment scan
// SPDX-License-Identifier: Apache-2.0

#include "collect/DownloadedModules.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include <map>

namespace fs = std::filesystem;

namespace exitbar {
namespace {

/// The manifest's module keys and folders ("vpc" -> .terraform/modules/vpc),
/// resolved and kept only inside \p Modules.
std::map<std::string, fs::path> manifestFolders(const fs::path &CallerDir,
                                                const fs::path &Modules) {
  std::map<std::string, fs::path> Out;
  fs::path Manifest = Modules / "modules.json";
  std::error_code Ec;
  if (!fs::is_regular_file(Manifest, Ec))
    return Out;
  nlohmann::json J;
  try {
    J = parseJsonText(readFile(Manifest.string()), Manifest.string());
  } catch (const Error &) {
    return Out;
  }
  if (!J.is_object() || !J.contains("Modules") || !J["Modules"].is_array())
    return Out;
  fs::path Inside = fs::weakly_canonical(Modules, Ec);
  for (const nlohmann::json &M : J["Modules"]) {
    if (!M.is_object() || !M.contains("Key") || !M.contains("Dir") ||
        !M["Key"].is_string() || !M["Dir"].is_string())
      continue;
    // Dir is relative to the folder terraform ran in.
    fs::path Dir =
        fs::weakly_canonical(CallerDir / M["Dir"].get<std::string>(), Ec);
    std::string Relative = Dir.lexically_relative(Inside).generic_string();
    if (Ec || Relative.empty() || Relative == "." ||
        Relative.rfind("..", 0) == 0 || !fs::is_directory(Dir, Ec))
      continue;
    Out[M["Key"].get<std::string>()] = Dir;
  }
  return Out;
}

} // namespace

bool isRemoteModuleSource(const std::string &Source) {
  return Source.rfind("./", 0) != 0 && Source.rfind("../", 0) != 0;
}

std::vector<DownloadedModuleCall>
downloadedModuleCalls(const std::vector<formats::HclBlock> &Blocks,
                      const fs::path &CallerDir) {
  std::vector<DownloadedModuleCall> Out;
  std::map<std::string, fs::path> Folders;
  bool Read = false;
  for (const formats::HclBlock &B : Blocks) {
    const formats::HclAttribute *Source = B.attribute("source");
    if (B.Type != "module" || B.Labels.empty() || !Source)
      continue;
    std::vector<std::string> Address = formats::hclStrings(Source->Expression);
    if (Address.empty() || Address[0].empty() ||
        !isRemoteModuleSource(Address[0]))
      continue;
    if (!Read) {
      Folders =
          manifestFolders(CallerDir, CallerDir / ".terraform" / "modules");
      Read = true;
    }
    // A call from the root module is keyed by its label; calls inside a
    // downloaded module ("vpc.subnets") are not followed.
    auto It = Folders.find(B.Labels[0]);
    if (It != Folders.end())
      Out.push_back({B, Address[0], It->second});
  }
  return Out;
}

} // namespace exitbar

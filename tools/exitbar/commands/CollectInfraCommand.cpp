// CollectInfraCommand.cpp - `exitbar collect infra`: deployment files
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/Findings.h"
#include "exitbar/Infra.h"
#include <filesystem>
#include <fmt/core.h>

namespace exitbar::cli {

void addCollectInfra(CLI::App &Collect, Context &Ctx) {
  struct Args {
    InfraOptions Options;
    std::string BuildDir, Output;
  };
  auto A = std::make_shared<Args>();
  CLI::App *Cmd = Collect.add_subcommand(
      "infra",
      "Scan the deployment files of the source tree (Terraform/OpenTofu, "
      "Kubernetes manifests, Dockerfiles, Compose files) for administrative "
      "ports open to the Internet, privileged or root containers and ports "
      "published on every interface; writes a findings fragment that "
      "`collect findings` merges with the checks' findings.\n"
      "Example: exitbar collect infra --source-dir . --build-dir build");
  Cmd->add_option("--source-dir", A->Options.SourceDir, "Project source folder")
      ->required();
  Cmd->add_option("--build-dir", A->BuildDir,
                  "The CMake build tree: the fragment goes to "
                  "<build>/exitbar/fragments/findings/infra.json");
  Cmd->add_option("--exclude", A->Options.Exclude,
                  "Leave out paths matching this glob, relative to the "
                  "source folder (repeatable)");
  Cmd->add_option("-o,--output", A->Output,
                  "Fragment file (instead of the build tree's)");
  Cmd->callback([A, &Ctx] {
    if (A->BuildDir.empty() && A->Output.empty())
      throw Error("usage.infra.no-output", "", "",
                  "give --build-dir (the fragment goes into its findings "
                  "fragments) or -o FILE");
    std::vector<std::string> Warnings;
    FindingsEvidence E = collectInfra(A->Options, &Warnings);
    for (const std::string &Warning : Warnings)
      fmt::print(stderr, "exitbar: warning: {}\n", Warning);
    std::string Out =
        !A->Output.empty()
            ? A->Output
            : (std::filesystem::path(findingsFragmentDir(A->BuildDir)) /
               "infra.json")
                  .string();
    writeFileAtomically(Out, dumpCanonical(nlohmann::json(E)));
    fmt::print("infra: {} findings in deployment files -> {}\n",
               E.Findings.size(), Out);
    Ctx.Exit = Success;
  });
}

} // namespace exitbar::cli

// CollectCommand.cpp - `exitbar collect <kind>`: raw inputs to evidence files
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/Findings.h"
#include <filesystem>
#include <fmt/core.h>

namespace exitbar::cli {

static std::string defaultEvidencePath(const std::string &BuildDir,
                                       const char *Kind) {
  return (std::filesystem::path(BuildDir) / "exitbar" / "evidence" /
          (std::string(Kind) + ".json"))
      .string();
}

static void addCollectFindings(CLI::App &Collect, Context &Ctx) {
  struct Args {
    std::string BuildDir;
    std::string Output;
  };
  auto A = std::make_shared<Args>();
  CLI::App *Cmd = Collect.add_subcommand(
      "findings",
      "Merge the exitbar-* findings of every translation unit of a build "
      "into evidence/findings.json.\n"
      "Example: exitbar collect findings --build-dir build");
  Cmd->add_option("--build-dir", A->BuildDir, "The CMake build tree")
      ->required();
  Cmd->add_option("-o,--output", A->Output,
                  "Evidence file (default <build>/exitbar/evidence/"
                  "findings.json)");
  Cmd->callback([A, &Ctx] {
    FindingsEvidence E = collectFindings(findingsFragmentDir(A->BuildDir));
    std::string Out =
        A->Output.empty() ? defaultEvidencePath(A->BuildDir, "findings")
                          : A->Output;
    writeFileAtomically(Out, dumpCanonical(nlohmann::json(E)));
    int Counts[4] = {0, 0, 0, 0};
    for (const Finding &F : E.Findings)
      ++Counts[static_cast<int>(F.Level)];
    fmt::print("findings: {} (critical {}, high {}, medium {}, low {}) from {} "
               "translation units -> {}\n",
               E.Findings.size(), Counts[0], Counts[1], Counts[2], Counts[3],
               E.TranslationUnits, Out);
    Ctx.Exit = Success;
  });
}

void addCollectCommand(CLI::App &App, Context &Ctx) {
  CLI::App *Collect = App.add_subcommand(
      "collect", "Turn one family of raw inputs into an evidence file.\n"
                 "Example: exitbar collect findings --build-dir build");
  Collect->require_subcommand(1);
  addCollectFindings(*Collect, Ctx);
}

} // namespace exitbar::cli

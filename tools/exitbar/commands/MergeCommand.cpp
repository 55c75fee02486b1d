// MergeCommand.cpp - `exitbar merge`: CI shards' evidence folders into one
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/Merge.h"
#include <fmt/core.h>

namespace exitbar::cli {

void addMergeCommand(CLI::App &App, Context &Ctx) {
  auto Options = std::make_shared<MergeOptions>();
  auto Output = std::make_shared<std::string>();
  CLI::App *Cmd = App.add_subcommand(
      "merge",
      "Merge the evidence folders of CI shards (a GitHub Actions matrix, "
      "GitLab parallel:) into one for the gate: findings united by "
      "fingerprint, coverage summed per line, test results united (failed "
      "in one shard and passed in another: flaky), SBOM components "
      "united. Prints the run id to give `exitbar gate --run-id`.\n"
      "Example: exitbar merge shard-1/evidence shard-2/evidence -o "
      "merged/evidence");
  Cmd->add_option("shards", Options->ShardDirs, "Evidence folders of shards")
      ->required();
  Cmd->add_option("-o,--output", *Output, "Merged evidence folder")->required();
  Cmd->add_option("--run-id", Options->RunId,
                  "Every shard's evidence must record this run (the "
                  "pipeline's id); the merge records it too")
      ->check(runIdValidator());
  Cmd->callback([Options, Output, &Ctx] {
    MergeResult R = mergeEvidenceDirs(*Options);
    writeMergedEvidence(R, *Output);
    for (const auto &[Name, Shards] : R.ShardsPerFile)
      fmt::print("merge: {} from {} of {} shards\n", Name, Shards,
                 Options->ShardDirs.size());
    if (!R.RunId.empty())
      fmt::print("merge: run id {} ({} shard runs)\n", R.RunId,
                 R.MergedRuns.size());
    else
      fmt::print("merge: no run id (the shards record none)\n");
    Ctx.Exit = Success;
  });
}

} // namespace exitbar::cli

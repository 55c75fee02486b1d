// BaselineCommand.cpp - `exitbar baseline update`: accept today's findings
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/Verdict.h"
#include <filesystem>
#include <fmt/core.h>

namespace exitbar::cli {

void addBaselineCommand(CLI::App &App, Context &Ctx) {
  CLI::App *Baseline = App.add_subcommand(
      "baseline", "Record today's findings so the gate counts only new ones.\n"
                  "Example: exitbar baseline update --evidence "
                  "build/exitbar/evidence -o exitbar-baseline.json");
  Baseline->require_subcommand(1);
  auto Evidence = std::make_shared<std::string>("exitbar/evidence");
  auto Output = std::make_shared<std::string>("exitbar-baseline.json");
  CLI::App *Update = Baseline->add_subcommand(
      "update", "Write a baseline of every finding in the evidence.\n"
                "Example: exitbar baseline update --evidence "
                "build/exitbar/evidence -o exitbar-baseline.json");
  Update->add_option("--evidence", *Evidence,
                     "Evidence folder (default exitbar/evidence)");
  Update->add_option("-o,--output", *Output,
                     "Baseline file (default exitbar-baseline.json)");
  Update->callback([Evidence, Output, &Ctx] {
    std::string Path =
        (std::filesystem::path(*Evidence) / "findings.json").string();
    FindingsEvidence E = parseFindingsEvidence(readFile(Path), Path);
    writeFileAtomically(*Output, baselineToJson(E));
    fmt::print("baseline: {} findings -> {}\n", E.Findings.size(), *Output);
    Ctx.Exit = Success;
  });
}

} // namespace exitbar::cli

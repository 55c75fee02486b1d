// GateCommand.cpp - `exitbar gate`: apply the policy, write verdict and reports
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/Pipeline.h"
#include <filesystem>
#include <fmt/color.h>
#include <fmt/core.h>

namespace fs = std::filesystem;

namespace exitbar::cli {

namespace {

void printSummary(const Verdict &V, const std::string &ReportDir, bool Color) {
  fmt::text_style Style;
  if (Color)
    Style = fmt::emphasis::bold |
            fmt::fg(V.Result == Status::Go            ? fmt::color::green
                    : V.Result == Status::Conditional ? fmt::color::yellow
                                                      : fmt::color::red);
  fmt::print("exitbar: {}  readiness {:.0f} %  must-pass {}/{}  should-pass "
             "{}/{}\n",
             fmt::styled(toString(V.Result), Style), V.ReadinessScore,
             V.MustPassed, V.MustTotal, V.ShouldPassed, V.ShouldTotal);
  for (const std::string &Line : V.StaleEvidence)
    fmt::print("  stale evidence, not counted: {}\n", Line);
  for (const CriterionResult &R : V.Criteria) {
    if (R.Passed)
      continue;
    fmt::print("  {} {}: {}\n",
               R.Rule.Required == Level::Must ? "blocking" : "warning ",
               R.Rule.Id, R.Detail);
    for (const std::string &Item : R.Items)
      fmt::print("      {}\n", Item);
  }
  fmt::print("report: {}\n", (fs::path(ReportDir) / "report.md").string());
}

} // namespace

void reportGateOutcome(const GateOutcome &Outcome, Context &Ctx) {
  printSummary(Outcome.Result, Outcome.ReportDir, useColor(Ctx, stdout));
  printWarnings(Outcome.Result.Warnings);
  if (!Outcome.Attestation.empty())
    fmt::print("attestation: {}\n", Outcome.Attestation);
  Ctx.Exit = Outcome.Fails ? CheckFailed : Success;
}

void addGateCommand(CLI::App &App, Context &Ctx) {
  auto A = std::make_shared<GateSettings>();
  auto FailOn = std::make_shared<std::string>("no-go");
  CLI::App *Cmd = App.add_subcommand(
      "gate", "Apply the policy to the evidence; write verdict.json, "
              "report.md, report.html, exitbar.sarif, exitbar-junit.xml, "
              "gl-code-quality-report.json and gl-sast-report.json; "
              "exit 0 GO/CONDITIONAL, 1 NO_GO, 2 bad input.\n"
              "Example: exitbar gate --evidence build/exitbar/evidence");
  Cmd->add_option("--evidence", A->EvidenceDir, "Folder of evidence files")
      ->required();
  Cmd->add_option("--policy", A->PolicyFile,
                  "Policy file (default: the built-in policy)");
  Cmd->add_option("--report-dir", A->ReportDir,
                  "Where reports go (default: the evidence folder's parent)");
  Cmd->add_option("--release-version", A->ReleaseVersion,
                  "Version recorded in the verdict when the policy names none");
  Cmd->add_option("--fail-on", *FailOn,
                  "Also fail (exit 1) on CONDITIONAL with 'conditional'")
      ->check(CLI::IsMember({"no-go", "conditional"}));
  Cmd->add_option("--source-dir", A->SourceDir,
                  "Project source folder (SARIF base URI, HTML snippets)");
  Cmd->add_option("--baseline", A->BaselineFile,
                  "Baseline file: findings criteria count only new findings");
  Cmd->add_option("--waivers", A->WaiversFile,
                  "Waiver file accepting findings or criteria until a date");
  Cmd->add_option("--audit-log", A->AuditLog,
                  "Hash-chained log to append the verdict to (default "
                  "<report-dir>/audit-log.jsonl)");
  Cmd->add_option("--run-id", A->RunId,
                  "Count only evidence files collected with this --run-id; "
                  "others are stale and fail the criteria that need them")
      ->check(runIdValidator());
  Cmd->add_flag("--require-signed", A->RequireSigned,
                "Add the artifacts-signed criterion when the policy lacks "
                "one");
  Cmd->add_option("--attest", A->Attest,
                  "Also write the signed verdict: a DSSE envelope of an "
                  "in-toto statement (SLSA VSA) over the artifacts of "
                  "signatures.json");
  Cmd->add_option("--private-key", A->AttestKeys,
                  "Private key that signs the attestation (file or "
                  "env://NAME)")
      ->allow_extra_args(false);
  addDeprecatedAlias(*Cmd, "--attest-key", "--private-key", A->AttestKeys);
  addDeprecatedAlias(*Cmd, "--key", "--private-key", A->AttestKeys);
  Cmd->add_option("--build-dir", A->BuildDir,
                  "Where the artifacts of signatures.json are, for --attest "
                  "(default: the evidence folder's grandparent, as in "
                  "<build>/exitbar/evidence)");
  Cmd->add_option("--resource-uri", A->ResourceUri,
                  "The attestation's resourceUri (default "
                  "urn:exitbar:release:<version>)");
  Cmd->callback([A, FailOn, &Ctx] {
    A->FailOnConditional = *FailOn == "conditional";
    GateOutcome Outcome = runGate(
        *A, Ctx.Environment, [](const std::string &W) { printWarnings({W}); });
    reportGateOutcome(Outcome, Ctx);
  });
}

} // namespace exitbar::cli

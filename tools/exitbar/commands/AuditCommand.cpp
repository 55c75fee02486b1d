// AuditCommand.cpp - `exitbar audit verify`: check the gate's hash-chained log
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/Audit.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include <fmt/core.h>

namespace exitbar::cli {
namespace {

struct AuditVerifyArgs {
  std::string File;
  std::string Head;
  std::string VerdictFile;
};

/// The head and entry a verdict recorded (`audit_log`), or an input error.
void headFromVerdict(const std::string &VerdictFile,
                     AuditVerifyOptions &Options) {
  nlohmann::json J = parseJsonText(readFile(VerdictFile), VerdictFile);
  const nlohmann::json *Log =
      J.is_object() && J.contains("audit_log") ? &J["audit_log"] : nullptr;
  if (!Log || !Log->is_object() || !Log->contains("head") ||
      !(*Log)["head"].is_string() || !Log->contains("entry") ||
      !(*Log)["entry"].is_number_integer())
    throw Error("input.audit.no-head", VerdictFile, "/audit_log",
                "the verdict records no audit log head");
  Options.ExpectedHead = (*Log)["head"].get<std::string>();
  Options.ExpectedEntry = (*Log)["entry"].get<int>();
}

} // namespace

void addAuditCommand(CLI::App &App, Context &Ctx) {
  CLI::App *Audit = App.add_subcommand(
      "audit", "Check the audit trail of gate runs.\n"
               "Example: exitbar audit verify build/exitbar/audit-log.jsonl");
  Audit->require_subcommand(1);
  auto A = std::make_shared<AuditVerifyArgs>();
  CLI::App *Verify = Audit->add_subcommand(
      "verify",
      "Detect edited, removed or reordered entries; with --head or "
      "--verdict, also entries cut from the end and rewritten chains; exit "
      "1 if any.\n"
      "Example: exitbar audit verify build/exitbar/audit-log.jsonl "
      "--verdict build/exitbar/verdict.json");
  Verify->add_option("file", A->File, "The audit log")->required();
  Verify->add_option("--head", A->Head,
                     "A head recorded elsewhere (SHA-256 of an entry's line) "
                     "that the log must still contain");
  Verify->add_option("--verdict", A->VerdictFile,
                     "A verdict.json (or the verdict a signed attestation "
                     "vouches for) whose recorded head the log must contain");
  Verify->callback([A, &Ctx] {
    AuditVerifyOptions Options;
    Options.File = A->File;
    Options.ExpectedHead = A->Head;
    if (!A->VerdictFile.empty())
      headFromVerdict(A->VerdictFile, Options);
    AuditCheck R = verifyAuditLog(readFile(A->File), Options);
    for (const std::string &Problem : R.Problems)
      fmt::print("{}:{}\n", A->File, Problem);
    if (R.Problems.empty())
      fmt::print("{}: {} entries, chain intact, head {}\n", A->File, R.Entries,
                 R.Head);
    Ctx.Exit = R.Problems.empty() ? Success : CheckFailed;
  });
}

} // namespace exitbar::cli

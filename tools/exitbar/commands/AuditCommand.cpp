// AuditCommand.cpp - `exitbar audit verify`: check the gate's hash-chained log
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/Audit.h"
#include "exitbar/Files.h"
#include <fmt/core.h>

namespace exitbar::cli {

void addAuditCommand(CLI::App &App, Context &Ctx) {
  CLI::App *Audit = App.add_subcommand(
      "audit", "Check the audit trail of gate runs.\n"
               "Example: exitbar audit verify build/exitbar/audit-log.jsonl");
  Audit->require_subcommand(1);
  auto File = std::make_shared<std::string>();
  CLI::App *Verify = Audit->add_subcommand(
      "verify", "Detect edited, removed or reordered entries; exit 1 if any.\n"
                "Example: exitbar audit verify build/exitbar/audit-log.jsonl");
  Verify->add_option("file", *File, "The audit log")->required();
  Verify->callback([File, &Ctx] {
    AuditCheck R = verifyAuditLog(readFile(*File));
    for (const std::string &Problem : R.Problems)
      fmt::print("{}:{}\n", *File, Problem);
    if (R.Problems.empty())
      fmt::print("{}: {} entries, chain intact, head {}\n", *File, R.Entries,
                 R.Head);
    Ctx.Exit = R.Problems.empty() ? Success : CheckFailed;
  });
}

} // namespace exitbar::cli

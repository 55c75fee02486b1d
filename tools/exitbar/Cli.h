// Cli.h - the exitbar command line: subcommands and exit codes
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_TOOLS_CLI_H
#define EXITBAR_TOOLS_CLI_H

#include "exitbar/Env.h"
#include "exitbar/Pipeline.h"
#include "exitbar/Signing.h"
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

namespace exitbar::cli {

/// Exit codes every command shares (docs/cli.md).
enum ExitCode { Success = 0, CheckFailed = 1, BadInput = 2 };

/// State the subcommands share: the environment and the exit code their
/// callback decided on.
struct Context {
  Env Environment = Env::process();
  int Exit = Success;
  /// `exitbar collect ... --run-id ID`: recorded in the evidence written.
  std::string RunId;
};

/// Writes the evidence document \p Text to \p Path atomically, with the
/// run id of \p Ctx as its `run` member when one was given.
/// Example: writeEvidenceFile(Ctx, Out, dumpCanonical(nlohmann::json(E)));
void writeEvidenceFile(const Context &Ctx, const std::string &Path,
                       const std::string &Text);

/// The evidence file a command writes: \p Output (its -o) when given, else
/// the one default rule, <BuildDir>/exitbar/evidence/<File> for a command
/// given a build folder and ./exitbar/evidence/<File> otherwise.
/// Example: evidenceOutput("", "build", "tests.json")
///          == "build/exitbar/evidence/tests.json"
std::string evidenceOutput(const std::string &Output,
                           const std::string &BuildDir,
                           const std::string &File);

/// The check of every --run-id: an empty or blank id would silently turn
/// the stale-evidence check off (the gate treats "" as "no run id"), so it
/// is a usage error (exit 2).
/// Example: Cmd->add_option("--run-id", Id)->check(runIdValidator());
CLI::Validator runIdValidator();

/// Adds \p Old as a deprecated spelling of the option \p New, which \p Cmd
/// already has: it sets the same variable \p Target, is hidden from --help,
/// cannot be combined with \p New, and warns on stderr each time it is used,
/// so scripts written for an older ExitBar keep working while they move.
/// Example: addDeprecatedAlias(*Cmd, "--key", "--private-key", A->Key);
template <typename T>
CLI::Option *addDeprecatedAlias(CLI::App &Cmd, const std::string &Old,
                                const std::string &New, T &Target) {
  // Not CLI::Option::excludes: a hidden option has no name in its message.
  const CLI::Option *NewOption = Cmd.get_option(New);
  return Cmd.add_option(Old, Target)
      ->group("")
      ->allow_extra_args(false)
      ->each([Old, New, NewOption](const std::string &) {
        if (NewOption->count() > 0)
          throw CLI::ExcludesError(Old, New);
        std::fprintf(stderr, "exitbar: warning: %s is deprecated; use %s\n",
                     Old.c_str(), New.c_str());
      });
}

/// The check of an option that has a deprecated alias and so cannot be
/// marked required: a usage error (exit 2) naming \p Flag when \p Value
/// is empty.
inline void requireOption(const std::string &Value, const std::string &Flag) {
  if (Value.empty())
    throw CLI::RequiredError(Flag);
}

/// Runs the tool; returns the process exit code.
int run(int Argc, char **Argv);

// One registration function per subcommand (commands/<Verb>Command.cpp).
void addApproveCommand(CLI::App &App, Context &Ctx);
void addAuditCommand(CLI::App &App, Context &Ctx);
void addBaselineCommand(CLI::App &App, Context &Ctx);
void addBenchmarksCommand(CLI::App &App, Context &Ctx);
void addCollectCommand(CLI::App &App, Context &Ctx);
void addCollectInfra(CLI::App &Collect, Context &Ctx);
void addCompareVersionsCommand(CLI::App &App, Context &Ctx);
void addGateCommand(CLI::App &App, Context &Ctx);
void addMergeCommand(CLI::App &App, Context &Ctx);
void addPolicyCommand(CLI::App &App, Context &Ctx);
void addRunCommand(CLI::App &App, Context &Ctx);
void addSignCommand(CLI::App &App, Context &Ctx);
void addTidyCommand(CLI::App &App, Context &Ctx);
void addTidyDeferredCommand(CLI::App &App, Context &Ctx);
void addCompileCommand(CLI::App &App, Context &Ctx);
void addVerifyCommand(CLI::App &App, Context &Ctx);
void addVerifyAttestationCommand(CLI::App &App, Context &Ctx);

/// applyTrustStoreEnvironment (Signing.h) with the CLI's environment, its
/// warning printed on stderr. Returns the locations in use.
std::vector<std::string> applyTrustEnvironment(const Context &Ctx,
                                               TrustOptions &Trust);

/// Prints the gate's summary, its warnings and the attestation written (if
/// any), and sets the exit code: 1 when the outcome fails.
void reportGateOutcome(const GateOutcome &Outcome, Context &Ctx);

/// Prints each line as `exitbar: warning: <line>` on stderr.
void printWarnings(const std::vector<std::string> &Lines);

/// True when \p Stream is a terminal and NO_COLOR is unset.
bool useColor(const Context &Ctx, FILE *Stream);

} // namespace exitbar::cli

#endif // EXITBAR_TOOLS_CLI_H

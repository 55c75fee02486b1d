// CollectCommand.cpp - `exitbar collect <kind>`: raw inputs to evidence files
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/Collect.h"
#include "exitbar/Env.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/EvidenceKinds.h"
#include "exitbar/Files.h"
#include "exitbar/Findings.h"
#include <filesystem>
#include <fmt/core.h>
#include <unistd.h>

namespace exitbar::cli {

/// `exitbar collect <kind>` of a registered kind (EvidenceKinds.h): its
/// options and collector come from the registry, so a new kind needs no
/// code here.
static void addCollectRegistered(CLI::App &Collect, Context &Ctx,
                                 const EvidenceKind &K) {
  auto Request = std::make_shared<CollectRequest>();
  CLI::App *Cmd = Collect.add_subcommand(K.Name, K.Summary);
  std::vector<std::pair<std::string, std::shared_ptr<std::vector<std::string>>>>
      Aliased;
  for (const CollectOption &O : K.CollectOptions) {
    std::string Flag = O.Flag;
    // The long name is the key: "-o,--output" is "--output".
    std::string Key = Flag.substr(Flag.rfind(',') + 1);
    if (O.IsFlag) {
      Cmd->add_flag_function(
          Flag,
          [Request, Key](std::int64_t Count) {
            if (Count > 0)
              Request->Options[Key] = {"true"};
          },
          O.Help);
      continue;
    }
    CLI::Option *Opt =
        Cmd->add_option_function<std::vector<std::string>>(
               Flag,
               [Request, Key](const std::vector<std::string> &Values) {
                 Request->Options[Key] = Values;
               },
               O.Help)
            ->expected(O.Multiple ? -1 : 1);
    if (O.ExistingDirectory)
      Opt->check(CLI::ExistingDirectory);
    if (O.Required)
      Opt->required();
    if (O.DeprecatedAlias) {
      // Its values join the option's when the command runs.
      auto Values = std::make_shared<std::vector<std::string>>();
      addDeprecatedAlias(*Cmd, O.DeprecatedAlias, Key, *Values);
      Aliased.emplace_back(Key, Values);
    }
  }
  if (K.TakesCommand) {
    Cmd->add_option("command", Request->Command,
                    "The command to measure, after --");
    // The command's own options ("sh -c ...") are its, not ours.
    Cmd->positionals_at_end();
  }
  Cmd->callback([Request, Aliased, &Ctx, &K] {
    const char *Name = K.Name;
    for (const auto &[Key, Values] : Aliased)
      for (const std::string &V : *Values)
        Request->Options[Key].push_back(V);
    Request->Environment = Ctx.Environment;
    Request->Warn = [](const std::string &Line) { printWarnings({Line}); };
    // A progress line only where someone watches: a terminal.
    if (::isatty(STDERR_FILENO))
      Request->Progress = [Name](size_t Done, size_t Total) {
        fmt::print(stderr, "\r{}: {}/{} {}", Name, Done, Total,
                   Done == Total ? "\n" : "");
        std::fflush(stderr);
      };
    CollectResult R = K.Collect(*Request);
    // The one default-path rule: --output, else the kind's --evidence-dir
    // or --build-dir if it has one.
    std::string Out =
        Request->value("--output").empty() &&
                !Request->value("--evidence-dir").empty()
            ? (std::filesystem::path(Request->value("--evidence-dir")) / K.File)
                  .string()
            : evidenceOutput(Request->value("--output"),
                             Request->value("--build-dir"), K.File);
    writeEvidenceFile(Ctx, Out, R.Evidence);
    fmt::print("{} -> {}\n", R.Summary, Out);
    for (const std::string &Line : R.MoreLines)
      fmt::print("{}\n", Line);
    Ctx.Exit = R.ExitCode;
  });
}

void addCollectCommand(CLI::App &App, Context &Ctx) {
  CLI::App *Collect = App.add_subcommand(
      "collect", "Turn one family of raw inputs into an evidence file.\n"
                 "Example: exitbar collect findings --build-dir build");
  Collect->require_subcommand(1);
  // One option for every kind: the gate of the same run (`gate --run-id`)
  // counts only evidence carrying it, so a file an earlier run left behind
  // (its collector since turned off) cannot pass a criterion.
  Collect
      ->add_option("--run-id", Ctx.RunId,
                   "Record this run id in the evidence written (see "
                   "`gate --run-id`)")
      ->check(runIdValidator());
  addCollectInfra(*Collect, Ctx);
  for (const EvidenceKind *K : evidenceKinds())
    addCollectRegistered(*Collect, Ctx, *K);
  // `exitbar collect coverage ... --run-id ID` as well as before the kind.
  for (CLI::App *Kind : Collect->get_subcommands({}))
    Kind->fallthrough();
}

} // namespace exitbar::cli

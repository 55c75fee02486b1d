// PolicyCommand.cpp - `exitbar policy init|check`
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include "exitbar/Policy.h"
#include <filesystem>
#include <fmt/core.h>

namespace exitbar::cli {

void addPolicyCommand(CLI::App &App, Context &Ctx) {
  CLI::App *Policy = App.add_subcommand(
      "policy", "Write or validate a policy file.\n"
                "Example: exitbar policy init exitbar-policy.json");
  Policy->require_subcommand(1);

  auto InitFile = std::make_shared<std::string>("exitbar-policy.json");
  auto Force = std::make_shared<bool>(false);
  CLI::App *Init = Policy->add_subcommand(
      "init", "Write the default policy (the audits' exit bar).\n"
              "Example: exitbar policy init exitbar-policy.json");
  Init->add_option("file", *InitFile, "Where to write it ('-' for stdout)");
  Init->add_flag("--force", *Force, "Overwrite an existing file");
  Init->callback([InitFile, Force, &Ctx] {
    std::string Text = policyToJson(defaultPolicy());
    if (*InitFile == "-") {
      fmt::print("{}", Text);
    } else {
      std::error_code Ec;
      if (!*Force && std::filesystem::exists(*InitFile, Ec))
        throw Error("usage.policy.exists", *InitFile, "",
                    "already exists; pass --force to overwrite it");
      writeFileAtomically(*InitFile, Text);
      fmt::print("wrote {}\n", *InitFile);
    }
    Ctx.Exit = Success;
  });

  auto CheckFile = std::make_shared<std::string>();
  CLI::App *Check = Policy->add_subcommand(
      "check", "Validate a policy; print each problem with its JSON pointer; "
               "exit 1 when it has problems.\n"
               "Example: exitbar policy check exitbar-policy.json");
  Check->add_option("file", *CheckFile, "The policy file")->required();
  Check->callback([CheckFile, &Ctx] {
    auto Problems = checkPolicy(readFile(*CheckFile), *CheckFile);
    for (const std::string &Line : Problems)
      fmt::print("{}\n", Line);
    if (Problems.empty())
      fmt::print("{}: valid\n", *CheckFile);
    Ctx.Exit = Problems.empty() ? Success : CheckFailed;
  });
}

} // namespace exitbar::cli

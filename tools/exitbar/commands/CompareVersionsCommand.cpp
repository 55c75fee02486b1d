// CompareVersionsCommand.cpp - `exitbar compare-versions`: a hidden test hook
// for the version orderings
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/Vulnerabilities.h"
#include <fmt/core.h>
#include <iostream>
#include <sstream>

namespace exitbar::cli {

void addCompareVersionsCommand(CLI::App &App, Context &Ctx) {
  auto Scheme = std::make_shared<std::string>("dpkg");
  // Hidden (empty group): a test hook that lets lit compare our ordering
  // with `dpkg --compare-versions` on many pairs in one process.
  CLI::App *Cmd = App.add_subcommand(
      "compare-versions",
      "Read 'A B' pairs from stdin; print 'A <|=|> B' (or '?' when the "
      "scheme cannot order them).\n"
      "Example: echo '1.0~rc1 1.0' | exitbar compare-versions --scheme dpkg");
  Cmd->group("");
  Cmd->add_option("--scheme", *Scheme, "dpkg, semver or exact")
      ->check(CLI::IsMember({"dpkg", "semver", "exact"}));
  Cmd->callback([Scheme, &Ctx] {
    std::string Line;
    while (std::getline(std::cin, Line)) {
      std::istringstream In(Line);
      std::string A, B;
      if (!(In >> A >> B))
        continue;
      std::optional<int> C = compareVersionStrings(*Scheme, A, B);
      fmt::print("{} {} {}\n", A,
                 !C       ? "?"
                 : *C < 0 ? "<"
                 : *C > 0 ? ">"
                          : "=",
                 B);
    }
    Ctx.Exit = Success;
  });
}

} // namespace exitbar::cli

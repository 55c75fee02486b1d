// Snippets.cpp - source lines around findings, for the HTML report
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Files.h"
#include "exitbar/Reports.h"
#include <fstream>
#include <set>

namespace exitbar {

std::map<std::string, std::vector<std::pair<int, std::string>>>
readSnippets(const Verdict &V, const std::string &SourceDir, int Context) {
  // Lines wanted per file, so each file is read once.
  std::map<std::string, std::set<int>> Wanted;
  for (const FindingResult &F : V.Findings)
    Wanted[F.Item.File].insert(F.Item.Line);
  std::map<std::string, std::vector<std::pair<int, std::string>>> Snippets;
  for (const auto &[File, Lines] : Wanted) {
    // Only files of the source tree: a finding's path is evidence, and
    // evidence must not make the report show any file the gate can read.
    std::optional<std::string> Path = fileInsideTree(SourceDir, File);
    if (!Path)
      continue;
    std::ifstream In(*Path, std::ios::binary);
    if (!In)
      continue;
    int Last = *Lines.rbegin() + Context;
    std::vector<std::string> Text;
    std::string Line;
    while (static_cast<int>(Text.size()) < Last && std::getline(In, Line))
      Text.push_back(Line);
    for (int Center : Lines) {
      auto &Snippet = Snippets[File + ":" + std::to_string(Center)];
      for (int N = std::max(1, Center - Context);
           N <= std::min<int>(Center + Context, static_cast<int>(Text.size()));
           ++N)
        Snippet.emplace_back(N, Text[static_cast<size_t>(N - 1)]);
    }
  }
  return Snippets;
}

} // namespace exitbar

// MergeCoverage.cpp - two shards' coverage as one, in any order and grouping
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Coverage.h"
#include "exitbar/Error.h"
#include <algorithm>
#include <utility>

namespace exitbar {

CoverageEvidence mergeCoverage(CoverageEvidence A, const CoverageEvidence &B) {
  CoverageEvidence Out;
  // Taken, not copied: a fold over many shards passes its running result.
  Out.Files = std::move(A.Files);
  for (const auto &[Path, F] : B.Files) {
    FileCoverage &Into = Out.Files[Path];
    Into.merge(F);
    // The line a function starts on is the same in every shard built from
    // one commit; if not, the smaller, whatever the order of the shards.
    for (const auto &[Name, Fn] : F.Functions)
      Into.Functions[Name].Line = std::min(Into.Functions[Name].Line, Fn.Line);
  }
  // "mixed" for any two tools, so three tools give one name in any grouping.
  Out.Tool = A.Tool == B.Tool ? A.Tool
             : A.Tool.empty() ? B.Tool
             : B.Tool.empty() ? A.Tool
                              : "mixed";
  // Diff coverage only when every shard measured it: a shard without it
  // leaves the metric without data (fail closed), never half-measured.
  if (A.Diff && B.Diff) {
    if (A.Diff->Base != B.Diff->Base)
      throw Error("input.merge.conflict", "coverage.json", "/diff/base",
                  "shards measured diff coverage against different bases ('" +
                      A.Diff->Base + "' and '" + B.Diff->Base + "')");
    DiffCoverage D;
    D.Base = A.Diff->Base;
    // Shards of one commit have the same changed lines; the larger count
    // when their builds saw different code understates coverage, never
    // overstates it.
    D.LinesFound = std::max(A.Diff->LinesFound, B.Diff->LinesFound);
    // A line stays missed when no shard ran it: its summed count is 0.
    long long Missed = 0;
    for (const auto *Side : {&std::as_const(A.Diff->Missed), &B.Diff->Missed})
      for (const auto &[Path, Lines] : *Side)
        for (int Line : Lines) {
          auto File = Out.Files.find(Path);
          bool Ran = false;
          if (File != Out.Files.end()) {
            auto L = File->second.Lines.find(Line);
            Ran = L != File->second.Lines.end() && L->second > 0;
          }
          if (!Ran)
            D.Missed[Path].push_back(Line);
        }
    for (auto &[Path, Lines] : D.Missed) {
      std::sort(Lines.begin(), Lines.end());
      Lines.erase(std::unique(Lines.begin(), Lines.end()), Lines.end());
      Missed += static_cast<long long>(Lines.size());
    }
    D.LinesHit = std::max(0LL, D.LinesFound - Missed);
    Out.Diff = std::move(D);
  }
  return Out;
}

} // namespace exitbar

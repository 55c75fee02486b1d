// Coverage.cpp - merging and totals of coverage evidence
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Coverage.h"

namespace exitbar {

void FileCoverage::merge(const FileCoverage &Other) {
  for (const auto &[Line, Hits] : Other.Lines)
    addHits(Lines[Line], Hits);
  for (const auto &[Key, Hits] : Other.Branches)
    addHits(Branches[Key], Hits);
  for (const auto &[Name, F] : Other.Functions) {
    auto [It, Inserted] = Functions.emplace(Name, F);
    if (!Inserted)
      addHits(It->second.Hits, F.Hits);
  }
}

void CoverageTotals::add(const CoverageTotals &O) {
  LinesFound += O.LinesFound;
  LinesHit += O.LinesHit;
  BranchesFound += O.BranchesFound;
  BranchesHit += O.BranchesHit;
  FunctionsFound += O.FunctionsFound;
  FunctionsHit += O.FunctionsHit;
}

CoverageTotals totalsOf(const FileCoverage &F) {
  CoverageTotals T;
  for (const auto &[Line, Hits] : F.Lines) {
    ++T.LinesFound;
    T.LinesHit += Hits > 0;
  }
  for (const auto &[Key, Hits] : F.Branches) {
    ++T.BranchesFound;
    T.BranchesHit += Hits > 0;
  }
  for (const auto &[Name, Fn] : F.Functions) {
    ++T.FunctionsFound;
    T.FunctionsHit += Fn.Hits > 0;
  }
  return T;
}

double percent(long long Hit, long long Found) {
  return Found == 0
             ? 100.0
             : 100.0 * static_cast<double>(Hit) / static_cast<double>(Found);
}

CoverageTotals CoverageEvidence::totals() const {
  CoverageTotals T;
  for (const auto &[Path, F] : Files)
    T.add(totalsOf(F));
  return T;
}

void CoverageEvidence::merge(const CoverageEvidence &Other) {
  for (const auto &[Path, F] : Other.Files)
    Files[Path].merge(F);
  if (Tool.empty())
    Tool = Other.Tool;
  else if (!Other.Tool.empty() && Other.Tool != Tool)
    Tool =
        Tool < Other.Tool ? Tool + "+" + Other.Tool : Other.Tool + "+" + Tool;
}

} // namespace exitbar

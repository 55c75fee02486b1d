// Write.cpp - LCOV tracefile writer
// SPDX-License-Identifier: Apache-2.0
//
// Format: geninfo(1) "TRACEFILE FORMAT" (LCOV 1.16): per source file
// TN:, SF:, FN:/FNDA:/FNF:/FNH:, BRDA:/BRF:/BRH:, DA:/LF:/LH:, end_of_record.

#include "exitbar/Collect.h"

namespace exitbar {

void writeLcov(const CoverageEvidence &E, std::ostream &Out) {
  for (const auto &[Path, F] : E.Files) {
    CoverageTotals T = totalsOf(F);
    // TN:<test name>
    Out << "TN:\n";
    // SF:<path to the source file>
    Out << "SF:" << Path << "\n";
    for (const auto &[Name, Fn] : F.Functions)
      // FN:<line number of function start>,<function name>
      Out << "FN:" << Fn.Line << "," << Name << "\n";
    for (const auto &[Name, Fn] : F.Functions)
      // FNDA:<execution count>,<function name>
      Out << "FNDA:" << Fn.Hits << "," << Name << "\n";
    Out << "FNF:" << T.FunctionsFound << "\nFNH:" << T.FunctionsHit << "\n";
    for (const auto &[Key, Hits] : F.Branches)
      // BRDA:<line number>,<block number>,<branch number>,<taken>
      Out << "BRDA:" << Key.first << ",0," << Key.second << "," << Hits << "\n";
    Out << "BRF:" << T.BranchesFound << "\nBRH:" << T.BranchesHit << "\n";
    for (const auto &[Line, Hits] : F.Lines)
      // DA:<line number>,<execution count>
      Out << "DA:" << Line << "," << Hits << "\n";
    Out << "LF:" << T.LinesFound << "\nLH:" << T.LinesHit << "\n";
    Out << "end_of_record\n";
  }
}

} // namespace exitbar

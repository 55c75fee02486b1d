// Read.cpp - reader of LCOV tracefiles
// SPDX-License-Identifier: Apache-2.0
//
// Format: geninfo(1) "TRACEFILE FORMAT". Per source file: TN:, SF:<path>,
// FN:<line>,<name> (lcov 2: FN:<line>,<end line>,<name>), FNDA:<hits>,<name>,
// BRDA:<line>,<block>,<branch>,<taken or ->, DA:<line>,<hits>[,<checksum>],
// summary lines (FNF/FNH/BRF/BRH/LF/LH, recomputed here), end_of_record.
// Unknown record types (VER:, FNL:, FNA:, MCDC:) are skipped, as lcov does.

#include "formats/lcov/Read.h"
#include "exitbar/Error.h"
#include <charconv>
#include <map>

namespace exitbar::formats {
namespace {

class TracefileReader {
public:
  TracefileReader(std::string_view Text, const std::string &Origin)
      : Text(Text), Origin(Origin) {}

  CoverageEvidence read() {
    CoverageEvidence Out;
    Out.Tool = "lcov";
    size_t Pos = 0;
    while (Pos < Text.size()) {
      size_t End = Text.find('\n', Pos);
      if (End == std::string_view::npos)
        End = Text.size();
      std::string_view Line = Text.substr(Pos, End - Pos);
      Pos = End + 1;
      ++LineNo;
      if (!Line.empty() && Line.back() == '\r')
        Line.remove_suffix(1);
      if (Line.empty())
        continue;
      record(Line, Out);
    }
    if (Current)
      fail("the last record has no end_of_record");
    return Out;
  }

private:
  std::string_view Text;
  const std::string &Origin;
  int LineNo = 0;
  FileCoverage *Current = nullptr;
  /// Branch indexes per line of the current record, in order of appearance.
  std::map<int, int> BranchesOnLine;
  std::map<std::string, int> FunctionLines;

  [[noreturn]] void fail(const std::string &Message) const {
    throw Error("input.lcov", Origin, "line " + std::to_string(LineNo),
                Message);
  }

  long long number(std::string_view Field, const char *What) const {
    long long V = 0;
    auto [P, Ec] =
        std::from_chars(Field.data(), Field.data() + Field.size(), V);
    if (Ec != std::errc() || P != Field.data() + Field.size() || V < 0)
      fail(std::string("expected a non-negative number for the ") + What +
           ", got '" + std::string(Field) + "'");
    return V;
  }

  static std::string_view nextField(std::string_view &Rest) {
    size_t Comma = Rest.find(',');
    std::string_view Field = Rest.substr(0, Comma);
    Rest = Comma == std::string_view::npos ? std::string_view()
                                           : Rest.substr(Comma + 1);
    return Field;
  }

  static bool allDigits(std::string_view S) {
    return !S.empty() &&
           S.find_first_not_of("0123456789") == std::string_view::npos;
  }

  FileCoverage &current() {
    if (!Current)
      fail("a coverage line outside a SF: record");
    return *Current;
  }

  void record(std::string_view Line, CoverageEvidence &Out) {
    if (Line == "end_of_record") {
      if (!Current)
        fail("end_of_record without SF:");
      Current = nullptr;
      return;
    }
    size_t Colon = Line.find(':');
    if (Colon == std::string_view::npos)
      fail("not a tracefile line: '" + std::string(Line.substr(0, 40)) + "'");
    std::string_view Kind = Line.substr(0, Colon);
    std::string_view Rest = Line.substr(Colon + 1);
    if (Kind == "SF") {
      if (Current)
        fail("SF: inside a record (missing end_of_record)");
      if (Rest.empty())
        fail("SF: without a path");
      Current = &Out.Files[std::string(Rest)];
      BranchesOnLine.clear();
      FunctionLines.clear();
    } else if (Kind == "DA") {
      int L = static_cast<int>(number(nextField(Rest), "line"));
      addHits(current().Lines[L], number(nextField(Rest), "hit count"));
    } else if (Kind == "FN") {
      int L = static_cast<int>(number(nextField(Rest), "line"));
      // lcov 2 puts the end line before the name; names never are numbers.
      std::string_view Probe = Rest;
      if (allDigits(nextField(Probe)) && !Probe.empty())
        Rest = Probe;
      if (Rest.empty())
        fail("FN: without a function name");
      FunctionLines[std::string(Rest)] = L;
      current().Functions[std::string(Rest)].Line = L;
    } else if (Kind == "FNDA") {
      long long Hits = number(nextField(Rest), "hit count");
      if (Rest.empty())
        fail("FNDA: without a function name");
      FunctionCoverage &F = current().Functions[std::string(Rest)];
      addHits(F.Hits, Hits);
    } else if (Kind == "BRDA") {
      int L = static_cast<int>(number(nextField(Rest), "line"));
      nextField(Rest); // block
      nextField(Rest); // branch
      std::string_view Taken = nextField(Rest);
      long long Hits = Taken == "-" ? 0 : number(Taken, "taken count");
      addHits(current().Branches[{L, BranchesOnLine[L]++}], Hits);
    } else if (Kind == "TN" || Kind == "VER" || Kind == "FNF" ||
               Kind == "FNH" || Kind == "BRF" || Kind == "BRH" ||
               Kind == "LF" || Kind == "LH" || Kind == "FNL" || Kind == "FNA" ||
               Kind == "MCDC" || Kind == "LNF" || Kind == "LNH") {
      // Names, versions and summaries: the totals are recomputed from data.
    } else {
      fail("unknown tracefile record '" + std::string(Kind) + ":'");
    }
  }
};

} // namespace

CoverageEvidence readLcov(std::string_view Text, const std::string &Origin) {
  return TracefileReader(Text, Origin).read();
}

} // namespace exitbar::formats

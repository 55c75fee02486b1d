// CoverageReports.cpp - reads existing coverage reports, whatever tool wrote
// them
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Collect.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "formats/cobertura/Read.h"
#include "formats/gcov-json/Read.h"
#include "formats/lcov/Read.h"
#include <nlohmann/json.hpp>

namespace exitbar {

CoverageEvidence readCoverageReport(const std::string &Path) {
  std::string Text = readFile(Path);
  size_t First = Text.find_first_not_of(" \t\r\n");
  if (First == std::string::npos)
    throw Error("input.coverage.format", Path, "", "the file is empty");
  if (Text.size() >= 2 && static_cast<unsigned char>(Text[0]) == 0x1f &&
      static_cast<unsigned char>(Text[1]) == 0x8b)
    throw Error("input.coverage.format", Path, "",
                "the file is gzip-compressed; decompress it first (gunzip -k)");
  if (Text[First] == '<')
    return formats::readCobertura(Text, Path);
  if (Text[First] == '{') {
    // ExitBar's own evidence (e.g. a shard from another job) or gcov JSON.
    checkJsonDepth(Text, Path);
    nlohmann::json J =
        nlohmann::json::parse(Text, nullptr, /*allow_exceptions=*/false);
    if (memberIs(J, "schema", "exitbar.coverage"))
      return coverageFromJson(J, Path);
    return formats::readGcovJson(Text, Path);
  }
  if (Text.compare(First, 3, "TN:") == 0 ||
      Text.compare(First, 3, "SF:") == 0 || Text.compare(First, 4, "VER:") == 0)
    return formats::readLcov(Text, Path);
  throw Error("input.coverage.format", Path, "line 1",
              "not an LCOV tracefile, Cobertura XML, gcov JSON or ExitBar "
              "coverage evidence");
}

} // namespace exitbar

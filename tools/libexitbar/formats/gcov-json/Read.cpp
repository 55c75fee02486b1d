// Read.cpp - reader of gcov's JSON intermediate format
// SPDX-License-Identifier: Apache-2.0
//
// Format: GCC's gcov "JSON intermediate format" (gcc/doc/gcov.texi,
// format_version 1, GCC 9-13): {"files": [{"file", "lines": [{"line_number",
// "count", "branches": [{"count", "throw", "fallthrough"}]}], "functions":
// [{"name", "demangled_name", "start_line", "execution_count"}]}],
// "current_working_directory"}.

#include "formats/gcov-json/Read.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include <filesystem>
#include <nlohmann/json.hpp>

using nlohmann::json;
namespace fs = std::filesystem;

namespace exitbar::formats {
namespace {

const json &member(const json &J, const char *Key, const std::string &Pointer,
                   json::value_t Type, const std::string &Origin) {
  auto It = J.find(Key);
  if (It == J.end() || It->type() != Type)
    throw Error("input.gcov.json", Origin, Pointer + "/" + Key,
                It == J.end() ? "missing" : "has the wrong type");
  return *It;
}

long long count(const json &J, const char *Key, const std::string &Pointer,
                const std::string &Origin) {
  auto It = J.find(Key);
  if (It == J.end() || !It->is_number_integer())
    throw Error("input.gcov.json", Origin, Pointer + "/" + Key,
                "must be an integer");
  return It->get<long long>();
}

/// An optional integer member (0 when absent). Not json::value(): that
/// converts a float such as 1e300 to an integer, which is undefined.
long long optionalCount(const json &J, const char *Key,
                        const std::string &Pointer, const std::string &Origin) {
  return J.contains(Key) ? count(J, Key, Pointer, Origin) : 0;
}

void readDocument(const json &Doc, const std::string &Origin,
                  CoverageEvidence &Out) {
  if (!Doc.is_object())
    throw Error("input.gcov.json", Origin, "", "not a gcov JSON object");
  std::string Cwd = Doc.value("current_working_directory", "");
  const json &Files = member(Doc, "files", "", json::value_t::array, Origin);
  for (size_t I = 0; I < Files.size(); ++I) {
    std::string FP = "/files/" + std::to_string(I);
    const json &F = Files[I];
    if (!F.is_object())
      throw Error("input.gcov.json", Origin, FP, "not an object");
    fs::path Path(member(F, "file", FP, json::value_t::string, Origin)
                      .get<std::string>());
    if (Path.is_relative() && !Cwd.empty())
      Path = fs::path(Cwd) / Path;
    FileCoverage &Cov = Out.Files[Path.lexically_normal().string()];
    const json &Lines = member(F, "lines", FP, json::value_t::array, Origin);
    for (size_t L = 0; L < Lines.size(); ++L) {
      std::string LP = FP + "/lines/" + std::to_string(L);
      int Number = static_cast<int>(count(Lines[L], "line_number", LP, Origin));
      long long Hits = count(Lines[L], "count", LP, Origin);
      addHits(Cov.Lines[Number], Hits);
      auto Branches = Lines[L].find("branches");
      if (Branches == Lines[L].end() || !Branches->is_array())
        continue;
      int Index = 0;
      for (const json &B : *Branches) {
        // Exception edges are not decisions the code makes.
        if (B.value("throw", false))
          continue;
        addHits(Cov.Branches[{Number, Index++}],
                optionalCount(B, "count", LP + "/branches", Origin));
      }
    }
    auto Functions = F.find("functions");
    if (Functions == F.end() || !Functions->is_array())
      continue;
    for (const json &Fn : *Functions) {
      std::string Name = Fn.value("demangled_name", Fn.value("name", ""));
      if (Name.empty())
        continue;
      auto [It, Inserted] = Cov.Functions.emplace(
          Name,
          FunctionCoverage{static_cast<int>(optionalCount(
                               Fn, "start_line", FP + "/functions", Origin)),
                           0});
      addHits(It->second.Hits,
              optionalCount(Fn, "execution_count", FP + "/functions", Origin));
      (void)Inserted;
    }
  }
}

} // namespace

CoverageEvidence readGcovJson(std::string_view Text,
                              const std::string &Origin) {
  CoverageEvidence Out;
  Out.Tool = "gcov";
  size_t Start = 0;
  int Document = 0;
  while (Start < Text.size()) {
    size_t End = Text.find('\n', Start);
    if (End == std::string_view::npos)
      End = Text.size();
    std::string_view Line = Text.substr(Start, End - Start);
    Start = End + 1;
    if (Line.find_first_not_of(" \t\r") == std::string_view::npos)
      continue;
    ++Document;
    json Doc;
    checkJsonDepth(Line, Origin);
    try {
      Doc = json::parse(Line.begin(), Line.end());
    } catch (const json::exception &E) { // syntax, or a number out of range
      throw Error("input.gcov.json", Origin,
                  "document " + std::to_string(Document),
                  std::string("invalid JSON: ") + E.what());
    }
    // json's own exceptions (value() of a member with another type, ...)
    // are input errors like the ones readDocument reports itself.
    try {
      readDocument(Doc, Origin, Out);
    } catch (const json::exception &E) {
      throw Error("input.gcov.json", Origin,
                  "document " + std::to_string(Document), E.what());
    }
  }
  return Out;
}

} // namespace exitbar::formats

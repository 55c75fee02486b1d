// Read.cpp - reader of Cobertura XML coverage reports
// SPDX-License-Identifier: Apache-2.0
//
// Format: coverage-04.dtd. coverage > sources > source*; coverage > packages >
// package > classes > class[filename] > (methods > method[name] > lines >
// line*), lines > line[number, hits, branch, condition-coverage="50% (1/2)"].
// A file's branches are known only as "k of n taken", so they are read as n
// branches of which the first k were taken once. A method's hit count is
// the hit count of its first line (what gcovr and Cobertura record).

#include "formats/xml/Entities.h"
#include "formats/cobertura/Read.h"
#include "exitbar/Error.h"
#include <cstdio>
#include <filesystem>
#include <limits>
#include <tinyxml2.h>

namespace fs = std::filesystem;
using tinyxml2::XMLElement;

namespace exitbar::formats {
namespace {

[[noreturn]] void fail(const std::string &Origin, const XMLElement *At,
                       const std::string &Message) {
  throw Error("input.cobertura", Origin,
              At ? "line " + std::to_string(At->GetLineNum()) : "", Message);
}

long long integer(const XMLElement *E, const char *Name, const std::string &Origin) {
  int64_t V = 0;
  if (E->QueryInt64Attribute(Name, &V) != tinyxml2::XML_SUCCESS || V < 0)
    fail(Origin, E,
         std::string("<") + E->Name() + "> needs a non-negative integer '" +
             Name + "'");
  return V;
}

/// Each branch of a line becomes an entry, so a corrupt total (say 10^18)
/// must not be trusted; real lines have a handful, heavy templates hundreds.
constexpr long long MaxBranchesPerLine = 1 << 16;

/// Reads <line> elements into \p Cov.
void readLines(const XMLElement *Lines, FileCoverage &Cov,
               const std::string &Origin) {
  for (const XMLElement *L = Lines->FirstChildElement("line"); L;
       L = L->NextSiblingElement("line")) {
    long long Line = integer(L, "number", Origin);
    // Line numbers are ints everywhere else; a larger one is corrupt data.
    if (Line > std::numeric_limits<int>::max())
      fail(Origin, L, "<line> number " + std::to_string(Line) + " is too large");
    int Number = static_cast<int>(Line);
    addHits(Cov.Lines[Number], integer(L, "hits", Origin));
    if (!L->BoolAttribute("branch", false))
      continue;
    const char *Condition = L->Attribute("condition-coverage");
    if (!Condition)
      continue;
    long long Taken = 0, Total = 0;
    if (std::sscanf(Condition, "%*[^(](%lld/%lld)", &Taken, &Total) != 2 ||
        Taken < 0 || Total < Taken || Total > MaxBranchesPerLine)
      fail(Origin, L,
           "condition-coverage '" + std::string(Condition) +
               "' is not like '50% (1/2)'");
    for (long long I = 0; I < Total; ++I)
      Cov.Branches[{Number, static_cast<int>(I)}] += I < Taken ? 1 : 0;
  }
}

} // namespace

CoverageEvidence readCobertura(std::string_view Text, const std::string &Origin) {
  tinyxml2::XMLDocument Doc;
  if (Doc.Parse(Text.data(), Text.size()) != tinyxml2::XML_SUCCESS)
    throw Error("input.cobertura", Origin,
                "line " + std::to_string(Doc.ErrorLineNum()),
                std::string("not well-formed XML: ") + Doc.ErrorName());
  rejectEntityDeclarations(Doc, Origin, "input.cobertura");
  const XMLElement *Root = Doc.RootElement();
  if (!Root || std::string_view(Root->Name()) != "coverage")
    fail(Origin, Root, "the root element is not <coverage>");

  std::vector<fs::path> Sources;
  if (const XMLElement *S = Root->FirstChildElement("sources"))
    for (const XMLElement *Src = S->FirstChildElement("source"); Src;
         Src = Src->NextSiblingElement("source"))
      if (Src->GetText())
        Sources.emplace_back(Src->GetText());

  // A class's file name is relative to one of the sources: the first under
  // which it exists, else the first source (reports move between machines).
  auto Resolve = [&](const std::string &File) {
    fs::path P(File);
    if (P.is_absolute() || Sources.empty())
      return P.lexically_normal().string();
    for (const fs::path &S : Sources) {
      std::error_code Ec;
      if (fs::exists(S / P, Ec))
        return (S / P).lexically_normal().string();
    }
    return (Sources.front() / P).lexically_normal().string();
  };

  CoverageEvidence Out;
  Out.Tool = "cobertura";
  const XMLElement *Packages = Root->FirstChildElement("packages");
  if (!Packages)
    fail(Origin, Root, "<coverage> has no <packages>");
  for (const XMLElement *Pkg = Packages->FirstChildElement("package"); Pkg;
       Pkg = Pkg->NextSiblingElement("package")) {
    const XMLElement *Classes = Pkg->FirstChildElement("classes");
    if (!Classes)
      continue;
    for (const XMLElement *C = Classes->FirstChildElement("class"); C;
         C = C->NextSiblingElement("class")) {
      const char *File = C->Attribute("filename");
      if (!File || !*File)
        fail(Origin, C, "<class> has no filename");
      FileCoverage &Cov = Out.Files[Resolve(File)];
      if (const XMLElement *Lines = C->FirstChildElement("lines"))
        readLines(Lines, Cov, Origin);
      const XMLElement *Methods = C->FirstChildElement("methods");
      for (const XMLElement *M = Methods ? Methods->FirstChildElement("method")
                                         : nullptr;
           M; M = M->NextSiblingElement("method")) {
        const char *Name = M->Attribute("name");
        if (!Name)
          fail(Origin, M, "<method> has no name");
        FunctionCoverage &F = Cov.Functions[Name];
        const XMLElement *Lines = M->FirstChildElement("lines");
        const XMLElement *First =
            Lines ? Lines->FirstChildElement("line") : nullptr;
        if (First) {
          F.Line = static_cast<int>(integer(First, "number", Origin));
          F.Hits += integer(First, "hits", Origin);
        }
      }
    }
  }
  return Out;
}

} // namespace exitbar::formats

// Read.cpp - reader of Cobertura XML coverage reports
// SPDX-License-Identifier: Apache-2.0
//
// Format: coverage-04.dtd. coverage > sources > source*; coverage > packages >
// package > classes > class[filename] > (methods > method[name] > lines >
// line*), lines > line[number, hits, branch, condition-coverage="50% (1/2)"].
// A file's branches are known only as "k of n taken", so they are read as n
// branches of which the first k were taken once. A method's hit count is
// the hit count of its first line (what gcovr and Cobertura record).

#include "formats/cobertura/Read.h"
#include "exitbar/Error.h"
#include "formats/xml/Entities.h"
#include <charconv>
#include <filesystem>
#include <limits>
#include <string_view>
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

/// Parses all of \p Text as a non-negative decimal that fits long long
/// (std::from_chars: sscanf's "%lld" is undefined past the range).
bool parseCount(std::string_view Text, long long &Out) {
  while (!Text.empty() && (Text.front() == ' ' || Text.front() == '\t'))
    Text.remove_prefix(1);
  auto [Ptr, Ec] = std::from_chars(Text.data(), Text.data() + Text.size(), Out);
  return Ec == std::errc() && Ptr == Text.data() + Text.size() && Out >= 0;
}

long long integer(const XMLElement *E, const char *Name,
                  const std::string &Origin) {
  const char *Text = E->Attribute(Name);
  long long V = 0;
  if (!Text || !parseCount(Text, V))
    fail(Origin, E,
         std::string("<") + E->Name() + "> needs a non-negative integer '" +
             Name + "' (at most 9223372036854775807)");
  return V;
}

/// A line number: an int everywhere else, so a larger one is corrupt data.
int lineNumber(const XMLElement *E, const std::string &Origin) {
  long long Line = integer(E, "number", Origin);
  if (Line > std::numeric_limits<int>::max())
    fail(Origin, E, "<line> number " + std::to_string(Line) + " is too large");
  return static_cast<int>(Line);
}

/// Reads "<k>% (<taken>/<total>)" into \p Taken and \p Total.
bool parseCondition(std::string_view Text, long long &Taken, long long &Total) {
  size_t Open = Text.find('('), Slash = Text.find('/'), Close = Text.find(')');
  if (Open == std::string_view::npos || Slash == std::string_view::npos ||
      Close == std::string_view::npos || !(Open < Slash && Slash < Close))
    return false;
  return parseCount(Text.substr(Open + 1, Slash - Open - 1), Taken) &&
         parseCount(Text.substr(Slash + 1, Close - Slash - 1), Total);
}

/// Each branch of a line becomes an entry, so a corrupt total (say 10^18)
/// must not be trusted; real lines have a handful, heavy templates hundreds.
constexpr long long MaxBranchesPerLine = 1 << 16;

/// Reads <line> elements into \p Cov.
void readLines(const XMLElement *Lines, FileCoverage &Cov,
               const std::string &Origin) {
  for (const XMLElement *L = Lines->FirstChildElement("line"); L;
       L = L->NextSiblingElement("line")) {
    int Number = lineNumber(L, Origin);
    addHits(Cov.Lines[Number], integer(L, "hits", Origin));
    if (!L->BoolAttribute("branch", false))
      continue;
    const char *Condition = L->Attribute("condition-coverage");
    if (!Condition)
      continue;
    long long Taken = 0, Total = 0;
    if (!parseCondition(Condition, Taken, Total) || Total < Taken ||
        Total > MaxBranchesPerLine)
      fail(Origin, L,
           "condition-coverage '" + std::string(Condition) +
               "' is not like '50% (1/2)'");
    for (long long I = 0; I < Total; ++I)
      addHits(Cov.Branches[{Number, static_cast<int>(I)}], I < Taken ? 1 : 0);
  }
}

} // namespace

CoverageEvidence readCobertura(std::string_view Text,
                               const std::string &Origin) {
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
          F.Line = lineNumber(First, Origin);
          addHits(F.Hits, integer(First, "hits", Origin));
        }
      }
    }
  }
  return Out;
}

} // namespace exitbar::formats

// Findings.cpp - turning clang-tidy output into findings evidence
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Findings.h"
#include "exitbar/Digest.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "formats/clang-tidy-log/Read.h"
#include <algorithm>
#include <filesystem>
#include <fmt/core.h>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace exitbar {

std::string readLineFromDisk(const std::string &File, int Line) {
  std::ifstream In(File, std::ios::binary);
  std::string Text;
  for (int I = 1; I <= Line && std::getline(In, Text); ++I)
    if (I == Line)
      return Text;
  return {};
}

namespace {

/// Whitespace-folded text, so re-indenting a line keeps its fingerprint.
std::string foldWhitespace(const std::string &Text) {
  std::string Out;
  bool Space = false;
  for (char C : Text) {
    if (C == ' ' || C == '\t' || C == '\r' || C == '\n') {
      Space = !Out.empty();
      continue;
    }
    if (Space)
      Out += ' ';
    Space = false;
    Out += C;
  }
  return Out;
}

} // namespace

std::string displayPath(const std::string &File, const std::string &SourceDir) {
  fs::path Path = fs::path(File).lexically_normal();
  if (!SourceDir.empty()) {
    fs::path Root = fs::path(SourceDir).lexically_normal();
    fs::path Relative = Path.lexically_relative(Root);
    if (!Relative.empty() && *Relative.begin() != "..")
      return Relative.generic_string();
  }
  return Path.generic_string();
}

namespace {

/// The region an exitbar-unanalysed-region diagnostic reports: "code under
/// '<condition>' is compiled by other compilers but not analysed (<N>
/// lines)". Nothing when the message has another shape.
std::optional<UnanalysedRegion> regionOf(const formats::TidyDiagnostic &D,
                                         const std::string &File) {
  static const std::string Open = "code under '";
  static const std::string Close = "' is compiled by other compilers";
  if (D.Message.rfind(Open, 0) != 0)
    return std::nullopt;
  size_t End = D.Message.rfind(Close);
  size_t Paren = D.Message.rfind('(');
  if (End == std::string::npos || End < Open.size() ||
      Paren == std::string::npos)
    return std::nullopt;
  UnanalysedRegion R;
  R.File = File;
  R.Line = D.Line;
  R.Condition = D.Message.substr(Open.size(), End - Open.size());
  for (size_t I = Paren + 1;
       I < D.Message.size() && D.Message[I] >= '0' && D.Message[I] <= '9'; ++I)
    R.Lines = R.Lines * 10 + (D.Message[I] - '0');
  return R;
}

} // namespace

std::string fingerprintKey(const Finding &F, const std::string &LineText) {
  return F.Check + '\n' + F.File + '\n' + foldWhitespace(LineText) + '\n' +
         F.Message;
}

FindingsEvidence findingsFromTidyOutput(const std::string &Output,
                                        const TidyOutputOptions &Options) {
  std::istringstream In(Output);
  auto Diags = formats::readClangTidyLog(In);
  LineReader ReadLine = Options.ReadLine ? Options.ReadLine : readLineFromDisk;

  FindingsEvidence Evidence;
  Evidence.TranslationUnits = 1;
  // Occurrences of the same (check, file, line text, message) are numbered
  // in line order, so two identical findings in one file stay distinct.
  std::map<std::string, int> Occurrences;
  std::sort(
      Diags.begin(), Diags.end(),
      [](const formats::TidyDiagnostic &A, const formats::TidyDiagnostic &B) {
        return std::tie(A.File, A.Line, A.Column, A.Check, A.Message) <
               std::tie(B.File, B.Line, B.Column, B.Check, B.Message);
      });
  for (const formats::TidyDiagnostic &D : Diags) {
    std::string File = displayPath(D.File, Options.SourceDir);
    if (D.Check.rfind("clang-diagnostic-", 0) == 0) {
      // Compiler errors mean the translation unit was not fully analysed;
      // compiler warnings are the compiler's business, not ours.
      if (D.Level == "error")
        Evidence.AnalysisErrors.push_back({File, std::to_string(D.Line) + ":" +
                                                     std::to_string(D.Column) +
                                                     ": " + D.Message});
      continue;
    }
    // Code the analysis never saw is a fact about coverage of the analysis,
    // not a finding in the code.
    if (D.Check == "exitbar-unanalysed-region") {
      if (auto Region = regionOf(D, File))
        Evidence.UnanalysedRegions.push_back(std::move(*Region));
      continue;
    }
    Finding F;
    F.Check = D.Check;
    CheckInfo Info = classifyFinding(D.Check, D.Message);
    F.Level = Info.Level;
    F.Cwe = Info.Cwe;
    F.File = File;
    F.Line = D.Line;
    F.Column = D.Column;
    F.Message = D.Message;
    for (const formats::TidyNote &N : D.Notes)
      F.Path.push_back({displayPath(N.File, Options.SourceDir), N.Line,
                        N.Column, N.Message});
    std::string Key = fingerprintKey(F, ReadLine(D.File, D.Line));
    int Occurrence = Occurrences[Key]++;
    F.Fingerprint =
        sha256Hex(Key + '\n' + std::to_string(Occurrence)).substr(0, 32);
    Evidence.Findings.push_back(std::move(F));
  }
  Evidence.normalize();
  return Evidence;
}

std::string findingsFragmentDir(const std::string &BuildDir) {
  return (fs::path(BuildDir) / "exitbar" / "fragments" / "findings")
      .generic_string();
}

std::vector<std::string> readExpectedSources(const std::string &File) {
  std::error_code Ec;
  if (!fs::exists(File, Ec))
    return {};
  std::vector<std::string> Sources;
  std::istringstream In(readFile(File));
  std::string Line;
  while (std::getline(In, Line))
    if (!Line.empty())
      Sources.push_back(Line);
  return Sources;
}

FindingsEvidence collectFindings(const std::string &FragmentDir,
                                 const CollectFindingsOptions &Options) {
  FindingsEvidence All;
  std::set<std::string> Expected;
  for (const std::string &Source : Options.ExpectedSources)
    Expected.insert(fs::path(Source).lexically_normal().string());
  std::set<std::string> Analysed;
  std::error_code Ec;
  std::vector<fs::path> Fragments;
  if (fs::is_directory(FragmentDir, Ec))
    for (const auto &Entry : fs::directory_iterator(FragmentDir, Ec))
      if (Entry.path().extension() == ".json")
        Fragments.push_back(Entry.path());
  std::sort(Fragments.begin(), Fragments.end());
  for (const fs::path &Path : Fragments) {
    std::string Name = Path.generic_string();
    nlohmann::json J = parseJsonText(readFile(Name), Name);
    if (J.is_object() && J.contains("source") && J["source"].is_string()) {
      std::string Source =
          fs::path(J["source"].get<std::string>()).lexically_normal().string();
      // A fragment of a source that was deleted since describes nothing,
      // unless the build still compiles that source (a generated file
      // removed after the build must not take its findings with it).
      if (!Expected.count(Source) && !fs::exists(Source, Ec))
        continue;
      Analysed.insert(Source);
    }
    All.append(findingsFromJson(J, Name));
  }
  for (const std::string &Source : Expected)
    if (!Analysed.count(Source)) {
      ++All.TranslationUnits;
      All.AnalysisErrors.push_back(
          {displayPath(Source, Options.SourceDir),
           "not analysed: the build left no findings fragment for it (it was "
           "compiled without the checks, or its fragment was removed); "
           "rebuild it with the checks"});
    }
  // Flows from a source in one unit to a sink in another.
  linkTaintSummaries(All);
  // Routes registered in one unit and guarded (or not) in another.
  linkServerSummaries(All);
  // A fragment's severity is what the fragment says; the catalogue decides.
  reclassifyFindings(All);
  All.normalize();
  return All;
}

std::string findingsSummary(const FindingsEvidence &E) {
  int Counts[4] = {0, 0, 0, 0};
  for (const Finding &F : E.Findings)
    ++Counts[static_cast<int>(F.Level)];
  return fmt::format("findings: {} (critical {}, high {}, medium {}, low {}) "
                     "from {} translation units",
                     E.Findings.size(), Counts[0], Counts[1], Counts[2],
                     Counts[3], E.TranslationUnits);
}

} // namespace exitbar

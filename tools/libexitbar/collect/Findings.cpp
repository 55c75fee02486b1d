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
#include <fstream>
#include <map>
#include <sstream>

namespace fs = std::filesystem;

namespace exitbar {
namespace {

std::string readLineFromDisk(const std::string &File, int Line) {
  std::ifstream In(File, std::ios::binary);
  std::string Text;
  for (int I = 1; I <= Line && std::getline(In, Text); ++I)
    if (I == Line)
      return Text;
  return {};
}

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

/// \p File relative to \p SourceDir when inside it, else normalized as is.
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

} // namespace

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
  std::sort(Diags.begin(), Diags.end(),
            [](const formats::TidyDiagnostic &A,
               const formats::TidyDiagnostic &B) {
              return std::tie(A.File, A.Line, A.Column, A.Check, A.Message) <
                     std::tie(B.File, B.Line, B.Column, B.Check, B.Message);
            });
  for (const formats::TidyDiagnostic &D : Diags) {
    std::string File = displayPath(D.File, Options.SourceDir);
    if (D.Check.rfind("clang-diagnostic-", 0) == 0) {
      // Compiler errors mean the translation unit was not fully analysed;
      // compiler warnings are the compiler's business, not ours.
      if (D.Level == "error")
        Evidence.AnalysisErrors.push_back(
            {File, std::to_string(D.Line) + ":" + std::to_string(D.Column) +
                       ": " + D.Message});
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
    std::string Key = F.Check + '\n' + F.File + '\n' +
                      foldWhitespace(ReadLine(D.File, D.Line)) + '\n' +
                      F.Message;
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

FindingsEvidence collectFindings(const std::string &FragmentDir) {
  FindingsEvidence All;
  std::error_code Ec;
  if (!fs::is_directory(FragmentDir, Ec))
    return All;
  std::vector<fs::path> Fragments;
  for (const auto &Entry : fs::directory_iterator(FragmentDir, Ec))
    if (Entry.path().extension() == ".json")
      Fragments.push_back(Entry.path());
  std::sort(Fragments.begin(), Fragments.end());
  for (const fs::path &Path : Fragments) {
    std::string Name = Path.generic_string();
    nlohmann::json J = parseJsonText(readFile(Name), Name);
    // A fragment of a source that was deleted since describes nothing.
    if (J.is_object() && J.contains("source") && J["source"].is_string() &&
        !fs::exists(J["source"].get<std::string>(), Ec))
      continue;
    All.append(findingsFromJson(J, Name));
  }
  // A fragment's severity is what the fragment says; the catalogue decides.
  reclassifyFindings(All);
  return All;
}

} // namespace exitbar

// Vulnerabilities.cpp - SBOM components matched against an offline OSV
// database, and the evidence file
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Vulnerabilities.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/JsonCursor.h"
#include "support/Strings.h"
#include "vuln/Match.h"
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace exitbar {
namespace {

/// The family and release of an OSV ecosystem: "Debian:12" -> {Debian, 12}.
std::pair<std::string, std::string> splitEcosystem(const std::string &E) {
  size_t Colon = E.find(':');
  if (Colon == std::string::npos)
    return {E, ""};
  return {E.substr(0, Colon), E.substr(Colon + 1)};
}

/// Where one affected entry lives, for the name index.
struct Entry {
  const OsvRecord *Record;
  const OsvAffected *Affected;
};

std::string property(const SbomComponent &C, const char *Name) {
  auto It = C.Properties.find(Name);
  return It == C.Properties.end() ? "" : It->second;
}

} // namespace

int severityRank(const std::string &S) {
  static const char *Order[] = {"critical", "high", "medium", "low", "none"};
  for (int I = 0; I < 5; ++I)
    if (S == Order[I])
      return I;
  return 5; // unknown
}

int VulnerabilitiesEvidence::highOrCritical() const {
  return static_cast<int>(std::count_if(
      Findings.begin(), Findings.end(), [](const VulnerabilityFinding &F) {
        return F.Severity == "high" || F.Severity == "critical";
      }));
}

std::vector<OsvRecord> loadOsvDatabase(const std::string &Dir) {
  std::error_code Ec;
  if (!fs::is_directory(Dir, Ec))
    throw Error("input.osv.database", Dir, "",
                "not a folder: give the folder an osv.dev export was "
                "unpacked into");
  std::vector<fs::path> Files;
  for (auto It = fs::recursive_directory_iterator(Dir, Ec);
       !Ec && It != fs::recursive_directory_iterator(); It.increment(Ec))
    if (It->path().extension() == ".json" && It->is_regular_file(Ec))
      Files.push_back(It->path());
  if (Ec)
    throw Error("input.osv.database", Dir, "",
                "cannot be read: " + Ec.message());
  std::sort(Files.begin(), Files.end());
  std::vector<OsvRecord> Out;
  Out.reserve(Files.size());
  for (const fs::path &F : Files)
    Out.push_back(readOsv(readFile(F.string()), F.string()));
  return Out;
}

SbomComponent componentFromPurl(const std::string &Purl) {
  std::optional<vuln::Purl> P = vuln::parsePurl(Purl);
  if (!P)
    throw Error("usage.vulnerabilities.purl", "", "",
                "'" + Purl + "' is not a package URL (pkg:type/name@version)");
  SbomComponent C;
  C.Ref = Purl;
  C.Purl = Purl;
  C.Name = P->Name;
  C.Version = P->Version;
  return C;
}

VulnerabilitiesEvidence
matchVulnerabilities(const std::vector<SbomComponent> &Components,
                     const std::vector<OsvRecord> &Records,
                     const MatchOptions &Options) {
  VulnerabilitiesEvidence E;
  // Index the affected entries by lower-case name and by purl base, so
  // each component looks at its own candidates only.
  std::multimap<std::string, Entry> ByName, ByPurl;
  for (const OsvRecord &R : Records) {
    ++E.Records;
    if (R.Withdrawn) {
      ++E.Withdrawn;
      continue;
    }
    for (const OsvAffected &A : R.Affected) {
      if (!A.Name.empty())
        ByName.emplace(toLower(A.Name), Entry{&R, &A});
      if (auto P = vuln::parsePurl(A.Purl))
        ByPurl.emplace(toLower(P->base()), Entry{&R, &A});
    }
  }
  std::map<std::pair<std::string, std::string>, VulnerabilityFinding> Found;
  auto Report = [&](const SbomComponent &C, const Entry &En,
                    const vuln::AffectedMatch &M) {
    const OsvRecord &R = *En.Record;
    VulnerabilityFinding &F = Found[{C.Ref, R.Id}];
    if (F.Id.empty()) {
      F.Id = R.Id;
      F.Aliases = R.Aliases;
      F.ComponentRef = C.Ref;
      F.ComponentName = C.Name;
      F.ComponentVersion = C.Version;
      F.Package = En.Affected->Name;
      F.Ecosystem = En.Affected->Ecosystem;
      F.Summary = R.Summary;
      F.Severity = R.Severity;
      F.CvssScore = R.CvssScore;
      // A per-package rating stands in when the record has none.
      if (F.Severity == "unknown" && !En.Affected->Severity.empty()) {
        F.Severity = En.Affected->Severity;
        F.CvssScore = En.Affected->CvssScore;
      }
    }
    if (F.Fixed.empty())
      F.Fixed = M.Fixed;
  };

  for (const SbomComponent &C : Components) {
    // The project's own targets are what is being released, not a
    // dependency a database could know about.
    if (C.Origin == "target" || C.Ref.rfind("target:", 0) == 0)
      continue;
    std::optional<vuln::Purl> P = vuln::parsePurl(C.Purl);
    std::string Version = !C.Version.empty() ? C.Version : P ? P->Version : "";
    if (Version.empty() || (C.Name.empty() && !P)) {
      E.ComponentsSkipped.push_back(C.Ref);
      continue;
    }
    ++E.ComponentsChecked;
    if (P && P->Type == "deb") {
      // Debian's OSV records name source packages; a binary package is
      // affected through its source, at the source's version.
      std::string Source = property(C, "dpkg:source");
      if (Source.empty())
        Source = P->Name;
      std::string SourceVersion = property(C, "dpkg:source-version");
      if (SourceVersion.empty())
        SourceVersion = Version;
      std::string Family =
          toLower(P->Namespace) == "ubuntu" ? "Ubuntu" : "Debian";
      std::string Release = Options.DebianRelease;
      if (auto D = P->Qualifiers.find("distro"); D != P->Qualifiers.end())
        Release = vuln::debianRelease(D->second);
      auto [Lo, Hi] = ByName.equal_range(toLower(Source));
      for (auto It = Lo; It != Hi; ++It) {
        const OsvAffected &A = *It->second.Affected;
        auto [EcoFamily, EcoRelease] = splitEcosystem(A.Ecosystem);
        if (EcoFamily != Family || A.Name != Source)
          continue;
        if (Family == "Debian" && !Release.empty() && !EcoRelease.empty() &&
            vuln::debianRelease(EcoRelease) != Release)
          continue;
        vuln::AffectedMatch M = vuln::evaluateAffected(A, SourceVersion, false);
        if (M.Affected)
          Report(C, It->second, M);
      }
      continue;
    }
    // Other packages: by purl, in the record's own ecosystem ordering ...
    if (P) {
      auto [Lo, Hi] = ByPurl.equal_range(toLower(P->base()));
      for (auto It = Lo; It != Hi; ++It) {
        vuln::AffectedMatch M =
            vuln::evaluateAffected(*It->second.Affected, Version, false);
        if (M.Affected)
          Report(C, It->second, M);
      }
    }
    // ... or by name, trusting only SemVer ranges and explicit version
    // lists, as the record's ecosystem ordering need not be ours.
    std::vector<std::string> Names = {toLower(C.Name)};
    if (P && !P->Namespace.empty())
      Names.push_back(toLower(P->Namespace + "/" + P->Name));
    for (const std::string &Name : Names) {
      auto [Lo, Hi] = ByName.equal_range(Name);
      for (auto It = Lo; It != Hi; ++It) {
        const OsvAffected &A = *It->second.Affected;
        std::string Family = splitEcosystem(A.Ecosystem).first;
        if (Family == "Debian" || Family == "Ubuntu")
          continue; // source packages of a distribution: only pkg:deb
        vuln::AffectedMatch M = vuln::evaluateAffected(A, Version, true);
        if (M.Affected)
          Report(C, It->second, M);
      }
    }
  }
  for (auto &[Key, F] : Found)
    E.Findings.push_back(std::move(F));
  std::sort(E.ComponentsSkipped.begin(), E.ComponentsSkipped.end());
  return E;
}

std::optional<int> compareVersionStrings(std::string_view Scheme,
                                         std::string_view A,
                                         std::string_view B) {
  vuln::VersionScheme S = Scheme == "dpkg"     ? vuln::VersionScheme::Dpkg
                          : Scheme == "semver" ? vuln::VersionScheme::Semver
                                               : vuln::VersionScheme::Exact;
  return vuln::compareVersions(S, A, B);
}

std::string vulnerabilitiesToJson(const VulnerabilitiesEvidence &E) {
  json Findings = json::array();
  json Counts{{"critical", 0}, {"high", 0}, {"medium", 0},
              {"low", 0},      {"none", 0}, {"unknown", 0}};
  for (const VulnerabilityFinding &F : E.Findings) {
    std::string Level = severityRank(F.Severity) < 5 ? F.Severity : "unknown";
    Counts[Level] = Counts[Level].get<int>() + 1;
    Findings.push_back(
        json{{"id", F.Id},
             {"aliases", F.Aliases},
             {"component", json{{"ref", F.ComponentRef},
                                {"name", F.ComponentName},
                                {"version", F.ComponentVersion}}},
             {"package", json{{"name", F.Package}, {"ecosystem", F.Ecosystem}}},
             {"severity", F.Severity},
             {"cvss_score", F.CvssScore ? json(*F.CvssScore) : json(nullptr)},
             {"fixed", F.Fixed.empty() ? json(nullptr) : json(F.Fixed)},
             {"summary", F.Summary}});
  }
  return dumpCanonical(
      json{{"schema", "exitbar.vulnerabilities"},
           {"schema_version", EvidenceSchemaVersion},
           {"database", E.Database},
           {"sbom", E.Sbom.empty() ? json(nullptr) : json(E.Sbom)},
           {"records", E.Records},
           {"withdrawn", E.Withdrawn},
           {"components_checked", E.ComponentsChecked},
           {"components_skipped", E.ComponentsSkipped},
           {"count", E.Findings.size()},
           {"high_or_critical", E.highOrCritical()},
           {"severity_counts", Counts},
           {"findings", Findings}});
}

VulnerabilitiesEvidence vulnerabilitiesFromJson(std::string_view Text,
                                                const std::string &File) {
  json J = parseJsonText(Text, File);
  JsonCursor C = openEvidence(J, "exitbar.vulnerabilities", File);
  VulnerabilitiesEvidence E;
  E.Database = C.at("database").string();
  E.Sbom = C.at("sbom").stringOrNull().value_or("");
  E.Records = C.at("records").count<int>();
  E.Withdrawn = C.at("withdrawn").count<int>();
  E.ComponentsChecked = C.at("components_checked").count<int>();
  E.ComponentsSkipped = C.at("components_skipped").strings();
  for (const JsonCursor &F : C.at("findings").elements()) {
    VulnerabilityFinding V;
    V.Id = F.at("id").string();
    V.Aliases = F.at("aliases").strings();
    V.ComponentRef = F.at("component").at("ref").string();
    V.ComponentName = F.at("component").at("name").string();
    V.ComponentVersion = F.at("component").at("version").string();
    V.Package = F.at("package").at("name").string();
    V.Ecosystem = F.at("package").at("ecosystem").string();
    V.Severity = F.at("severity").string();
    V.CvssScore = F.at("cvss_score").numberOrNull();
    V.Fixed = F.at("fixed").stringOrNull().value_or("");
    V.Summary = F.at("summary").string();
    E.Findings.push_back(std::move(V));
  }
  return E;
}

} // namespace exitbar

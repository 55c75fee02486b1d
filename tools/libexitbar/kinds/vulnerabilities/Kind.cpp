// Kind.cpp - the vulnerabilities evidence kind: `exitbar collect
// vulnerabilities`, its metrics, its report section and its registry record
// SPDX-License-Identifier: Apache-2.0
//
// Schema: docs/evidence-schema/vulnerabilities.md. Matching:
// docs/vulnerabilities.md.

#include "exitbar/Error.h"
#include "exitbar/EvidenceKinds.h"
#include "exitbar/Files.h"
#include "exitbar/Verdict.h"
#include "exitbar/Vulnerabilities.h"
#include <algorithm>
#include <cstdio>
#include <map>

namespace exitbar::vulnerabilities {
namespace {

const char *const File = "vulnerabilities.json";

const VulnerabilitiesEvidence *vulnerabilitiesOf(const EvidenceSet &Set) {
  return Set.kind<VulnerabilitiesEvidence>("vulnerabilities");
}

/// Only evidence that needs something a project may not have (an OSV
/// database) is optional; missing coverage or tests still fail.
std::string notApplicable(const std::string &, const EvidenceSet &E) {
  if (!vulnerabilitiesOf(E) && !E.Stale.count(File))
    return "no vulnerability database configured (vulnerabilities.json was "
           "not collected; see docs/vulnerabilities.md)";
  return "";
}

/// \p V's findings, worst first (stable: by component and id within a
/// severity).
std::vector<const VulnerabilityFinding *>
worstFirst(const VulnerabilitiesEvidence &V) {
  std::vector<const VulnerabilityFinding *> Out;
  for (const VulnerabilityFinding &F : V.Findings)
    Out.push_back(&F);
  std::stable_sort(Out.begin(), Out.end(), [](auto *A, auto *B) {
    return severityRank(A->Severity) < severityRank(B->Severity);
  });
  return Out;
}

std::string score(const VulnerabilityFinding &F) {
  char Buf[16] = "";
  if (F.CvssScore)
    std::snprintf(Buf, sizeof Buf, " %.1f", *F.CvssScore);
  return Buf;
}

std::string idWithAliases(const VulnerabilityFinding &F) {
  std::string Id = F.Id;
  for (const std::string &Alias : F.Aliases)
    Id += " " + Alias;
  return Id;
}

/// vulnerabilities.<Name>: the counts of evidence/vulnerabilities.json; the
/// items behind a failure are the worst findings first.
Measurement measure(const MetricInput &In) {
  const VulnerabilitiesEvidence *V = vulnerabilitiesOf(In.Evidence);
  std::string Name = In.Metric.substr(std::string("vulnerabilities.").size());
  if (!V && Name == "database") {
    Measurement M{0.0, File, {}};
    M.Items.emplace_back("no OSV database configured: exitbar_enable("
                         "OSV_DATABASE <dir>) or `exitbar collect "
                         "vulnerabilities --osv-db <dir>`");
    return M;
  }
  Measurement M{std::nullopt, File, {}};
  if (!V)
    return M;
  bool HighOnly = Name == "high_or_critical";
  if (Name == "database")
    M.Value = 1;
  else if (Name == "count")
    M.Value = static_cast<double>(V->Findings.size());
  else if (HighOnly)
    M.Value = V->highOrCritical();
  else
    return M;
  // Fail closed: an empty database or no component checked finds nothing
  // because it looked at nothing, which is not "no known vulnerability".
  if (V->Records <= 0)
    M.NoData = "the OSV database " + V->Database + " holds no record";
  else if (V->ComponentsChecked <= 0)
    M.NoData = "no component was checked against the OSV database";
  if (!M.NoData.empty()) {
    M.Value.reset();
    return M;
  }
  for (const VulnerabilityFinding *F : worstFirst(*V)) {
    if (M.Items.size() >= MaxItems)
      break;
    if (HighOnly && severityRank(F->Severity) > 1)
      continue;
    std::string Line = idWithAliases(*F) + " (" + F->Severity + score(*F) +
                       ") in " + F->ComponentName + " " + F->ComponentVersion;
    if (F->Package != F->ComponentName)
      Line += " (package " + F->Package + ")";
    Line += F->Fixed.empty() ? ": no fixed version" : ": fixed in " + F->Fixed;
    M.Items.push_back(Line);
  }
  return M;
}

/// Known vulnerabilities of the SBOM's components, worst first: what to
/// upgrade, and to which version.
std::optional<ReportSection> report(const EvidenceSet &Set) {
  const VulnerabilitiesEvidence *V = vulnerabilitiesOf(Set);
  if (!V)
    return std::nullopt;
  ReportSection S;
  S.Id = "vulnerabilities";
  S.Title = "Known vulnerabilities";
  S.Intro = std::to_string(V->Findings.size()) + " in " +
            std::to_string(V->ComponentsChecked) +
            " components checked against " + std::to_string(V->Records) +
            " OSV records of " + V->Database + ".";
  S.Columns = {"id", "severity", "component", "fixed in", "summary"};
  S.RowKey = "vulnerability";
  for (const VulnerabilityFinding *F : worstFirst(*V)) {
    std::string Component = F->ComponentName + " " + F->ComponentVersion;
    if (F->Package != F->ComponentName)
      Component += " (" + F->Package + ")";
    S.Table.push_back({F->Id,
                       {{idWithAliases(*F), ""},
                        {F->Severity + score(*F),
                         severityRank(F->Severity) <= 1 ? "fail" : "waived"},
                        {Component, ""},
                        {F->Fixed.empty() ? "-" : F->Fixed, ""},
                        {F->Summary, ""}}});
  }
  return S;
}

CollectResult collect(const CollectRequest &Request) {
  std::string Sbom = Request.value("--sbom");
  auto Purls = Request.Options.find("--purl");
  bool AnyPurl = Purls != Request.Options.end() && !Purls->second.empty();
  if (Sbom.empty() && !AnyPurl)
    throw Error("usage.vulnerabilities.no-input", "", "",
                "give --sbom (a CycloneDX SBOM) or --purl (package URLs)");
  std::vector<SbomComponent> Components;
  if (!Sbom.empty())
    Components = readCycloneDxComponents(readFile(Sbom), Sbom);
  if (AnyPurl)
    for (const std::string &P : Purls->second)
      Components.push_back(componentFromPurl(P));
  std::string Database = Request.value("--osv-db");
  std::vector<OsvRecord> Db = loadOsvDatabase(Database);
  MatchOptions Options;
  Options.DebianRelease = Request.value("--debian-release");
  VulnerabilitiesEvidence E = matchVulnerabilities(Components, Db, Options);
  E.Database = Database;
  E.Sbom = Sbom;
  std::map<std::string, int> Counts;
  for (const VulnerabilityFinding &F : E.Findings)
    ++Counts[F.Severity];
  char Line[256];
  std::snprintf(Line, sizeof Line,
                "vulnerabilities: %zu (critical %d, high %d, medium %d, low "
                "%d, unknown %d) in %d components checked against %d OSV "
                "records",
                E.Findings.size(), Counts["critical"], Counts["high"],
                Counts["medium"], Counts["low"], Counts["unknown"],
                E.ComponentsChecked, E.Records);
  return {vulnerabilitiesToJson(E), Line, 0, {}};
}

std::any read(const std::string &Text, const std::string &File) {
  return vulnerabilitiesFromJson(Text, File);
}

} // namespace

const EvidenceKind &kind() {
  static const EvidenceKind K{
      "vulnerabilities",
      File,
      "Match the components of a CycloneDX SBOM (or bare package URLs) "
      "against an offline OSV database (a folder of osv.dev JSON records) "
      "into evidence/vulnerabilities.json.\n"
      "Example: exitbar collect vulnerabilities --sbom "
      "build/exitbar/sbom.cdx.json --osv-db osv/Debian -o "
      "build/exitbar/evidence/vulnerabilities.json",
      read,
      {
          // Optional evidence (it needs an OSV database);
          // vulnerabilities.database stays applicable: it is how a policy
          // requires one.
          {"vulnerabilities.database", File,
           "1 when an OSV database was configured", measure},
          {"vulnerabilities.count", File,
           "known vulnerabilities of the SBOM's components", measure,
           notApplicable},
          {"vulnerabilities.high_or_critical", File,
           "known vulnerabilities of high or critical severity", measure,
           notApplicable},
      },
      {
          {"--sbom", "CycloneDX JSON SBOM (from `exitbar collect sbom`)"},
          {"--purl", "Check this package URL too (repeatable)",
           /*Multiple=*/true},
          {"--osv-db", "Folder of OSV JSON records, one per file",
           /*Multiple=*/false, /*Required=*/true},
          {"--debian-release",
           "Debian release of pkg:deb components without a distro= "
           "qualifier (e.g. 12); default: every release's records"},
          {"-o,--output",
           "Evidence file (default exitbar/evidence/vulnerabilities.json)"},
      },
      /*TakesCommand=*/false,
      collect,
      report,
      // Matched once from the pipeline's SBOM: shards must agree.
      ShardMerge::SameInEveryShard,
  };
  return K;
}

} // namespace exitbar::vulnerabilities

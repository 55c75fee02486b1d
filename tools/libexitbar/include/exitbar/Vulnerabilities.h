// Vulnerabilities.h - security evidence: SBOM components matched against an
// offline OSV database
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_VULNERABILITIES_H
#define EXITBAR_VULNERABILITIES_H

#include "exitbar/Sbom.h"
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exitbar {

/// One event of an OSV range: exactly one of the four kinds.
struct OsvEvent {
  enum Kind { Introduced, Fixed, LastAffected, Limit } Type = Introduced;
  std::string Version;
};

/// An OSV `affected[].ranges[]` entry.
struct OsvRange {
  std::string Type; ///< "ECOSYSTEM", "SEMVER" or "GIT"
  std::vector<OsvEvent> Events;
};

/// An OSV `affected[]` entry: one package and the versions of it affected.
struct OsvAffected {
  std::string Ecosystem; ///< "Debian:12", "PyPI", ...
  std::string Name;      ///< for Debian: the source package
  std::string Purl;      ///< may be empty
  std::vector<OsvRange> Ranges;
  std::vector<std::string> Versions; ///< explicit list of affected versions
  std::string Severity; ///< from this entry's own severity, or empty
  std::optional<double> CvssScore;
};

/// One OSV record (one .json file of an osv.dev export).
struct OsvRecord {
  std::string Id;
  std::vector<std::string> Aliases; ///< sorted
  std::string Summary;
  std::string File; ///< where it was read from
  /// "critical", "high", "medium", "low", "none" or "unknown": from a CVSS
  /// v3 vector when there is one, else database_specific.severity.
  std::string Severity = "unknown";
  std::optional<double> CvssScore;
  std::string CvssVector;
  bool Withdrawn = false;
  std::vector<OsvAffected> Affected;
};

/// Reads one OSV JSON record (https://ossf.github.io/osv-schema/, 1.6).
/// Throws Error (input.osv.json) naming \p Origin and the JSON pointer of
/// the first problem.
/// Example: OsvRecord R = readOsv(readFile("DSA-5000-1.json"),
/// "DSA-5000-1.json");
OsvRecord readOsv(std::string_view Text, const std::string &Origin);

/// Reads every *.json file below \p Dir (sorted by path). Throws Error
/// (input.osv.database) when \p Dir is not a readable folder.
/// Example: auto Db = loadOsvDatabase("osv/Debian");
std::vector<OsvRecord> loadOsvDatabase(const std::string &Dir);

/// Reads the components of a CycloneDX 1.x JSON SBOM (nested ones
/// included, the metadata component left out). Throws Error
/// (input.cyclonedx.json) with the JSON pointer of a problem.
/// Example: auto C = readCycloneDxComponents(readFile("sbom.cdx.json"),
/// "sbom.cdx.json");
std::vector<SbomComponent> readCycloneDxComponents(std::string_view Text,
                                                   const std::string &Origin);

/// One vulnerability of one component.
struct VulnerabilityFinding {
  std::string Id;
  std::vector<std::string> Aliases;
  std::string ComponentRef, ComponentName, ComponentVersion;
  /// The OSV package it matched: for a Debian binary package, its source.
  std::string Package, Ecosystem;
  std::string Severity = "unknown";
  std::optional<double> CvssScore;
  std::string Fixed; ///< the first fixed version above the component's, or ""
  std::string Summary;
};

/// Orders OSV severities worst first: critical 0, high 1, medium 2, low 3,
/// none 4, anything else (unknown) 5.
int severityRank(const std::string &Severity);

/// evidence/vulnerabilities.json.
struct VulnerabilitiesEvidence {
  std::string Database; ///< the OSV folder
  std::string Sbom;     ///< the SBOM read, or "" for --purl components
  int Records = 0;      ///< records read (withdrawn ones included)
  int Withdrawn = 0;
  int ComponentsChecked = 0;
  /// Components that could not be checked (no version, or no purl and name).
  std::vector<std::string> ComponentsSkipped;
  std::vector<VulnerabilityFinding> Findings; ///< sorted by component, id

  /// Findings of high or critical severity.
  int highOrCritical() const;
};

/// What matchVulnerabilities may be told besides the inputs.
struct MatchOptions {
  /// Debian release of pkg:deb components without a distro= qualifier
  /// ("12"); empty: records of every Debian release apply.
  std::string DebianRelease;
};

/// Checks \p Components against \p Records.
/// Example: auto E = matchVulnerabilities(Components, Db, {});
VulnerabilitiesEvidence
matchVulnerabilities(const std::vector<SbomComponent> &Components,
                     const std::vector<OsvRecord> &Records,
                     const MatchOptions &Options);

/// A component for a bare purl (`--purl pkg:deb/debian/zlib1g@1:1.2.13-1`).
/// Example: SbomComponent C = componentFromPurl("pkg:generic/zlib@1.3");
SbomComponent componentFromPurl(const std::string &Purl);

/// Compares two versions under the ordering named \p Scheme ("dpkg",
/// "semver" or "exact"): <0, 0, >0, or nothing when it cannot order them.
/// Example: *compareVersionStrings("dpkg", "1:0", "2") > 0
std::optional<int> compareVersionStrings(std::string_view Scheme,
                                         std::string_view A,
                                         std::string_view B);

/// evidence/vulnerabilities.json text, and back (throws Error naming \p File).
std::string vulnerabilitiesToJson(const VulnerabilitiesEvidence &E);
VulnerabilitiesEvidence vulnerabilitiesFromJson(std::string_view Text,
                                                const std::string &File);

} // namespace exitbar

#endif // EXITBAR_VULNERABILITIES_H

// CollectVulnerabilitiesCommand.cpp - `exitbar collect vulnerabilities`: SBOM
// components against an OSV database SPDX-License-Identifier: Apache-2.0

#include "Cli.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include "exitbar/Vulnerabilities.h"
#include <fmt/core.h>
#include <map>

namespace exitbar::cli {

void addCollectVulnerabilities(CLI::App &Collect, Context &Ctx) {
  struct Args {
    std::string Sbom, Database, Output, DebianRelease;
    std::vector<std::string> Purls;
  };
  auto A = std::make_shared<Args>();
  CLI::App *Cmd = Collect.add_subcommand(
      "vulnerabilities",
      "Match the components of a CycloneDX SBOM (or bare package URLs) "
      "against an offline OSV database (a folder of osv.dev JSON records) "
      "into evidence/vulnerabilities.json.\n"
      "Example: exitbar collect vulnerabilities --sbom "
      "build/exitbar/sbom.cdx.json --osv-db osv/Debian -o "
      "build/exitbar/evidence/vulnerabilities.json");
  Cmd->add_option("--sbom", A->Sbom,
                  "CycloneDX JSON SBOM (from `exitbar collect sbom`)");
  Cmd->add_option("--purl", A->Purls,
                  "Check this package URL too (repeatable)");
  Cmd->add_option("--osv-db", A->Database,
                  "Folder of OSV JSON records, one per file")
      ->required();
  Cmd->add_option("--debian-release", A->DebianRelease,
                  "Debian release of pkg:deb components without a distro= "
                  "qualifier (e.g. 12); default: every release's records");
  Cmd->add_option("-o,--output", A->Output,
                  "Evidence file (default exitbar/evidence/"
                  "vulnerabilities.json)");
  Cmd->callback([A, &Ctx] {
    if (A->Sbom.empty() && A->Purls.empty())
      throw Error("usage.vulnerabilities.no-input", "", "",
                  "give --sbom (a CycloneDX SBOM) or --purl (package URLs)");
    std::vector<SbomComponent> Components;
    if (!A->Sbom.empty())
      Components = readCycloneDxComponents(readFile(A->Sbom), A->Sbom);
    for (const std::string &P : A->Purls)
      Components.push_back(componentFromPurl(P));
    std::vector<OsvRecord> Db = loadOsvDatabase(A->Database);
    MatchOptions Options;
    Options.DebianRelease = A->DebianRelease;
    VulnerabilitiesEvidence E = matchVulnerabilities(Components, Db, Options);
    E.Database = A->Database;
    E.Sbom = A->Sbom;
    std::string Out = evidenceOutput(A->Output, "", "vulnerabilities.json");
    writeEvidenceFile(Ctx, Out, vulnerabilitiesToJson(E));
    std::map<std::string, int> Counts;
    for (const VulnerabilityFinding &F : E.Findings)
      ++Counts[F.Severity];
    fmt::print("vulnerabilities: {} (critical {}, high {}, medium {}, low {}, "
               "unknown {}) in {} components checked against {} OSV records "
               "-> {}\n",
               E.Findings.size(), Counts["critical"], Counts["high"],
               Counts["medium"], Counts["low"], Counts["unknown"],
               E.ComponentsChecked, E.Records, Out);
    Ctx.Exit = Success;
  });
}

} // namespace exitbar::cli

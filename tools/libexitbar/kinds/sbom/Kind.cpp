// Kind.cpp - the sbom evidence kind: `exitbar collect sbom` (the CycloneDX
// and SPDX documents and their completeness), the policy's "sbom" section,
// its metrics, its report section and its record in the registry
// SPDX-License-Identifier: Apache-2.0
//
// Schema: docs/evidence-schema/sbom.md.

#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/EvidenceKinds.h"
#include "exitbar/Files.h"
#include "exitbar/JsonCursor.h"
#include "exitbar/Sbom.h"
#include "exitbar/SbomBuild.h"
#include "exitbar/Verdict.h"
#include "kinds/sbom/Sbom.h"
#include <filesystem>
#include <fmt/core.h>
#include <future>
#include <sstream>

namespace fs = std::filesystem;

namespace exitbar::sbom {
namespace {

const char *const File = "sbom.json";

/// The "sbom" section: {"supplier": "...", "author": "..."}, into
/// \p Supplier and \p Author; each problem added to \p Problems.
void readSbomSection(const JsonCursor &Section, std::string &Supplier,
                     std::string &Author, PolicyProblems &Problems) {
  addProblemOf(Problems, [&] { Section.expectObject(); });
  if (!Section.json().is_object())
    return;
  for (const auto &[Name, Value] : Section.members()) {
    std::string *Into = Name == "supplier" ? &Supplier
                        : Name == "author" ? &Author
                                           : nullptr;
    if (!Into)
      Problems.emplace_back(Value.pointer(), "unknown member '" + Name + "'");
    else if (!Value.json().is_string())
      Problems.emplace_back(Value.pointer(), "must be a string");
    else
      *Into = Value.string();
  }
}

void checkPolicySection(const JsonCursor &Section, PolicyProblems &Problems) {
  std::string Supplier, Author;
  readSbomSection(Section, Supplier, Author, Problems);
}

/// What the policy file says, where the command line said nothing: the
/// supplier, the author and the release version.
void addPolicy(const std::string &PolicyFile, SbomOptions &Options) {
  std::string Supplier, Author;
  std::string Version = readPolicySection(
      PolicyFile, "sbom",
      [&](const JsonCursor &Section, PolicyProblems &Problems) {
        readSbomSection(Section, Supplier, Author, Problems);
      });
  if (Options.Supplier.empty())
    Options.Supplier = Supplier;
  if (Options.Author.empty())
    Options.Author = Author;
  if (Options.ReleaseVersion.empty())
    Options.ReleaseVersion = Version;
}

const SbomEvidence *sbomOf(const EvidenceSet &Set) {
  return Set.kind<SbomEvidence>("sbom");
}

/// An sbom.* metric: \p Of(sbom); the missing document elements and the
/// incomplete components are the items.
template <typename F> Measurement measure(const MetricInput &In, F Of) {
  const SbomEvidence *S = sbomOf(In.Evidence);
  if (!S)
    return {std::nullopt, File, {}};
  Measurement M{Of(*S), File, {}};
  if (!S->HasAuthor)
    M.Items.emplace_back("the SBOM has no author (set a supplier or author: "
                         "exitbar_enable(SBOM_SUPPLIER ...), the policy's "
                         "\"sbom\" section, or --author)");
  if (!S->HasTimestamp)
    M.Items.emplace_back("the SBOM has no timestamp");
  for (const SbomComponentCheck &C : S->Checks) {
    if (C.Missing.empty() || M.Items.size() >= MaxItems)
      continue;
    std::string Line = C.Ref + ": missing";
    for (size_t I = 0; I < C.Missing.size(); ++I)
      Line += (I ? ", " : " ") + C.Missing[I];
    M.Items.push_back(Line);
  }
  return M;
}

/// The SBOM's size and each component's missing NTIA minimum elements.
std::optional<ReportSection> report(const EvidenceSet &Set) {
  const SbomEvidence *S = sbomOf(Set);
  if (!S)
    return std::nullopt;
  ReportSection R;
  R.Id = "sbom";
  R.Title = "SBOM";
  R.Intro = S->completeness() + "; " + std::to_string(S->Edges) +
            " dependency relationships";
  if (!S->CycloneDx.empty())
    R.Intro += "; " + S->CycloneDx;
  if (!S->Spdx.empty())
    R.Intro += ", " + S->Spdx;
  R.Intro += ".";
  R.Columns = {"component", "origin", "NTIA minimum elements"};
  R.RowKey = "component";
  for (const SbomComponentCheck &C : S->Checks) {
    std::string Missing;
    for (const std::string &M : C.Missing)
      Missing += (Missing.empty() ? "missing " : ", ") + M;
    R.Table.push_back({C.Ref,
                       {{C.Name.empty() ? C.Ref : C.Name, ""},
                        {C.Origin, ""},
                        {Missing.empty() ? "complete" : Missing,
                         Missing.empty() ? "pass" : "fail"}}});
  }
  return R;
}

CollectResult collect(const CollectRequest &Request) {
  SbomOptions Options;
  Options.BuildDir = Request.value("--build-dir");
  Options.SourceDir = Request.value("--source-dir");
  Options.ReleaseVersion = Request.value("--release-version");
  Options.Supplier = Request.value("--supplier");
  Options.Author = Request.value("--author");
  Options.Configuration = Request.value("--configuration");
  Options.WithSources = Request.flag("--with-sources");
  Options.DpkgRoot = Request.flag("--no-dpkg")
                         ? ""
                         : Request.value("--dpkg-root", Options.DpkgRoot);
  Options.Refresh = !Request.flag("--no-refresh");
  Options.CMakeCommand = Request.value("--cmake", Options.CMakeCommand);
  Options.FragmentsDir = Request.value("--target-sboms");
  if (std::string Policy = Request.value("--policy"); !Policy.empty())
    addPolicy(Policy, Options);
  SbomDocument Doc = collectSbom(Options, Request.Environment);
  auto Default = [&](const std::string &Given, const char *Name) {
    return Given.empty()
               ? (fs::path(Options.BuildDir) / "exitbar" / Name).string()
               : Given;
  };
  SbomEvidence E = checkSbom(Doc);
  E.CycloneDx = Default(Request.value("--cyclonedx"), "sbom.cdx.json");
  E.Spdx = Default(Request.value("--spdx"), "sbom.spdx.json");
  // The two documents are independent; write them side by side.
  std::ostringstream Cdx, Spdx;
  auto CdxDone =
      std::async(std::launch::async, [&] { writeCycloneDx(Doc, Cdx); });
  writeSpdx(Doc, Spdx);
  CdxDone.get();
  writeFileAtomically(E.CycloneDx, Cdx.str());
  writeFileAtomically(E.Spdx, Spdx.str());
  CollectResult Result;
  Result.Evidence = dumpCanonical(nlohmann::json(E));
  Result.Summary = fmt::format("sbom: {}, {} dependency edges, {}, {}",
                               E.completeness(), E.Edges, E.CycloneDx, E.Spdx);
  return Result;
}

std::any read(const std::string &Text, const std::string &Path) {
  return sbomFromJson(parseJsonText(Text, Path), Path);
}

/// Shards' SBOM evidence added up: components united by ref (mergeSbom).
nlohmann::json addUp(std::vector<ShardEvidence> &Shards) {
  SbomEvidence All = std::any_cast<SbomEvidence>(Shards.front().Evidence);
  for (size_t I = 1; I < Shards.size(); ++I)
    All =
        mergeSbom(All, std::any_cast<const SbomEvidence &>(Shards[I].Evidence));
  return nlohmann::json(All);
}

} // namespace

const EvidenceKind &kind() {
  static const EvidenceKind K{
      "sbom",
      File,
      "Write the SBOM of a build tree (CMake File API reply, find_package "
      "packages, Debian packages owning linked libraries, FetchContent, "
      "ExternalProject, vcpkg.json, conanfile.txt/.py) as CycloneDX 1.5 and "
      "SPDX 2.3 JSON, one CycloneDX SBOM per target, and its NTIA "
      "completeness into evidence/sbom.json.\n"
      "Example: exitbar collect sbom --build-dir build",
      read,
      {
          {"sbom.generated", File, "1 when an SBOM was generated",
           [](const MetricInput &In) {
             return measure(In, [](const SbomEvidence &) { return 1.0; });
           }},
          {"sbom.components", File, "components in the SBOM",
           [](const MetricInput &In) {
             return measure(In, [](const SbomEvidence &S) {
               return static_cast<double>(S.Components);
             });
           }},
          {"sbom.components_incomplete", File,
           "components missing a required element",
           [](const MetricInput &In) {
             return measure(In, [](const SbomEvidence &S) {
               return static_cast<double>(S.incomplete());
             });
           }},
      },
      {
          {"--build-dir", "The CMake build tree", /*Multiple=*/false,
           /*Required=*/true},
          {"--source-dir", "Project source folder (default: the reply's)"},
          {"--cyclonedx",
           "CycloneDX file (default <build>/exitbar/sbom.cdx.json)"},
          {"--spdx", "SPDX file (default <build>/exitbar/sbom.spdx.json)"},
          {"--evidence-dir",
           "Evidence folder (default <build>/exitbar/evidence)"},
          {"-o,--output", "Evidence file (default <evidence-dir>/sbom.json)"},
          {"--policy",
           "Policy file whose 'sbom' section names supplier/author"},
          {"--release-version", "Version of the project's components (default "
                                "project(VERSION))"},
          {"--supplier",
           "Supplier of the project's components (overrides policy)"},
          {"--author",
           "Author of the SBOM (overrides policy; default supplier)"},
          {"--configuration",
           "Configuration of a multi-config build (default first)"},
          {"--with-sources", "List each target's source files",
           /*Multiple=*/false, /*Required=*/false, /*DeprecatedAlias=*/nullptr,
           /*ExistingDirectory=*/false, /*IsFlag=*/true},
          {"--no-dpkg", "Do not map system files to Debian packages",
           /*Multiple=*/false, /*Required=*/false, /*DeprecatedAlias=*/nullptr,
           /*ExistingDirectory=*/false, /*IsFlag=*/true},
          {"--dpkg-root", "dpkg database folder (default /var/lib/dpkg)"},
          {"--no-refresh",
           "Never re-run cmake when the File API reply is stale",
           /*Multiple=*/false, /*Required=*/false, /*DeprecatedAlias=*/nullptr,
           /*ExistingDirectory=*/false, /*IsFlag=*/true},
          {"--cmake", "The cmake that re-runs the build tree (default: cmake "
                      "from PATH; never the one CMakeCache.txt names)"},
          {"--target-sboms",
           "Also write each target's own CycloneDX SBOM into this folder "
           "(<target>.cdx.json; the CMake gate uses "
           "<build>/exitbar/sbom/targets)"},
      },
      /*TakesCommand=*/false,
      collect,
      report,
      // Each shard's build tree has its own components: united.
      ShardMerge::AddUp,
      addUp,
      /*PolicySection=*/"sbom",
      checkPolicySection,
  };
  return K;
}

} // namespace exitbar::sbom

// Sbom.cpp - `exitbar collect sbom`: the SBOM of a build tree from its File API
// reply
// SPDX-License-Identifier: Apache-2.0
//
// One fragment per target (its component, its edges, and the Debian
// packages that own what it links and includes), merged with the
// project-level fragments (find_package packages recorded at configure,
// FetchContent sources, vcpkg.json, conanfile.txt).

#include "exitbar/Sbom.h"
#include "exitbar/CMakeFileApi.h"
#include "exitbar/Digest.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/Process.h"
#include "exitbar/SbomBuild.h"
#include "sbom/Dpkg.h"
#include "support/Parallel.h"
#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

namespace fs = std::filesystem;
using nlohmann::json;

namespace exitbar {
namespace {

/// What the CMake package recorded at configure time
/// (<build>/exitbar/sbom/cmake-packages.json, see docs/cmake.md).
struct ConfigureInfo {
  std::string ProjectName, ProjectVersion, Supplier, Author, Description;
  struct Package {
    std::string Name, Version, Dir;
    std::vector<std::string> Files; ///< imported targets' locations/includes
  };
  std::vector<Package> Packages;
  /// ExternalProject_Add targets: where their sources come from.
  struct ExternalProject {
    std::string Name, GitRepository, GitTag, Url, UrlHash;
  };
  std::vector<ExternalProject> ExternalProjects;
};

ConfigureInfo readConfigureInfo(const fs::path &File) {
  ConfigureInfo Info;
  std::error_code Ec;
  if (!fs::exists(File, Ec))
    return Info;
  json J = parseJsonText(readFile(File.string()), File.string());
  auto Str = [&](const json &O, const char *Key, const std::string &Pointer) {
    auto It = O.find(Key);
    if (It == O.end())
      return std::string();
    if (!It->is_string())
      throw Error("input.sbom.configure-info", File.string(),
                  Pointer + "/" + Key, "expected a string");
    return It->get<std::string>();
  };
  if (!J.is_object())
    throw Error("input.sbom.configure-info", File.string(), "/",
                "expected an object");
  if (J.contains("project")) {
    Info.ProjectName = Str(J["project"], "name", "/project");
    Info.ProjectVersion = Str(J["project"], "version", "/project");
    Info.Description = Str(J["project"], "description", "/project");
  }
  Info.Supplier = Str(J, "supplier", "");
  Info.Author = Str(J, "author", "");
  if (J.contains("packages")) {
    if (!J["packages"].is_array())
      throw Error("input.sbom.configure-info", File.string(), "/packages",
                  "expected an array");
    for (size_t I = 0; I < J["packages"].size(); ++I) {
      const json &P = J["packages"][I];
      std::string Ptr = "/packages/" + std::to_string(I);
      ConfigureInfo::Package Pkg{
          Str(P, "name", Ptr), Str(P, "version", Ptr), Str(P, "dir", Ptr), {}};
      if (P.contains("files") && P["files"].is_array())
        for (const json &F : P["files"])
          if (F.is_string() && !F.get<std::string>().empty())
            Pkg.Files.push_back(F.get<std::string>());
      Info.Packages.push_back(std::move(Pkg));
    }
  }
  if (J.contains("external_projects")) {
    if (!J["external_projects"].is_array())
      throw Error("input.sbom.configure-info", File.string(),
                  "/external_projects", "expected an array");
    for (size_t I = 0; I < J["external_projects"].size(); ++I) {
      const json &P = J["external_projects"][I];
      std::string Ptr = "/external_projects/" + std::to_string(I);
      if (!P.is_object())
        throw Error("input.sbom.configure-info", File.string(), Ptr,
                    "expected an object");
      Info.ExternalProjects.push_back(
          {Str(P, "name", Ptr), Str(P, "git_repository", Ptr),
           Str(P, "git_tag", Ptr), Str(P, "url", Ptr),
           Str(P, "url_hash", Ptr)});
    }
  }
  return Info;
}

/// Re-runs CMake on the build folder so the File API query is answered.
/// \p CMake is the caller's (PATH, or --cmake): never CMAKE_COMMAND from
/// CMakeCache.txt, which whoever wrote the build tree chose, so a planted
/// cache could make the gate run any program.
void refreshReply(const std::string &BuildDir, const std::string &CMake) {
  fs::path Cache = fs::path(BuildDir) / "CMakeCache.txt";
  std::error_code Ec;
  if (!fs::exists(Cache, Ec))
    return; // not a configured build tree: the reader says what is missing
  fs::path Query = fileApiQueryPath(BuildDir);
  if (!fs::exists(Query, Ec))
    writeFileAtomically(Query.string(), fileApiQueryText());
  ProcessResult R = runProcess({CMake, BuildDir}, /*DiscardStderr=*/false);
  if (R.ExitCode != 0)
    throw Error("input.file-api.refresh", BuildDir, "",
                "re-running cmake to answer the File API query failed (exit "
                "code " +
                    std::to_string(R.ExitCode) + ")");
}

bool isUnder(const std::string &Path, const std::string &Dir) {
  if (Dir.empty())
    return false;
  return Path == Dir || Path.rfind(Dir + "/", 0) == 0;
}

std::string debNamespace() {
  std::ifstream In("/etc/os-release");
  std::string Line;
  while (std::getline(In, Line))
    if (Line.rfind("ID=", 0) == 0) {
      std::string Id = Line.substr(3);
      Id.erase(std::remove(Id.begin(), Id.end(), '"'), Id.end());
      return Id.empty() ? "debian" : Id;
    }
  return "debian";
}

bool wanted(const FileApiTarget &T) {
  static const std::set<std::string> Types = {
      "EXECUTABLE", "STATIC_LIBRARY", "SHARED_LIBRARY", "MODULE_LIBRARY"};
  return !T.GeneratorProvided && Types.count(T.Type);
}

/// Resolves paths and -l flags once per build, not once per target.
class PathCache {
public:
  /// \p Path and, when it is a symlink, what it points to.
  const std::vector<std::string> &expand(const std::string &Path) {
    auto [It, New] = Expanded.try_emplace(Path);
    if (New) {
      It->second.push_back(Path);
      std::error_code Ec;
      fs::path Real = fs::canonical(Path, Ec);
      if (!Ec && Real.string() != Path)
        It->second.push_back(Real.string());
    }
    return It->second;
  }
  /// lib<Name>.so or .a in the implicit link folders, or "".
  const std::string &library(const std::string &Name,
                             const std::vector<std::string> &Dirs) {
    auto [It, New] = Libraries.try_emplace(Name);
    if (New)
      for (const std::string &Dir : Dirs) {
        for (const char *Ext : {".so", ".a"}) {
          fs::path P = fs::path(Dir) / ("lib" + Name + Ext);
          std::error_code Ec;
          if (fs::exists(P, Ec)) {
            It->second = P.string();
            return It->second;
          }
        }
      }
    return It->second;
  }

private:
  std::map<std::string, std::vector<std::string>> Expanded;
  std::map<std::string, std::string> Libraries;
};

/// The system files a target uses: link libraries outside the project
/// (with -lname resolved through the implicit link folders) and include
/// folders outside it, with symlinks resolved as well.
std::vector<std::string> systemFiles(const FileApiTarget &T,
                                     const FileApiReply &R, PathCache &Cache) {
  std::vector<std::string> Out;
  auto Add = [&](const std::string &P) {
    const std::vector<std::string> &All = Cache.expand(P);
    Out.insert(Out.end(), All.begin(), All.end());
  };
  for (const std::string &F : T.LinkLibraries) {
    if (F.rfind("-l", 0) == 0) {
      if (const std::string &Lib =
              Cache.library(F.substr(2), R.ImplicitLinkDirs);
          !Lib.empty())
        Add(Lib);
      continue;
    }
    if (F.empty() || F[0] != '/')
      continue; // flags, or the project's own libraries (relative)
    if (isUnder(F, R.BuildDir) || isUnder(F, R.SourceDir))
      continue;
    Add(fs::path(F).lexically_normal().string());
  }
  for (const std::string &I : T.IncludeDirs)
    if (!isUnder(I, R.BuildDir) && !isUnder(I, R.SourceDir))
      Add(I);
  return Out;
}

/// Everything one target's fragment needs to know about the build.
struct Context {
  const SbomOptions &Options;
  const FileApiReply &Reply;
  std::string Project, Version, Supplier, Author;
  sbom::DpkgDatabase Dpkg;
  std::string DebNamespace = "debian";
  std::set<std::string> Included; ///< target names that get a component
  PathCache Paths;
};

SbomComponent debComponent(const sbom::DebPackage &P, const Context &Ctx) {
  SbomComponent C;
  C.Purl = makePurl("deb", Ctx.DebNamespace, P.Name, P.Version,
                    {{"arch", P.Architecture}});
  C.Ref = C.Purl;
  C.Name = P.Name;
  C.Version = P.Version;
  C.Type = "library";
  C.Supplier = P.Maintainer;
  C.Origin = "deb";
  if (!P.Homepage.empty())
    C.Properties["dpkg:homepage"] = P.Homepage;
  if (!P.Source.empty())
    C.Properties["dpkg:source"] = P.Source;
  // Vulnerability databases version the source package; say so when its
  // version is not the binary's.
  if (!P.SourceVersion.empty() && P.SourceVersion != P.Version)
    C.Properties["dpkg:source-version"] = P.SourceVersion;
  return C;
}

/// The deb components owning \p Files. A path that several packages list
/// is a shared folder (/usr/include belongs to everyone) and identifies
/// none; a file has one owner.
std::vector<SbomComponent> debOwners(const std::vector<std::string> &Files,
                                     const Context &Ctx) {
  std::vector<SbomComponent> Out;
  for (const std::string &F : Files) {
    auto Owners = Ctx.Dpkg.ownersOf(F);
    if (Owners.size() != 1)
      continue;
    for (const sbom::DebPackage *P : Owners)
      Out.push_back(debComponent(*P, Ctx));
  }
  return Out;
}

SbomDocument targetFragment(const FileApiTarget &T,
                            const std::vector<std::string> &SystemFiles,
                            const Context &Ctx) {
  SbomDocument F;
  SbomComponent C;
  C.Ref = "target:" + T.Name;
  C.Name = T.Name;
  C.Version = Ctx.Version;
  C.Type = T.Type == "EXECUTABLE" ? "application" : "library";
  C.Purl = makePurl("generic", Ctx.Project, T.Name, Ctx.Version);
  C.Supplier = Ctx.Supplier;
  C.Author = Ctx.Author;
  C.Origin = "target";
  C.Properties["cmake:target-type"] = T.Type;
  if (T.Project != Ctx.Project)
    C.Properties["cmake:project"] = T.Project;
  if (!T.Artifacts.empty()) {
    const std::string &A = T.Artifacts.front();
    C.File =
        fs::path(A).lexically_relative(Ctx.Reply.BuildDir).generic_string();
    std::error_code Ec;
    if (fs::is_regular_file(A, Ec)) {
      std::tie(C.Sha256, C.Sha1) = fileDigestsHex(A);
    }
  }
  if (Ctx.Options.WithSources)
    for (const std::string &S : T.Sources) {
      fs::path P(S);
      C.Sources.push_back(
          P.is_absolute()
              ? P.lexically_relative(Ctx.Reply.SourceDir).generic_string()
              : P.generic_string());
    }
  for (const std::string &D : T.Dependencies)
    if (Ctx.Included.count(D))
      C.DependsOn.push_back("target:" + D);
  for (SbomComponent &Deb : debOwners(SystemFiles, Ctx)) {
    C.DependsOn.push_back(Deb.Ref);
    F.Components.push_back(std::move(Deb));
  }
  F.Components.push_back(std::move(C));
  F.normalize();
  return F;
}

/// A component for sources fetched at build time (FetchContent,
/// ExternalProject_Add): from a git repository and tag, or from a URL and
/// its hash. Nothing when neither names a remote source.
std::optional<SbomComponent>
remoteSource(const std::string &Name, const std::string &Origin,
             const std::string &Repo, const std::string &Tag,
             const std::string &Url, const std::string &UrlHash) {
  SbomComponent C;
  C.Name = Name;
  C.Origin = Origin;
  C.Type = "library";
  if (!Repo.empty()) {
    C.Version = Tag;
    C.DownloadLocation = "git+" + Repo + (Tag.empty() ? "" : "@" + Tag);
    static const std::regex GitHub(
        R"(^https?://github\.com/([^/]+)/([^/]+?)(\.git)?/?$)");
    std::smatch M;
    if (std::regex_match(Repo, M, GitHub)) {
      C.Purl = makePurl("github", M[1].str(), M[2].str(), C.Version);
      C.Supplier = M[1].str(); // the account that publishes it
    } else {
      C.Purl = makePurl("generic", "", Name, C.Version,
                        {{"vcs_url", "git+" + Repo}});
    }
  } else if (!Url.empty()) {
    C.DownloadLocation = Url;
    C.Version = UrlHash.substr(UrlHash.find('=') + 1);
    C.Purl = makePurl("generic", "", Name, C.Version, {{"download_url", Url}});
  } else {
    return std::nullopt; // SOURCE_DIR-only declarations name no remote source
  }
  C.Ref = C.Purl;
  C.Properties["cmake:" + Origin] = Name;
  return C;
}

/// `_deps/<name>-subbuild/CMakeLists.txt`: the ExternalProject_Add that
/// FetchContent generates names the repository and tag, or the URL.
std::vector<SbomComponent> fetchContentSources(const FileApiReply &R) {
  std::vector<SbomComponent> Out;
  std::error_code Ec;
  fs::path Deps = fs::path(R.BuildDir) / "_deps";
  std::vector<fs::path> Subbuilds;
  for (const auto &E : fs::directory_iterator(Deps, Ec))
    if (E.is_directory() && E.path().filename().string().size() > 9 &&
        E.path().filename().string().find("-subbuild") != std::string::npos)
      Subbuilds.push_back(E.path());
  std::sort(Subbuilds.begin(), Subbuilds.end());
  static const std::regex Arg(
      R"re((?:^|[\s"])(GIT_REPOSITORY|GIT_TAG|URL|URL_HASH)"?\s+"?([^"\s)]+))re");
  for (const fs::path &Dir : Subbuilds) {
    fs::path File = Dir / "CMakeLists.txt";
    if (!fs::exists(File, Ec))
      continue;
    std::string Text = readFile(File.string());
    std::map<std::string, std::string> Args;
    for (auto It = std::sregex_iterator(Text.begin(), Text.end(), Arg);
         It != std::sregex_iterator(); ++It)
      Args.emplace((*It)[1].str(), (*It)[2].str());
    std::string Name = Dir.filename().string();
    Name = Name.substr(0, Name.rfind("-subbuild"));
    if (auto C = remoteSource(Name, "fetchcontent", Args["GIT_REPOSITORY"],
                              Args["GIT_TAG"], Args["URL"], Args["URL_HASH"]))
      Out.push_back(std::move(*C));
  }
  return Out;
}

/// A conan reference: name/version[@user/channel][#revision].
SbomComponent conanComponent(const std::string &Reference) {
  std::string Ref = Reference.substr(0, Reference.find('#'));
  Ref = Ref.substr(0, Ref.find('@'));
  auto Slash = Ref.find('/');
  SbomComponent C;
  C.Name = Ref.substr(0, Slash);
  if (Slash != std::string::npos)
    C.Version = Ref.substr(Slash + 1);
  C.Origin = "conan";
  C.Purl = makePurl("conan", "", C.Name, C.Version);
  C.Ref = C.Purl;
  return C;
}

/// The references a conanfile.py requires: `requires = "a/1", ...`,
/// `requires = ["a/1"]` and `self.requires("a/1")`, likewise tool_requires
/// and build_requires (test_requires are not part of the product). Python
/// is not evaluated: references built at run time (f-strings) are not seen.
std::vector<std::string> conanfilePyRequires(const std::string &Text) {
  static const std::regex Statement(
      R"re(\b(?:self\.)?(?:requires|tool_requires|build_requires)\s*(=|\())re");
  static const std::regex Literal(
      R"re(["']([A-Za-z0-9_][A-Za-z0-9_.+-]*/[^"'@#\s\[\]{}]+(?:@[^"'#\s]*)?(?:#[^"'\s]*)?)["'])re");
  std::vector<std::string> Out;
  for (auto It = std::sregex_iterator(Text.begin(), Text.end(), Statement);
       It != std::sregex_iterator(); ++It) {
    // The statement runs to its closing bracket, or to the end of the line
    // for an assignment without brackets.
    size_t Begin = It->position(0) + It->length(0), End = Begin;
    int Depth = (*It)[1] == "(" ? 1 : 0;
    for (; End < Text.size(); ++End) {
      char Ch = Text[End];
      if (Ch == '(' || Ch == '[')
        ++Depth;
      else if (Ch == ')' || Ch == ']') {
        if (--Depth <= 0)
          break;
      } else if (Ch == '\n' && Depth == 0)
        break;
    }
    std::string Body = Text.substr(Begin, End - Begin);
    for (auto L = std::sregex_iterator(Body.begin(), Body.end(), Literal);
         L != std::sregex_iterator(); ++L)
      Out.push_back((*L)[1].str());
  }
  return Out;
}

/// True when the build was configured through \p Manager's toolchain (a
/// manifest the build does not use describes nothing it contains).
bool buildUses(const FileApiReply &R, const std::string &Manager) {
  std::string Upper = Manager;
  for (char &C : Upper)
    C = static_cast<char>(std::toupper(static_cast<unsigned char>(C)));
  for (const auto &[Name, Value] : R.Cache) {
    if (Name.rfind(Upper + "_", 0) == 0)
      return true;
    if (Name == "CMAKE_TOOLCHAIN_FILE" &&
        Value.find(Manager) != std::string::npos)
      return true;
  }
  return false;
}

/// vcpkg.json (manifest mode) and conanfile.txt of the source folder, when
/// the build uses vcpkg or conan.
std::vector<SbomComponent> manifestDependencies(const fs::path &SourceDir,
                                                const FileApiReply &R) {
  std::vector<SbomComponent> Out;
  std::error_code Ec;
  fs::path Vcpkg = SourceDir / "vcpkg.json";
  if (buildUses(R, "vcpkg") && fs::exists(Vcpkg, Ec)) {
    json J = parseJsonText(readFile(Vcpkg.string()), Vcpkg.string());
    const json Deps = J.is_object() && J.contains("dependencies")
                          ? J["dependencies"]
                          : json::array();
    if (!Deps.is_array())
      throw Error("input.sbom.vcpkg", Vcpkg.string(), "/dependencies",
                  "expected an array");
    // Versions pinned by "overrides" win over "version>=" minimums.
    std::map<std::string, std::string> Pinned;
    if (J.contains("overrides") && J["overrides"].is_array())
      for (const json &O : J["overrides"])
        if (O.is_object() && O.contains("name") && O.contains("version") &&
            O["name"].is_string() && O["version"].is_string())
          Pinned[O["name"].get<std::string>()] =
              O["version"].get<std::string>();
    for (size_t I = 0; I < Deps.size(); ++I) {
      const json &D = Deps[I];
      SbomComponent C;
      if (D.is_string()) {
        C.Name = D.get<std::string>();
      } else if (D.is_object() && D.contains("name") && D["name"].is_string()) {
        C.Name = D["name"].get<std::string>();
        if (D.contains("version>=") && D["version>="].is_string())
          C.Version = D["version>="].get<std::string>();
      } else {
        throw Error("input.sbom.vcpkg", Vcpkg.string(),
                    "/dependencies/" + std::to_string(I),
                    "expected a name or an object with 'name'");
      }
      if (Pinned.count(C.Name))
        C.Version = Pinned[C.Name];
      C.Origin = "vcpkg";
      C.Purl = makePurl("generic", "vcpkg", C.Name, C.Version);
      C.Ref = C.Purl;
      Out.push_back(std::move(C));
    }
  }
  fs::path Conan = SourceDir / "conanfile.txt";
  if (buildUses(R, "conan") && fs::exists(Conan, Ec)) {
    std::istringstream In(readFile(Conan.string()));
    std::string Line, Section;
    while (std::getline(In, Line)) {
      Line.erase(0, Line.find_first_not_of(" \t"));
      Line.erase(Line.find_last_not_of(" \t\r") + 1);
      if (Line.empty() || Line[0] == '#')
        continue;
      if (Line[0] == '[') {
        Section = Line;
        continue;
      }
      if (Section != "[requires]" && Section != "[tool_requires]")
        continue;
      Out.push_back(conanComponent(Line));
    }
  }
  fs::path ConanPy = SourceDir / "conanfile.py";
  if (buildUses(R, "conan") && !fs::exists(Conan, Ec) &&
      fs::exists(ConanPy, Ec))
    for (const std::string &Ref :
         conanfilePyRequires(readFile(ConanPy.string())))
      Out.push_back(conanComponent(Ref));
  return Out;
}

/// Writes one target's own SBOM as CycloneDX, the target as the metadata
/// component: its artifact's hashes and the Debian packages it uses, so an
/// artifact can ship with its SBOM. The targets it depends on are named in
/// the property `exitbar:target-dependencies` rather than as edges: each
/// has its own file, and the merged SBOM holds the whole graph. The time is
/// the artifact's (or SOURCE_DATE_EPOCH's), so the file changes only when
/// the target does and unchanged targets are not rewritten. Returns the
/// file name.
std::string writeTargetSbom(const SbomDocument &Fragment,
                            const SbomDocument &Whole,
                            const std::string &Target, const fs::path &Dir,
                            const std::string &Artifact, bool FixedTime) {
  SbomDocument D;
  D.Supplier = Whole.Supplier;
  D.Authors = Whole.Authors;
  D.ToolVersion = Whole.ToolVersion;
  D.Timestamp = Whole.Timestamp;
  std::error_code Ec;
  if (!FixedTime && !Artifact.empty()) {
    auto Time = fs::last_write_time(Artifact, Ec);
    if (!Ec)
      D.Timestamp = formatTimestamp(
          std::chrono::duration_cast<std::chrono::seconds>(
              Time - fs::file_time_type::clock::now() +
              std::chrono::system_clock::now().time_since_epoch())
              .count());
  }
  for (const SbomComponent &C : Fragment.Components)
    (C.Ref == "target:" + Target ? D.Root : D.Components.emplace_back()) = C;
  std::string Targets;
  std::vector<std::string> Kept;
  for (const std::string &Ref : D.Root.DependsOn) {
    if (Ref.rfind("target:", 0) == 0)
      Targets += (Targets.empty() ? "" : ",") + Ref.substr(7);
    else
      Kept.push_back(Ref);
  }
  D.Root.DependsOn = std::move(Kept);
  if (!Targets.empty())
    D.Root.Properties["exitbar:target-dependencies"] = Targets;
  std::string Name;
  for (char Ch : Target)
    Name += std::isalnum(static_cast<unsigned char>(Ch)) || Ch == '.' ||
                    Ch == '_' || Ch == '-' || Ch == '+'
                ? Ch
                : '_';
  Name += ".cdx.json";
  std::ostringstream Out;
  writeCycloneDx(D, Out);
  // Creating and renaming thousands of files costs more in the file system
  // than comparing them: an unchanged target keeps its file.
  fs::path File = Dir / Name;
  if (fs::file_size(File, Ec) != Out.str().size() || Ec ||
      readFile(File.string()) != Out.str())
    writeFileAtomically(File.string(), Out.str());
  return Name;
}

/// Removes the SBOMs of targets the build no longer has.
void removeStaleFragments(const fs::path &Dir,
                          const std::vector<std::string> &Current) {
  std::set<std::string> Keep(Current.begin(), Current.end());
  std::error_code Ec;
  for (const auto &E : fs::directory_iterator(Dir, Ec)) {
    std::string Name = E.path().filename().string();
    if (Name.size() > 9 && Name.compare(Name.size() - 9, 9, ".cdx.json") == 0 &&
        !Keep.count(Name))
      fs::remove(E.path(), Ec);
  }
}

} // namespace

SbomDocument collectSbom(const SbomOptions &Options, const Env &Environment) {
  if (Options.Refresh && !fileApiReplyIsFresh(Options.BuildDir))
    refreshReply(Options.BuildDir,
                 Options.CMakeCommand.empty() ? "cmake" : Options.CMakeCommand);
  FileApiReply Reply =
      readFileApiReply(Options.BuildDir, Options.Configuration);
  ConfigureInfo Info = readConfigureInfo(fs::path(Reply.BuildDir) / "exitbar" /
                                         "sbom" / "cmake-packages.json");
  std::string SourceDir =
      Options.SourceDir.empty()
          ? Reply.SourceDir
          : fs::absolute(Options.SourceDir).lexically_normal().string();

  Context Ctx{Options, Reply, "", "", "", "", {}, "debian", {}, {}};
  Ctx.Project = !Info.ProjectName.empty()
                    ? Info.ProjectName
                    : (Reply.Cache.count("CMAKE_PROJECT_NAME")
                           ? Reply.Cache.at("CMAKE_PROJECT_NAME")
                           : fs::path(SourceDir).filename().string());
  Ctx.Version = !Options.ReleaseVersion.empty() ? Options.ReleaseVersion
                                                : Info.ProjectVersion;
  Ctx.Supplier = !Options.Supplier.empty() ? Options.Supplier : Info.Supplier;
  Ctx.Author = !Options.Author.empty() ? Options.Author : Info.Author;
  if (Ctx.Author.empty())
    Ctx.Author = Ctx.Supplier;

  std::vector<const FileApiTarget *> Targets;
  for (const FileApiTarget &T : Reply.Targets)
    // ExitBar's own tool is not part of a consumer's product.
    if (wanted(T) && (T.Project != "ExitBar" || Ctx.Project == "ExitBar")) {
      Targets.push_back(&T);
      Ctx.Included.insert(T.Name);
    }

  std::vector<std::string> Paths;
  std::vector<std::vector<std::string>> SystemFiles;
  for (const FileApiTarget *T : Targets) {
    SystemFiles.push_back(systemFiles(*T, Reply, Ctx.Paths));
    Paths.insert(Paths.end(), SystemFiles.back().begin(),
                 SystemFiles.back().end());
  }
  for (const ConfigureInfo::Package &P : Info.Packages) {
    for (const std::string &F : P.Files) {
      const std::vector<std::string> &All = Ctx.Paths.expand(F);
      Paths.insert(Paths.end(), All.begin(), All.end());
    }
    if (!P.Dir.empty())
      Paths.push_back(P.Dir);
  }
  if (!Options.DpkgRoot.empty()) {
    Ctx.Dpkg = sbom::DpkgDatabase::load(Options.DpkgRoot, Paths);
    if (Options.DpkgRoot == "/var/lib/dpkg")
      Ctx.DebNamespace = debNamespace();
  }

  SbomDocument Doc;
  Doc.Timestamp = formatTimestamp(Environment.now());
  Doc.Supplier = Ctx.Supplier;
  if (!Ctx.Author.empty())
    Doc.Authors.push_back(Ctx.Author);
  Doc.Root.Ref = "project:" + Ctx.Project;
  Doc.Root.Name = Ctx.Project;
  Doc.Root.Version = Ctx.Version;
  Doc.Root.Type = "application";
  Doc.Root.Purl = makePurl("generic", "", Ctx.Project, Ctx.Version);
  Doc.Root.Supplier = Ctx.Supplier;
  Doc.Root.Author = Ctx.Author;
  Doc.Root.Origin = "project";
  if (!Info.Description.empty())
    Doc.Root.Properties["cmake:description"] = Info.Description;

  // One fragment per target, then merged (the merge is order-independent;
  // appending all and normalizing once is the same merge in O(n log n)).
  // Fragments are built on every core (hashing artifacts dominates).
  const bool FixedTime = Environment.get("SOURCE_DATE_EPOCH").has_value();
  std::vector<SbomDocument> Fragments(Targets.size());
  std::vector<std::string> FragmentFiles(Targets.size());
  parallelFor(Targets.size(), [&](size_t I) {
    Fragments[I] = targetFragment(*Targets[I], SystemFiles[I], Ctx);
    if (!Options.FragmentsDir.empty())
      FragmentFiles[I] = writeTargetSbom(
          Fragments[I], Doc, Targets[I]->Name, Options.FragmentsDir,
          Targets[I]->Artifacts.empty() ? "" : Targets[I]->Artifacts.front(),
          FixedTime);
  });
  if (!Options.FragmentsDir.empty())
    removeStaleFragments(Options.FragmentsDir, FragmentFiles);
  for (size_t I = 0; I < Targets.size(); ++I) {
    for (SbomComponent &C : Fragments[I].Components)
      Doc.Components.push_back(std::move(C));
    Doc.Root.DependsOn.push_back("target:" + Targets[I]->Name);
  }

  // find_package: a package whose files dpkg owns is that deb package (the
  // CMake name becomes a property); others are components of their own.
  SbomDocument Packages;
  for (const ConfigureInfo::Package &P : Info.Packages) {
    std::vector<std::string> Files = P.Files;
    if (!P.Dir.empty())
      Files.push_back(P.Dir);
    std::vector<std::string> Expanded;
    for (const std::string &F : Files) {
      Expanded.push_back(F);
      std::error_code Ec;
      fs::path Real = fs::canonical(F, Ec);
      if (!Ec && Real.string() != F)
        Expanded.push_back(Real.string());
    }
    std::vector<SbomComponent> Debs = debOwners(Expanded, Ctx);
    for (SbomComponent &D : Debs) {
      D.Properties["cmake:find_package"] = P.Name;
      Doc.Root.DependsOn.push_back(D.Ref);
      Packages.Components.push_back(std::move(D));
    }
    if (!Debs.empty())
      continue;
    if (P.Version.empty() && P.Files.empty() && P.Dir.empty())
      continue; // e.g. Threads: nothing that identifies a package
    SbomComponent C;
    C.Name = P.Name;
    C.Version = P.Version;
    C.Origin = "find_package";
    C.Purl = makePurl("generic", "", P.Name, P.Version);
    C.Ref = C.Purl;
    if (!P.Dir.empty())
      C.Properties["cmake:package-dir"] = P.Dir;
    Doc.Root.DependsOn.push_back(C.Ref);
    Packages.Components.push_back(std::move(C));
  }
  for (SbomComponent &C : fetchContentSources(Reply)) {
    Doc.Root.DependsOn.push_back(C.Ref);
    Packages.Components.push_back(std::move(C));
  }
  for (const ConfigureInfo::ExternalProject &E : Info.ExternalProjects)
    if (auto C = remoteSource(E.Name, "external_project", E.GitRepository,
                              E.GitTag, E.Url, E.UrlHash)) {
      Doc.Root.DependsOn.push_back(C->Ref);
      Packages.Components.push_back(std::move(*C));
    }
  for (SbomComponent &C : manifestDependencies(SourceDir, Reply)) {
    Doc.Root.DependsOn.push_back(C.Ref);
    Packages.Components.push_back(std::move(C));
  }
  Doc.merge(Packages);
  return Doc;
}

} // namespace exitbar

// Read.cpp - reader of CMake File API replies (codemodel v2, cache v2)
// SPDX-License-Identifier: Apache-2.0
//
// Implements cmake-file-api(7) as of CMake 3.25:
// https://cmake.org/cmake/help/v3.25/manual/cmake-file-api.7.html
// Only the members ExitBar uses are read; each is checked, and a missing or
// mistyped one is reported with the reply file and its JSON pointer.

#include "exitbar/CMakeFileApi.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "support/Parallel.h"
#include <algorithm>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;
using nlohmann::json;

namespace exitbar {
namespace {

/// One reply file being read: reports problems with its name and a pointer.
class ReplyFile {
public:
  ReplyFile(std::string Path)
      : Path(std::move(Path)),
        Doc(parseJsonText(readFile(this->Path), this->Path)) {}

  [[noreturn]] void fail(const std::string &Pointer,
                         const std::string &Message) const {
    throw Error("input.file-api.invalid", Path, Pointer.empty() ? "/" : Pointer,
                Message);
  }

  /// Member \p Key of the object at \p Pointer, checked with \p Is.
  const json &need(const json &Object, const std::string &Pointer,
                   const char *Key, bool (json::*Is)() const,
                   const char *What) const {
    if (!Object.is_object())
      fail(Pointer, "expected an object");
    auto It = Object.find(Key);
    if (It == Object.end())
      fail(Pointer, std::string("missing member '") + Key + "'");
    if (!((*It).*Is)())
      fail(Pointer + "/" + Key, std::string("expected ") + What);
    return *It;
  }
  const json &array(const json &O, const std::string &P, const char *K) const {
    return need(O, P, K, &json::is_array, "an array");
  }
  const json &object(const json &O, const std::string &P, const char *K) const {
    return need(O, P, K, &json::is_object, "an object");
  }
  std::string string(const json &O, const std::string &P, const char *K) const {
    return need(O, P, K, &json::is_string, "a string").get<std::string>();
  }
  size_t index(const json &O, const std::string &P, const char *K,
               size_t Size) const {
    const json &V =
        need(O, P, K, &json::is_number_unsigned, "a non-negative integer");
    auto I = V.get<size_t>();
    if (I >= Size)
      fail(P + "/" + K, "index " + std::to_string(I) + " out of range");
    return I;
  }

  std::string Path;
  json Doc;
};

std::string at(const std::string &Pointer, size_t I) {
  return Pointer + "/" + std::to_string(I);
}

/// The newest index file (names sort by time of writing).
std::string newestIndex(const fs::path &ReplyDir) {
  std::error_code Ec;
  std::string Newest;
  for (const auto &Entry : fs::directory_iterator(ReplyDir, Ec)) {
    std::string Name = Entry.path().filename().string();
    if (Name.rfind("index-", 0) == 0 && Entry.path().extension() == ".json" &&
        Name > Newest)
      Newest = Name;
  }
  return Newest;
}

/// The file of the reply object of \p Kind (major version \p Major), or ""
/// when \p Optional and the index has none.
std::string objectFile(const ReplyFile &Index, const std::string &Kind,
                       int Major, bool Optional = false) {
  const json &Objects = Index.array(Index.Doc, "", "objects");
  for (size_t I = 0; I < Objects.size(); ++I) {
    const json &O = Objects[I];
    std::string P = at("/objects", I);
    if (Index.string(O, P, "kind") != Kind)
      continue;
    const json &Version = Index.object(O, P, "version");
    if (Index
            .need(Version, P + "/version", "major", &json::is_number_integer,
                  "an integer")
            .get<int>() != Major)
      continue;
    return Index.string(O, P, "jsonFile");
  }
  if (Optional)
    return "";
  Index.fail("/objects", "no " + Kind + " v" + std::to_string(Major) +
                             " object; the query was not answered (re-run "
                             "cmake on the build folder)");
}

FileApiTarget readTarget(const fs::path &ReplyDir, const std::string &File,
                         const std::string &Project,
                         const std::map<std::string, std::string> &NameOfId,
                         const fs::path &SourceDir, const fs::path &BuildDir) {
  ReplyFile T((ReplyDir / File).string());
  const json &D = T.Doc;
  FileApiTarget Out;
  Out.Name = T.string(D, "", "name");
  Out.Id = T.string(D, "", "id");
  Out.Type = T.string(D, "", "type");
  Out.Project = Project;
  if (auto It = D.find("isGeneratorProvided"); It != D.end())
    Out.GeneratorProvided = It->is_boolean() && It->get<bool>();
  if (D.contains("artifacts")) {
    const json &A = T.array(D, "", "artifacts");
    for (size_t I = 0; I < A.size(); ++I) {
      fs::path P = T.string(A[I], at("/artifacts", I), "path");
      Out.Artifacts.push_back(
          (P.is_absolute() ? P : BuildDir / P).lexically_normal().string());
    }
  }
  if (D.contains("sources")) {
    const json &S = T.array(D, "", "sources");
    for (size_t I = 0; I < S.size(); ++I)
      Out.Sources.push_back(T.string(S[I], at("/sources", I), "path"));
  }
  if (D.contains("dependencies")) {
    const json &Deps = T.array(D, "", "dependencies");
    for (size_t I = 0; I < Deps.size(); ++I) {
      std::string Id = T.string(Deps[I], at("/dependencies", I), "id");
      auto It = NameOfId.find(Id);
      if (It == NameOfId.end())
        T.fail(at("/dependencies", I) + "/id",
               "names target '" + Id + "', which the codemodel lacks");
      Out.Dependencies.push_back(It->second);
    }
  }
  if (D.contains("link")) {
    const json &Link = T.object(D, "", "link");
    if (Link.contains("commandFragments")) {
      const json &F = T.array(Link, "/link", "commandFragments");
      for (size_t I = 0; I < F.size(); ++I) {
        std::string P = at("/link/commandFragments", I);
        if (T.string(F[I], P, "role") == "libraries")
          Out.LinkLibraries.push_back(T.string(F[I], P, "fragment"));
      }
    }
  }
  if (D.contains("compileGroups")) {
    std::set<std::string> Seen;
    const json &Groups = T.array(D, "", "compileGroups");
    for (size_t G = 0; G < Groups.size(); ++G) {
      std::string P = at("/compileGroups", G);
      if (!Groups[G].contains("includes"))
        continue;
      const json &Inc = T.array(Groups[G], P, "includes");
      for (size_t I = 0; I < Inc.size(); ++I) {
        fs::path Dir = T.string(Inc[I], at(P + "/includes", I), "path");
        std::string Abs = (Dir.is_absolute() ? Dir : SourceDir / Dir)
                              .lexically_normal()
                              .string();
        if (Seen.insert(Abs).second)
          Out.IncludeDirs.push_back(Abs);
      }
    }
  }
  return Out;
}

} // namespace

std::string fileApiQueryText() {
  return "{\n  \"requests\": [\n"
         "    {\"kind\": \"codemodel\", \"version\": 2},\n"
         "    {\"kind\": \"cache\", \"version\": 2},\n"
         "    {\"kind\": \"toolchains\", \"version\": 1},\n"
         "    {\"kind\": \"cmakeFiles\", \"version\": 1}\n  ]\n}\n";
}

std::string fileApiQueryPath(const std::string &BuildDir) {
  return (fs::path(BuildDir) / ".cmake/api/v1/query/client-exitbar/query.json")
      .string();
}

bool fileApiReplyIsFresh(const std::string &BuildDir) {
  fs::path Reply = fs::path(BuildDir) / ".cmake/api/v1/reply";
  std::string Index = newestIndex(Reply);
  if (Index.empty())
    return false;
  std::error_code Ec1, Ec2;
  auto IndexTime = fs::last_write_time(Reply / Index, Ec1);
  auto CacheTime =
      fs::last_write_time(fs::path(BuildDir) / "CMakeCache.txt", Ec2);
  return !Ec1 && (Ec2 || IndexTime >= CacheTime);
}

FileApiReply readFileApiReply(const std::string &BuildDir,
                              const std::string &Configuration) {
  fs::path ReplyDir = fs::path(BuildDir) / ".cmake/api/v1/reply";
  std::string IndexName = newestIndex(ReplyDir);
  if (IndexName.empty())
    throw Error("input.file-api.no-reply", ReplyDir.string(), "",
                "no File API reply; configure the build folder with the "
                "ExitBar query in place (cmake " +
                    BuildDir + ")");
  ReplyFile Index((ReplyDir / IndexName).string());
  FileApiReply Out;
  Out.IndexFile = Index.Path;

  // cache v2: entries [{name, value, type, properties}]
  ReplyFile Cache((ReplyDir / objectFile(Index, "cache", 2)).string());
  const json &Entries = Cache.array(Cache.Doc, "", "entries");
  for (size_t I = 0; I < Entries.size(); ++I)
    Out.Cache[Cache.string(Entries[I], at("/entries", I), "name")] =
        Cache.string(Entries[I], at("/entries", I), "value");

  // toolchains v1: toolchains [{compiler: {implicit: {linkDirectories}}}]
  if (std::string File = objectFile(Index, "toolchains", 1, true);
      !File.empty()) {
    ReplyFile Tools((ReplyDir / File).string());
    const json &List = Tools.array(Tools.Doc, "", "toolchains");
    std::set<std::string> Seen;
    for (size_t I = 0; I < List.size(); ++I) {
      std::string P = at("/toolchains", I);
      const json &Compiler = Tools.object(List[I], P, "compiler");
      if (!Compiler.contains("implicit"))
        continue;
      const json &Implicit =
          Tools.object(Compiler, P + "/compiler", "implicit");
      if (!Implicit.contains("linkDirectories"))
        continue;
      const json &Dirs =
          Tools.array(Implicit, P + "/compiler/implicit", "linkDirectories");
      for (size_t D = 0; D < Dirs.size(); ++D) {
        if (!Dirs[D].is_string())
          Tools.fail(at(P + "/compiler/implicit/linkDirectories", D),
                     "expected a string");
        if (Seen.insert(Dirs[D].get<std::string>()).second)
          Out.ImplicitLinkDirs.push_back(Dirs[D].get<std::string>());
      }
    }
  }

  // codemodel v2: paths, configurations [{name, projects, targets}]
  ReplyFile Model((ReplyDir / objectFile(Index, "codemodel", 2)).string());
  const json &Paths = Model.object(Model.Doc, "", "paths");
  // Real replies hold absolute paths; relative ones (hand-written test
  // replies) are taken relative to the build folder given.
  fs::path Base = fs::absolute(BuildDir);
  Out.SourceDir = (Base / Model.string(Paths, "/paths", "source"))
                      .lexically_normal()
                      .string();
  Out.BuildDir = (Base / Model.string(Paths, "/paths", "build"))
                     .lexically_normal()
                     .string();
  for (std::string *Dir : {&Out.SourceDir, &Out.BuildDir})
    if (Dir->size() > 1 && Dir->back() == '/')
      Dir->pop_back();
  const json &Configs = Model.array(Model.Doc, "", "configurations");
  if (Configs.empty())
    Model.fail("/configurations", "no configuration");
  size_t Chosen = 0;
  if (!Configuration.empty()) {
    Chosen = Configs.size();
    for (size_t I = 0; I < Configs.size(); ++I)
      if (Model.string(Configs[I], at("/configurations", I), "name") ==
          Configuration)
        Chosen = I;
    if (Chosen == Configs.size())
      Model.fail("/configurations",
                 "no configuration named '" + Configuration + "'");
  }
  std::string CP = at("/configurations", Chosen);
  const json &Config = Configs[Chosen];
  Out.Configuration = Model.string(Config, CP, "name");
  const json &Projects = Model.array(Config, CP, "projects");
  std::vector<std::string> ProjectNames;
  for (size_t I = 0; I < Projects.size(); ++I)
    ProjectNames.push_back(
        Model.string(Projects[I], at(CP + "/projects", I), "name"));
  const json &Targets = Model.array(Config, CP, "targets");
  std::map<std::string, std::string> NameOfId;
  struct Pending {
    std::string File, Project, Pointer;
  };
  std::vector<Pending> Files;
  for (size_t I = 0; I < Targets.size(); ++I) {
    std::string P = at(CP + "/targets", I);
    NameOfId[Model.string(Targets[I], P, "id")] =
        Model.string(Targets[I], P, "name");
    std::string Project = ProjectNames.at(
        Model.index(Targets[I], P, "projectIndex", ProjectNames.size()));
    Files.push_back({Model.string(Targets[I], P, "jsonFile"), Project, P});
  }
  std::error_code Ec;
  for (const Pending &F : Files)
    if (!fs::is_regular_file(ReplyDir / F.File, Ec))
      Model.fail(F.Pointer + "/jsonFile",
                 "names '" + F.File + "', which is missing (partial reply)");
  // Target files are independent: parse them on every core.
  Out.Targets.resize(Files.size());
  parallelFor(Files.size(), [&](size_t I) {
    Out.Targets[I] = readTarget(ReplyDir, Files[I].File, Files[I].Project,
                                NameOfId, Out.SourceDir, Out.BuildDir);
  });
  std::sort(Out.Targets.begin(), Out.Targets.end(),
            [](const FileApiTarget &A, const FileApiTarget &B) {
              return A.Name < B.Name;
            });
  return Out;
}

} // namespace exitbar

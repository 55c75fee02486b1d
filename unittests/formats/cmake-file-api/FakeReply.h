// FakeReply.h - writes small CMake File API replies for unit tests
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_UNITTESTS_FAKEREPLY_H
#define EXITBAR_UNITTESTS_FAKEREPLY_H

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace exitbar::test {

/// A target of a fake reply.
struct FakeTarget {
  std::string Name, Type;
  std::vector<std::string> Artifacts, Sources, Dependencies, Libraries,
      Includes;
};

inline void writeJson(const std::filesystem::path &P, const nlohmann::json &J) {
  std::filesystem::create_directories(P.parent_path());
  std::ofstream(P) << J.dump(1);
}

/// Writes `<Build>/.cmake/api/v1/reply/` as CMake 3.25 would, with source
/// folder \p Source; returns the reply folder.
inline std::filesystem::path
writeFakeReply(const std::filesystem::path &Build,
               const std::filesystem::path &Source,
               const std::vector<FakeTarget> &Targets,
               const std::string &ProjectName = "demo") {
  namespace fs = std::filesystem;
  using nlohmann::json;
  fs::path Reply = Build / ".cmake/api/v1/reply";
  fs::remove_all(Reply);
  json TargetRefs = json::array();
  for (const FakeTarget &T : Targets) {
    std::string File = "target-" + T.Name + ".json";
    TargetRefs.push_back({{"name", T.Name},
                          {"id", T.Name + "::@1"},
                          {"jsonFile", File},
                          {"directoryIndex", 0},
                          {"projectIndex", 0}});
    json J{{"name", T.Name}, {"id", T.Name + "::@1"}, {"type", T.Type}};
    for (const std::string &A : T.Artifacts)
      J["artifacts"].push_back({{"path", A}});
    for (const std::string &S : T.Sources)
      J["sources"].push_back({{"path", S}});
    for (const std::string &D : T.Dependencies)
      J["dependencies"].push_back({{"id", D + "::@1"}});
    json Fragments = json::array({{{"fragment", "-O2"}, {"role", "flags"}}});
    for (const std::string &L : T.Libraries)
      Fragments.push_back({{"fragment", L}, {"role", "libraries"}});
    J["link"] = {{"commandFragments", Fragments}, {"language", "CXX"}};
    json Includes = json::array();
    for (const std::string &I : T.Includes)
      Includes.push_back({{"path", I}});
    J["compileGroups"] = json::array({{{"includes", Includes}}});
    writeJson(Reply / File, J);
  }
  writeJson(
      Reply / "codemodel-v2-1.json",
      {{"kind", "codemodel"},
       {"version", {{"major", 2}, {"minor", 4}}},
       {"paths", {{"source", Source.string()}, {"build", Build.string()}}},
       {"configurations",
        json::array({{{"name", ""},
                      {"projects", json::array({{{"name", ProjectName}}})},
                      {"targets", TargetRefs}}})}});
  writeJson(Reply / "cache-v2-1.json",
            {{"kind", "cache"},
             {"version", {{"major", 2}, {"minor", 0}}},
             {"entries", json::array({{{"name", "CMAKE_PROJECT_NAME"},
                                       {"value", ProjectName},
                                       {"type", "STATIC"}}})}});
  writeJson(
      Reply / "index-2024-01-01T00-00-00-0000.json",
      {{"objects", json::array({{{"kind", "codemodel"},
                                 {"version", {{"major", 2}, {"minor", 4}}},
                                 {"jsonFile", "codemodel-v2-1.json"}},
                                {{"kind", "cache"},
                                 {"version", {{"major", 2}, {"minor", 0}}},
                                 {"jsonFile", "cache-v2-1.json"}}})}});
  return Reply;
}

} // namespace exitbar::test

#endif // EXITBAR_UNITTESTS_FAKEREPLY_H

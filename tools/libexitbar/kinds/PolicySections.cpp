// PolicySections.cpp - what the kinds' policy sections share
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/EvidenceJson.h"
#include "exitbar/EvidenceKinds.h"
#include "exitbar/Files.h"
#include "exitbar/JsonCursor.h"

namespace exitbar {

std::vector<std::string> policyStrings(const JsonCursor &List,
                                       PolicyProblems &Problems) {
  std::vector<std::string> Out;
  if (!List.json().is_array()) {
    Problems.emplace_back(List.pointer(), "must be an array of strings");
    return Out;
  }
  for (const JsonCursor &Item : List.elements()) {
    if (Item.json().is_string() &&
        !Item.json().get_ref<const std::string &>().empty())
      Out.push_back(Item.string());
    else
      Problems.emplace_back(Item.pointer(), "must be a non-empty string");
  }
  return Out;
}

void throwFirstProblem(const PolicyProblems &Problems,
                       const std::string &File) {
  if (!Problems.empty())
    throw Error("input.policy.invalid", File,
                Problems.front().first.empty() ? "/" : Problems.front().first,
                Problems.front().second);
}

std::string readPolicySection(
    const std::string &File, const std::string &Section,
    const std::function<void(const JsonCursor &, PolicyProblems &)> &Read) {
  nlohmann::json Policy = parseJsonText(readFile(File), File);
  JsonCursor Root(Policy, File);
  Root.expectObject();
  if (auto Found = Root.find(Section)) {
    PolicyProblems Problems;
    Read(*Found, Problems);
    throwFirstProblem(Problems, File);
  }
  auto Version = Root.find("release_version");
  return Version ? Version->string() : "";
}

} // namespace exitbar

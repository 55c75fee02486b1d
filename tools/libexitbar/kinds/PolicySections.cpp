// PolicySections.cpp - what the kinds' policy sections share
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/EvidenceKinds.h"
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

} // namespace exitbar

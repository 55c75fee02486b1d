// Glob.cpp - clang-tidy's glob matching, shared by the collectors
// SPDX-License-Identifier: Apache-2.0

#include "support/Glob.h"

namespace exitbar {

bool globMatches(std::string_view Glob, std::string_view Name) {
  if (Glob.empty())
    return Name.empty();
  if (Glob[0] == '*')
    return globMatches(Glob.substr(1), Name) ||
           (!Name.empty() && globMatches(Glob, Name.substr(1)));
  return !Name.empty() && Glob[0] == Name[0] &&
         globMatches(Glob.substr(1), Name.substr(1));
}

} // namespace exitbar

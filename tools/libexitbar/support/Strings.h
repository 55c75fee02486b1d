// Strings.h - small string helpers shared by the readers and collectors
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_SUPPORT_STRINGS_H
#define EXITBAR_SUPPORT_STRINGS_H

#include <algorithm>
#include <cctype>
#include <string>

namespace exitbar {

/// \p S in ASCII lower case. Example: toLower("README") == "readme"
inline std::string toLower(std::string S) {
  std::transform(S.begin(), S.end(), S.begin(), [](unsigned char C) {
    return static_cast<char>(std::tolower(C));
  });
  return S;
}

} // namespace exitbar

#endif // EXITBAR_SUPPORT_STRINGS_H

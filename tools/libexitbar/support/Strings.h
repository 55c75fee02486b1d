// Strings.h - small string helpers shared by the readers and collectors
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_SUPPORT_STRINGS_H
#define EXITBAR_SUPPORT_STRINGS_H

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace exitbar {

/// \p Text with the characters HTML gives a meaning escaped (& < > " '),
/// safe in element content and in quoted attributes. Shared by the report
/// and the coverage pages.
/// Example: escapeHtml("a<b") == "a&lt;b"
inline std::string escapeHtml(std::string_view Text) {
  std::string Out;
  Out.reserve(Text.size());
  for (char C : Text) {
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    case '\'':
      Out += "&#39;";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

/// \p S in ASCII lower case. Example: toLower("README") == "readme"
inline std::string toLower(std::string S) {
  std::transform(S.begin(), S.end(), S.begin(), [](unsigned char C) {
    return static_cast<char>(std::tolower(C));
  });
  return S;
}

} // namespace exitbar

#endif // EXITBAR_SUPPORT_STRINGS_H

// tinyxml2.cpp - the walk-through test's stand-in for tinyxml2's parser
// SPDX-License-Identifier: Apache-2.0
#include "tinyxml2.h"

namespace tinyxml2 {

std::string firstElementName(const std::string &Xml) {
  std::string::size_type Open = Xml.find('<');
  while (Open != std::string::npos && Open + 1 < Xml.size() &&
         (Xml[Open + 1] == '?' || Xml[Open + 1] == '!'))
    Open = Xml.find('<', Open + 1);
  if (Open == std::string::npos)
    return "";
  std::string::size_type End = Xml.find_first_of(" />", Open + 1);
  if (End == std::string::npos)
    return "";
  return Xml.substr(Open + 1, End - Open - 1);
}

bool isBalanced(const std::string &Xml) {
  int Depth = 0;
  for (char C : Xml) {
    if (C == '<')
      ++Depth;
    else if (C == '>')
      --Depth;
    if (Depth < 0 || Depth > 1)
      return false;
  }
  return Depth == 0;
}

} // namespace tinyxml2

// tinyxml2.h - the walk-through test's stand-in for tinyxml2's header
// SPDX-License-Identifier: Apache-2.0
#ifndef TINYXML2_SHAPED_H
#define TINYXML2_SHAPED_H
#include <string>

namespace tinyxml2 {
/// The name of the first element of an XML text, or "" when there is none.
std::string firstElementName(const std::string &Xml);
/// Whether every '<' of the text has its '>'.
bool isBalanced(const std::string &Xml);
} // namespace tinyxml2

#endif

// Glob.h - clang-tidy's glob matching, shared by the collectors
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_SUPPORT_GLOB_H
#define EXITBAR_SUPPORT_GLOB_H

#include <string_view>

namespace exitbar {

/// clang-tidy's glob: '*' matches any run of characters, nothing else is
/// special.
/// Example: globMatches("deploy/*", "deploy/main.tf") == true
bool globMatches(std::string_view Glob, std::string_view Name);

} // namespace exitbar

#endif

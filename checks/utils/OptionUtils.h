// OptionUtils.h - parsing of list-valued check options
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_UTILS_OPTIONUTILS_H
#define EXITBAR_CHECKS_UTILS_OPTIONUTILS_H

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::exitbar::utils {

/// Splits a ';'-separated option value into trimmed, non-empty items.
/// Example: parseList("a; b;;c") == {"a", "b", "c"}
std::vector<std::string> parseList(llvm::StringRef Value);

/// Splits a ';'-separated list of `key=value` (or bare `key`) items.
/// Example: parsePairs("gets=fgets;rand") == {{"gets","fgets"},{"rand",""}}
std::vector<std::pair<std::string, std::string>>
parsePairs(llvm::StringRef Value);

/// Joins items with ';', the inverse of parseList.
std::string joinList(const std::vector<std::string> &Items);

/// Joins pairs as `key=value` items with ';', the inverse of parsePairs.
std::string
joinPairs(const std::vector<std::pair<std::string, std::string>> &Pairs);

/// Reads a boolean option ("true"/"false", "1"/"0"). Boolean options go
/// through the string accessors because the templated OptionsView::get<bool>
/// is mangled differently by GCC and by the Clang that built clang-tidy, so a
/// GCC-built plugin would not load.
/// Example: bool On = readBool(Options, "CheckScanf", true);
bool readBool(const ClangTidyCheck::OptionsView &Options, llvm::StringRef Name,
              bool Default);

/// Stores a boolean option as "true" or "false" (see readBool).
void storeBool(const ClangTidyCheck::OptionsView &Options,
               ClangTidyOptions::OptionMap &Opts, llvm::StringRef Name,
               bool Value);

} // namespace clang::tidy::exitbar::utils

#endif // EXITBAR_CHECKS_UTILS_OPTIONUTILS_H

// FileFilter.cpp - the AllowedFiles option: files a check leaves alone
// SPDX-License-Identifier: Apache-2.0

#include "utils/FileFilter.h"
#include "utils/Locations.h"

namespace clang::tidy::exitbar::utils {

FileFilter::FileFilter(llvm::StringRef Text)
    : Pattern(Text.str()), Regex(Pattern) {}

bool FileFilter::matches(SourceLocation Loc, const SourceManager &SM) const {
  if (Pattern.empty() || Loc.isInvalid())
    return false;
  return Regex.match(expansionFileName(SM, Loc));
}

} // namespace clang::tidy::exitbar::utils

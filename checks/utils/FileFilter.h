// FileFilter.h - the AllowedFiles option: files a check leaves alone
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_UTILS_FILEFILTER_H
#define EXITBAR_CHECKS_UTILS_FILEFILTER_H

#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"
#include <string>

namespace clang::tidy::exitbar::utils {

/// A regular expression over file paths; an empty one matches nothing.
/// Example: FileFilter Tests("(^|/)tests?/");
///          if (Tests.matches(Call->getBeginLoc(), SM)) return;
class FileFilter {
public:
  /// Takes a StringRef: ClangTidyCheck::OptionsView::get returns a
  /// std::string in LLVM 14 and a StringRef from LLVM 15 on.
  explicit FileFilter(llvm::StringRef Text);

  /// True when the file \p Loc is expanded in matches the pattern.
  bool matches(SourceLocation Loc, const SourceManager &SM) const;

  /// The pattern as the option gave it, for storeOptions.
  const std::string &pattern() const { return Pattern; }

private:
  std::string Pattern;
  llvm::Regex Regex;
};

} // namespace clang::tidy::exitbar::utils

#endif // EXITBAR_CHECKS_UTILS_FILEFILTER_H

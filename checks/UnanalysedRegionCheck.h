// UnanalysedRegionCheck.h - reports code that only other compilers see
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_UNANALYSEDREGIONCHECK_H
#define EXITBAR_CHECKS_UNANALYSEDREGIONCHECK_H

#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::exitbar {

/// Reports conditional blocks that clang-tidy skips because their condition
/// depends on __clang__ (`#ifndef __clang__`, the `#else` of `#ifdef
/// __clang__`), code that GCC or MSVC compile and no exitbar-* check analyses.
///
/// For the user-facing documentation see:
/// docs/checks/exitbar-unanalysed-region.md
class UnanalysedRegionCheck : public ClangTidyCheck {
public:
  UnanalysedRegionCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;

  /// Reports a skipped block that starts at \p Directive and ends before the
  /// directive at \p End; \p Condition names the condition that skipped it.
  void reportRegion(SourceLocation Directive, SourceLocation End,
                    StringRef Condition, const SourceManager &SM);

private:
  /// Blocks of fewer lines are not reported (0: report every non-empty one).
  const unsigned MinLines;
};

} // namespace clang::tidy::exitbar

#endif // EXITBAR_CHECKS_UNANALYSEDREGIONCHECK_H

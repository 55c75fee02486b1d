// PathTraversalCheck.h - flags file access through untrusted paths
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_PATHTRAVERSALCHECK_H
#define EXITBAR_CHECKS_PATHTRAVERSALCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/Taint.h"
#include "utils/TaintOptions.h"
#include "utils/TaintSummaries.h"

namespace clang::tidy::exitbar {

/// Flags files opened, created, removed or renamed through a path that comes
/// from untrusted input without validation.
///
/// For the user-facing documentation see:
/// docs/checks/exitbar-path-traversal.md
class PathTraversalCheck : public ClangTidyCheck {
public:
  PathTraversalCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  taint::TaintOptions Shared;
  const bool FlagLocalWholePaths;
  taint::TaintAnalysis Taint;
  taint::SummaryRecorder Summaries;
};

} // namespace clang::tidy::exitbar

#endif // EXITBAR_CHECKS_PATHTRAVERSALCHECK_H

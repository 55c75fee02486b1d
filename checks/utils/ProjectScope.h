// ProjectScope.h - limits AST traversal to the project's own declarations
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_UTILS_PROJECTSCOPE_H
#define EXITBAR_CHECKS_UTILS_PROJECTSCOPE_H

#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::tidy::exitbar::utils {

/// Makes the match traversal and the parent map of each translation unit
/// cover only top-level declarations outside system headers.
///
/// Why: in a typical C++ translation unit most of the AST is the standard
/// library and other system headers, where exitbar-* checks never report.
/// Matching it, and building ASTContext's parent map over it the first time
/// any check asks for a parent, was most of the suite's cost over a bare
/// parse. ASTContext::setTraversalScope prunes both; it is set when the
/// traversal reaches the translation unit node, before its children.
///
/// Every exitbar check calls this from registerMatchers; the work is done
/// once per translation unit however many checks are enabled. Checks of
/// other modules in the same run no longer see system-header code either
/// (their diagnostics there are dropped by default anyway).
void limitTraversalToProject(ast_matchers::MatchFinder *Finder);

} // namespace clang::tidy::exitbar::utils

#endif // EXITBAR_CHECKS_UTILS_PROJECTSCOPE_H

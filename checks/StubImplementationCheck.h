// StubImplementationCheck.h - flags functions shipped as stubs
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_STUBIMPLEMENTATIONCHECK_H
#define EXITBAR_CHECKS_STUBIMPLEMENTATIONCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::exitbar {

/// Flags functions shipped as stubs: bodies that only throw or abort with a
/// "not implemented" message, or only return a default value under a TODO,
/// FIXME or "not implemented" comment.
///
/// For the user-facing documentation see:
/// docs/checks/exitbar-stub-implementation.md
class StubImplementationCheck : public ClangTidyCheck {
public:
  StubImplementationCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

  /// A "not implemented" marker and where it was found.
  struct Marker {
    std::string Text;
    SourceLocation Loc;
    /// In a message (thrown, aborted with, printed) rather than a comment.
    bool InMessage = false;
    /// The marker is the exception's type name, not a string.
    bool IsTypeName = false;
    /// The marker says that code is missing ("not implemented", "TODO:
    /// implement"), not merely that something is to be done (a bare TODO).
    bool Strong = false;
  };

private:
  /// The first of Markers in \p Text, ignoring case, as written in \p Text.
  std::string findPhrase(StringRef Text) const;
  /// The marker in a comment: a phrase, or a tag such as TODO.
  std::optional<Marker> findCommentMarker(StringRef Text) const;

  /// Code the preprocessor skipped (`#ifdef DEBUG ... #endif`): its
  /// comments belong to a configuration that is not being checked.
  std::vector<SourceRange> SkippedRanges;
  /// True when conditional compilation chose this body: the body holds code
  /// that it skipped, or a skipped branch of the file defines the function.
  bool isConfigurationFallback(const FunctionDecl &F, const Stmt &Body,
                               const SourceManager &SM) const;
  const std::vector<std::string> Markers;
  const std::vector<std::string> CommentTags;
  const bool CheckCommentMarkers;
};

} // namespace clang::tidy::exitbar

#endif // EXITBAR_CHECKS_STUBIMPLEMENTATIONCHECK_H

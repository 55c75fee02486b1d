// HardcodedSecretCheck.h - flags secrets written into the source code
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_HARDCODEDSECRETCHECK_H
#define EXITBAR_CHECKS_HARDCODEDSECRETCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/SecretNames.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class MacroInfo;
class Token;
} // namespace clang

namespace clang::tidy::exitbar {

/// Flags secrets written into the source: string literals stored in or
/// passed as secret-named variables, fields, parameters or keys, compared
/// with secret-named values, and literals in well-known credential formats.
///
/// For the user-facing documentation see:
/// docs/checks/exitbar-hardcoded-secret.md
class HardcodedSecretCheck : public ClangTidyCheck {
public:
  HardcodedSecretCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

  void onEndOfTranslationUnit() override;

  /// Records a macro whose body is a secret string (called by the
  /// preprocessor callback).
  void checkMacroDefinition(const Token &MacroName, const MacroInfo &Info,
                            const SourceManager &SM);
  /// Records where a recorded secret macro is used.
  void checkMacroExpansion(const MacroInfo *Info, SourceRange Range,
                           const SourceManager &SM);

private:
  /// Whether a literal stored under a name of strength \p Kind may be a
  /// secret: not a placeholder, prompt, format, path or name.
  bool isSecretValue(StringRef Value, utils::SecretKind Kind) const;
  bool isPlaceholder(StringRef Value) const;
  /// Reports \p Lit as stored in \p Target when its value may be a secret.
  void reportStored(const StringLiteral *Lit, StringRef Target,
                    utils::SecretKind Kind, StringRef How,
                    const SourceManager &SM);
  void checkStore(const Expr *Value, StringRef Target, utils::SecretKind Kind,
                  StringRef How, const SourceManager &SM);
  void checkCall(const Expr *Call, const FunctionDecl *Callee,
                 ArrayRef<const Expr *> Args, const SourceManager &SM);
  void checkKeyValuePairs(ArrayRef<const Expr *> Items,
                          const SourceManager &SM);
  bool isNameVocabulary(ArrayRef<const Expr *> Items) const;
  void checkInitList(const InitListExpr *List, const SourceManager &SM);
  void checkComparison(const Expr *Left, const Expr *Right,
                       const SourceManager &SM);
  void checkFormat(const StringLiteral *Lit, const SourceManager &SM);
  bool alreadyReported(SourceLocation Loc);

  utils::SecretNames Names;
  std::vector<std::string> Placeholders;
  std::vector<std::string> DefaultCredentials;
  const bool CheckFormats;
  const bool CheckComparisons;
  /// Literal locations already reported, so a literal that is both stored
  /// in a secret-named variable and in a credential format is reported once.
  llvm::DenseSet<unsigned> Reported;
  /// A macro whose body is a secret string, and where it is used.
  struct SecretMacro {
    std::string Name;
    SourceLocation Definition;
    /// The credential format the body holds, or "" for a secret name.
    std::string Format;
    llvm::SmallVector<SourceLocation, 4> Uses;
  };
  /// Secret macros by their MacroInfo; reported at uses no store or
  /// comparison covered, or at the definition when never used.
  llvm::DenseMap<const MacroInfo *, SecretMacro> SecretMacros;
  const SourceManager *MacroSM = nullptr;
};

} // namespace clang::tidy::exitbar

#endif // EXITBAR_CHECKS_HARDCODEDSECRETCHECK_H

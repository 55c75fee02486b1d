// InsecureRandomCheck.h - flags predictable random numbers used as secrets
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_INSECURERANDOMCHECK_H
#define EXITBAR_CHECKS_INSECURERANDOMCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/TaintModels.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::exitbar {

/// Flags random numbers from non-cryptographic generators (rand, random,
/// drand48, std::mt19937, ...) that become keys, tokens, salts or other
/// secrets, every call of the C library's generators, and generators seeded
/// with predictable values such as time().
///
/// For the user-facing documentation see:
/// docs/checks/exitbar-insecure-random.md
class InsecureRandomCheck : public ClangTidyCheck {
public:
  InsecureRandomCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

  /// Where a random value ends up: the secret-named variable, field,
  /// parameter or function, and the place it gets the value.
  struct Sink {
    std::string Name;
    SourceLocation Loc;
  };

private:
  class Flow;

  void checkGenerator(const Expr *Value, StringRef Generator, bool CLibrary,
                      const ast_matchers::MatchFinder::MatchResult &Result);

  /// True when \p Name names a secret, given the type of what it names.
  bool isSecretName(StringRef Name, QualType Type) const;

  const bool ReportAllUses;
  const bool ReportPredictableSeeds;
  const std::vector<std::string> SecretNames;
  const std::vector<std::string> ByteSecretNames;
  const std::vector<std::string> Engines;
  /// The taint models' files (`exitbar.TaintModels`): their
  /// `weak_generators` are the C and project functions checked.
  const std::string ModelFiles;
  std::shared_ptr<const taint::ModelSet> Models;
  /// Functions whose return value carries a random value, and the secret
  /// their callers put it in (nullopt: none), so each is searched once.
  llvm::DenseMap<const FunctionDecl *, std::optional<Sink>> ReturnSinks;
};

} // namespace clang::tidy::exitbar

#endif // EXITBAR_CHECKS_INSECURERANDOMCHECK_H

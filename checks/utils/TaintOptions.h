// TaintOptions.h - the options every taint check reads the same way
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_UTILS_TAINTOPTIONS_H
#define EXITBAR_CHECKS_UTILS_TAINTOPTIONS_H

#include "Taint.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <string>

namespace clang::tidy::exitbar::taint {

/// The options shared by exitbar-command-injection and
/// exitbar-path-traversal. Two of them are project-wide: set once as
/// `exitbar.ThreatModels` and `exitbar.TaintModels` in CheckOptions, they
/// apply to every taint check (a check's own `ThreatModels` or
/// `TaintModels` overrides them).
struct TaintOptions {
  std::string ThreatModels; ///< "remote" unless set: see parseThreatModels
  std::string ModelFiles;   ///< the project's model files and folders
  std::string UntrustedParameters;
  std::string RequestTypes; ///< empty: the models' request classes
  std::string Validators;   ///< empty: the models' validators
  bool TrustProjectChecks = true;

  static TaintOptions read(const ClangTidyCheck::OptionsView &Options);
  void store(const ClangTidyCheck::OptionsView &Options,
             ClangTidyOptions::OptionMap &Opts) const;

  /// A Config with these options and the models loaded; for
  /// \p SanitizerKind ("path", "command") the models' sanitizers become its
  /// CleanFunctions. On a bad threat model or model file, sets \p Error
  /// (the check reports it as a configuration error, which `exitbar tidy`
  /// counts as an analysis error) and uses the built-in models and the
  /// remote threat model.
  Config config(llvm::StringRef SanitizerKind, std::string &Error) const;
};

} // namespace clang::tidy::exitbar::taint

#endif // EXITBAR_CHECKS_UTILS_TAINTOPTIONS_H

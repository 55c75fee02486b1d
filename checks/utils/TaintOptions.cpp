// TaintOptions.cpp - the options every taint check reads the same way
// SPDX-License-Identifier: Apache-2.0

#include "TaintOptions.h"
#include "OptionUtils.h"

namespace clang::tidy::exitbar::taint {
namespace {

/// A check's own value of \p Name, else the project-wide `exitbar.<Name>`.
std::string checkOrProjectOption(const ClangTidyCheck::OptionsView &Options,
                                 llvm::StringRef Name,
                                 llvm::StringRef Default) {
  // get() returns std::string up to LLVM 14 and StringRef after it.
  std::string Own = llvm::StringRef(Options.get(Name, "")).str();
  if (!Own.empty())
    return Own;
  // getLocalOrGlobal looks up "<check>.exitbar.<Name>", then
  // "exitbar.<Name>": the second is the project-wide key.
  return llvm::StringRef(
             Options.getLocalOrGlobal(("exitbar." + Name).str(), Default))
      .str();
}

} // namespace

TaintOptions TaintOptions::read(const ClangTidyCheck::OptionsView &Options) {
  TaintOptions O;
  O.ThreatModels = checkOrProjectOption(Options, "ThreatModels", "remote");
  O.ModelFiles = checkOrProjectOption(Options, "TaintModels", "");
  O.UntrustedParameters =
      llvm::StringRef(
          Options.get("UntrustedParameters", DefaultUntrustedParameters))
          .str();
  O.RequestTypes = llvm::StringRef(Options.get("RequestTypes", "")).str();
  O.Validators = llvm::StringRef(Options.get("Validators", "")).str();
  O.TrustProjectChecks = utils::readBool(Options, "TrustProjectChecks", true);
  return O;
}

void TaintOptions::store(const ClangTidyCheck::OptionsView &Options,
                         ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, "ThreatModels", ThreatModels);
  Options.store(Opts, "TaintModels", ModelFiles);
  Options.store(Opts, "UntrustedParameters", UntrustedParameters);
  Options.store(Opts, "RequestTypes", RequestTypes);
  Options.store(Opts, "Validators", Validators);
  utils::storeBool(Options, Opts, "TrustProjectChecks", TrustProjectChecks);
}

Config TaintOptions::config(llvm::StringRef SanitizerKind,
                            std::string &Error) const {
  Config C;
  C.Models = loadModels(ModelFiles, Error);
  std::string ThreatError;
  C.Threats = parseThreatModels(ThreatModels, ThreatError);
  if (!ThreatError.empty() || C.Threats == 0) {
    if (Error.empty())
      Error = ThreatError.empty()
                  ? "no threat model is analysed ('" + ThreatModels + "')"
                  : ThreatError;
    C.Threats = Remote;
  }
  C.UntrustedWords = utils::parseList(UntrustedParameters);
  C.RequestTypes = RequestTypes.empty() ? C.Models->requestTypes()
                                        : utils::parseList(RequestTypes);
  C.Validators = Validators.empty() ? C.Models->validators()
                                    : utils::parseList(Validators);
  C.CleanFunctions = C.Models->sanitizers(SanitizerKind);
  C.ProjectFunctionsValidate = TrustProjectChecks;
  return C;
}

} // namespace clang::tidy::exitbar::taint

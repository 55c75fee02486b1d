// ExitBarTidyModule.cpp - registers every exitbar-* check with clang-tidy
// SPDX-License-Identifier: Apache-2.0

#include "CommandInjectionCheck.h"
#include "DefaultCredentialsCheck.h"
#include "HardcodedSecretCheck.h"
#include "InsecureRandomCheck.h"
#include "PathTraversalCheck.h"
#include "SecretInLogCheck.h"
#include "StubImplementationCheck.h"
#include "UnsafeFunctionCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace clang::tidy::exitbar {

/// The module that clang-tidy --load finds through its registry.
class ExitBarModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
    CheckFactories.registerCheck<CommandInjectionCheck>(
        "exitbar-command-injection");
    CheckFactories.registerCheck<DefaultCredentialsCheck>(
        "exitbar-default-credentials");
    CheckFactories.registerCheck<HardcodedSecretCheck>(
        "exitbar-hardcoded-secret");
    CheckFactories.registerCheck<InsecureRandomCheck>(
        "exitbar-insecure-random");
    CheckFactories.registerCheck<PathTraversalCheck>(
        "exitbar-path-traversal");
    CheckFactories.registerCheck<SecretInLogCheck>(
        "exitbar-secret-in-log");
    CheckFactories.registerCheck<StubImplementationCheck>(
        "exitbar-stub-implementation");
    CheckFactories.registerCheck<UnsafeFunctionCheck>(
        "exitbar-unsafe-function");
  }
};

// Registration happens when clang-tidy dlopen()s the plugin.
static ClangTidyModuleRegistry::Add<ExitBarModule>
    X("exitbar-module", "Adds ExitBar's production-readiness checks.");

} // namespace clang::tidy::exitbar

// Lets a static build of clang-tidy force-link this module.
// NOLINTNEXTLINE(readability-identifier-naming)
volatile int ExitBarModuleAnchorSource = 0;

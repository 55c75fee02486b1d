// ExitBarTidyModule.cpp - registers every exitbar-* check with clang-tidy
// SPDX-License-Identifier: Apache-2.0

#include "UnsafeFunctionCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace clang::tidy::exitbar {

/// The module that clang-tidy --load finds through its registry.
class ExitBarModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
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

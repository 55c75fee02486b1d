// ExitBarTidyModule.cpp - registers every exitbar-* check with clang-tidy
// SPDX-License-Identifier: Apache-2.0

#include "BindAllInterfacesCheck.h"
#include "CommandInjectionCheck.h"
#include "DefaultCredentialsCheck.h"
#include "HardcodedSecretCheck.h"
#include "InsecureRandomCheck.h"
#include "InsecureTransportCheck.h"
#include "PathTraversalCheck.h"
#include "SecretInLogCheck.h"
#include "StubImplementationCheck.h"
#include "TlsVerificationDisabledCheck.h"
#include "UnanalysedRegionCheck.h"
#include "UnauthenticatedRouteCheck.h"
#include "UnsafeFunctionCheck.h"
#include "UnverifiedWebhookCheck.h"
#include "WeakCryptoCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "utils/HostVersion.h"

namespace clang::tidy::exitbar {

/// The module that clang-tidy --load finds through its registry.
class ExitBarModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
    CheckFactories.registerCheck<BindAllInterfacesCheck>(
        "exitbar-bind-all-interfaces");
    CheckFactories.registerCheck<CommandInjectionCheck>(
        "exitbar-command-injection");
    CheckFactories.registerCheck<DefaultCredentialsCheck>(
        "exitbar-default-credentials");
    CheckFactories.registerCheck<HardcodedSecretCheck>(
        "exitbar-hardcoded-secret");
    CheckFactories.registerCheck<InsecureRandomCheck>(
        "exitbar-insecure-random");
    CheckFactories.registerCheck<InsecureTransportCheck>(
        "exitbar-insecure-transport");
    CheckFactories.registerCheck<PathTraversalCheck>("exitbar-path-traversal");
    CheckFactories.registerCheck<SecretInLogCheck>("exitbar-secret-in-log");
    CheckFactories.registerCheck<StubImplementationCheck>(
        "exitbar-stub-implementation");
    CheckFactories.registerCheck<TlsVerificationDisabledCheck>(
        "exitbar-tls-verification-disabled");
    CheckFactories.registerCheck<UnanalysedRegionCheck>(
        "exitbar-unanalysed-region");
    CheckFactories.registerCheck<UnauthenticatedRouteCheck>(
        "exitbar-unauthenticated-route");
    CheckFactories.registerCheck<UnsafeFunctionCheck>(
        "exitbar-unsafe-function");
    CheckFactories.registerCheck<UnverifiedWebhookCheck>(
        "exitbar-unverified-webhook");
    CheckFactories.registerCheck<WeakCryptoCheck>("exitbar-weak-crypto");
  }
};

// Before anything registers: in a clang-tidy of another LLVM major the
// module would register, then die at its first call into clang-tidy with a
// "symbol lookup error" and every finding lost. Initialisers of one
// translation unit run in order, so this one runs before the registration.
static const bool HostChecked = (utils::refuseForeignHost(), true);

// Registration happens when clang-tidy dlopen()s the plugin.
static ClangTidyModuleRegistry::Add<ExitBarModule>
    X("exitbar-module", "Adds ExitBar's production-readiness checks.");

} // namespace clang::tidy::exitbar

// Lets a static build of clang-tidy force-link this module.
// NOLINTNEXTLINE(readability-identifier-naming)
volatile int ExitBarModuleAnchorSource = 0;

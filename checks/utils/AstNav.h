// AstNav.h - moving around the AST: through wrapper nodes, and up to the
// function that contains a statement
// SPDX-License-Identifier: Apache-2.0
//
// One copy for every check: the taint engine and the per-function checks
// had two of each, which disagreed on default arguments and on code inside
// a local class's member initialisers.

#ifndef EXITBAR_CHECKS_UTILS_ASTNAV_H
#define EXITBAR_CHECKS_UTILS_ASTNAV_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::exitbar::utils {

/// \p E without parentheses, implicit and explicit casts, the nodes that
/// only carry temporaries (cleanups, materialisations, bindings), and a
/// default argument's node (its expression instead). Null stays null.
/// Example: stripWrappers(`std::string("x")` as an argument) is the literal.
const Expr *stripWrappers(const Expr *E);

/// The function whose body contains \p S (for a statement in a lambda, the
/// lambda's call operator), or null outside any function body, including
/// inside a declaration that is not a variable (a local class's member
/// initialiser, an enumerator) within one.
const FunctionDecl *enclosingFunction(const Stmt &S, ASTContext &Ctx);

/// The body of enclosingFunction(S), or null.
const Stmt *enclosingBody(const Stmt &S, ASTContext &Ctx);

/// The innermost function with a body that contains a lambda's body: the
/// function whose variables the lambda can see. \p F itself when it is not
/// a lambda's call operator.
const FunctionDecl &enclosingNonLambda(const FunctionDecl &F);

} // namespace clang::tidy::exitbar::utils

#endif // EXITBAR_CHECKS_UTILS_ASTNAV_H

// Callee.h - the API a call invokes, also through macros and pointers
// SPDX-License-Identifier: Apache-2.0
//
// Programs that load a library at run time call its API through pointers:
// `#define SSL_CTX_set_verify (*(void (*)(SSL_CTX *, int, ...))api[19].ptr)`
// over a table filled by dlsym, or `fn = (fn_t)dlsym(lib, "SSL_CTX_new")`.
// Checks that match calls by the callee's declaration see no callee there;
// this names the API such a call stands for.

#ifndef EXITBAR_CHECKS_UTILS_CALLEE_H
#define EXITBAR_CHECKS_UTILS_CALLEE_H

#include "clang/AST/Expr.h"
#include <string>

namespace clang::tidy::exitbar::utils {

/// The name of the API \p Call invokes: the called function's name for a
/// direct call; for a call through a pointer, the name of the macro the
/// callee expression was written as (the outermost one at the call), or
/// the function a pointer variable was initialised from (`fn_t f =
/// SSL_new;`, `f = (fn_t)dlsym(lib, "SSL_new")`, also GetProcAddress);
/// "" when none of these applies.
/// Example: `if (calledApiName(*Call, Ctx) == "SSL_CTX_set_verify") ...`
std::string calledApiName(const CallExpr &Call, ASTContext &Ctx);

} // namespace clang::tidy::exitbar::utils

#endif // EXITBAR_CHECKS_UTILS_CALLEE_H

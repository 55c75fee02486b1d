// ExprValues.h - constant values of expressions: strings, integers, names
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_UTILS_EXPRVALUES_H
#define EXITBAR_CHECKS_UTILS_EXPRVALUES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/APSInt.h"
#include <optional>
#include <string>

namespace clang::tidy::exitbar::utils {

/// The text of a string literal of any character width; code units outside
/// ASCII become '?', which no check looks for.
/// Example: literalText(L"MD5") == "MD5"
std::string literalText(const StringLiteral &Literal);

/// The string literal an expression is, once wrappers that keep the text are
/// looked through: casts, std::string and other one-argument constructions,
/// and references to const (or never reassigned local) variables initialised
/// with a literal. Null when the value is not known at compile time.
/// Example: for `const std::string Host = "0.0.0.0"; f(Host);` the argument
/// of f gives the literal "0.0.0.0".
const StringLiteral *stringLiteralOf(const Expr *E, ASTContext &Ctx);

/// The integer an expression folds to (Expr::EvaluateAsInt), looking through
/// byte-order conversions such as htonl(0), which glibc does not declare
/// constexpr.
/// Example: intValue(`htonl(INADDR_ANY)`) == 0
std::optional<llvm::APSInt> intValue(const Expr *E, const ASTContext &Ctx);

/// intValue() as an int64_t, or nothing when it does not fit: APSInt's
/// getExtValue() asserts on wider values (an `__int128` index or id).
/// Example: int64Value(`argv[1]`'s index) == 1
std::optional<int64_t> int64Value(const Expr *E, const ASTContext &Ctx);

/// The qualified name of a declaration with a leading "::" and without
/// template arguments or inline namespaces, the form options list names in.
/// Example: for crow::Crow<>::bindaddr it is "::crow::Crow::bindaddr".
std::string plainQualifiedName(const NamedDecl &D);

/// The nearest parent of \p S that is not a paren, an implicit cast or an
/// expression that only carries a temporary (a full-expression, a
/// materialisation, a bound temporary); an empty node at the top.
DynTypedNode parentIgnoringImplicit(const Stmt &S, ASTContext &Ctx);

/// True when \p D is a local variable whose value never changes after its
/// initialisation in \p Func: no assignment, no address taken, no non-const
/// reference or method use.
bool isNeverModified(const VarDecl &D, const FunctionDecl &Func,
                     ASTContext &Ctx);

/// True when no code of this translation unit changes the global \p D
/// (see isNeverModified).
bool isNeverModifiedInUnit(const VarDecl &D, ASTContext &Ctx);

} // namespace clang::tidy::exitbar::utils

#endif // EXITBAR_CHECKS_UTILS_EXPRVALUES_H

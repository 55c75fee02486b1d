// DeclNames.h - the names of declarations as the checks compare them
// SPDX-License-Identifier: Apache-2.0
//
// Several checks decide by a declaration's plain identifier (a variable
// called `password`, a method called `c_str`); one definition keeps their
// idea of "the name" and of "a method that hands back its object's text"
// the same.

#ifndef EXITBAR_CHECKS_UTILS_DECLNAMES_H
#define EXITBAR_CHECKS_UTILS_DECLNAMES_H

#include "clang/AST/Decl.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::exitbar::utils {

/// The identifier of \p D, or "" for operators, constructors, conversion
/// functions and null.
inline llvm::StringRef identifierOf(const NamedDecl *D) {
  if (D && D->getDeclName().isIdentifier())
    return D->getName();
  return {};
}

/// Methods whose result is their object's text unchanged (`s.c_str()`,
/// `q.toStdString()`, `opt.value()`), by identifier; conversion operators
/// to std::string have no identifier and are matched by the caller.
inline bool isPassThroughMethod(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("c_str", "data", "str", "toStdString", "toUtf8", true)
      .Cases("toLocal8Bit", "toLatin1", "constData", "toStdWString", true)
      .Cases("get", "value", true)
      .Default(false);
}

} // namespace clang::tidy::exitbar::utils

#endif // EXITBAR_CHECKS_UTILS_DECLNAMES_H

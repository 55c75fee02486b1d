// LocalWrites.h - the writes to each local variable of a function body
// SPDX-License-Identifier: Apache-2.0
//
// A cheap, flow-insensitive stand-in for reaching definitions: one walk over
// a function body records every write to its local variables and parameters
// (initialisers, assignments, appends, strcpy/sprintf into a buffer, `<<`
// into a string stream, out-parameters of calls) with its source location;
// a query walks back from a use in source order. Loops and branches are not
// modelled: the last write before the use in the text is the one that counts.

#ifndef EXITBAR_CHECKS_UTILS_LOCALWRITES_H
#define EXITBAR_CHECKS_UTILS_LOCALWRITES_H

#include "utils/AstNav.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <vector>

namespace clang::tidy::exitbar::utils {

/// One write to a local variable or parameter.
struct VarWrite {
  enum class Kind {
    Overwrite, ///< `v = x`, `T v = x`, `strcpy(v, x)`, `getline(in, v)`
    Append,    ///< `v += x`, `strcat(v, x)`, `ss << x`, `v.append(x)`
  };
  Kind How = Kind::Overwrite;
  /// Where the write happens (an expansion location, for ordering).
  SourceLocation Loc;
  /// The values written; empty when a call wrote through an argument.
  llvm::SmallVector<const Expr *, 2> Sources;
  /// The call that wrote through a pointer or reference argument
  /// (`getline(in, v)`, `read_password(v, n)`, `in >> v`), or null.
  const Expr *Producer = nullptr;
  /// A range-for loop variable: Sources holds the range.
  bool Element = false;
};

/// The writes to every local variable and parameter of one function body.
/// Example: LocalWrites W(*Fn->getBody(), Ctx);
///          for (const VarWrite *Wr : W.reaching(Var, Use->getBeginLoc()))...
class LocalWrites {
public:
  LocalWrites(const Stmt &Body, ASTContext &Ctx);

  /// The writes to \p V that may give it its value at \p Use: walking back
  /// from \p Use in source order, every append up to and including the
  /// last overwrite.
  llvm::SmallVector<const VarWrite *, 4> reaching(const VarDecl *V,
                                                  SourceLocation Use) const;

  /// Every write to \p V in the body, in source order.
  llvm::ArrayRef<VarWrite> all(const VarDecl *V) const;

  /// Records a write (used while walking the body).
  void add(const VarDecl *V, VarWrite W);

private:
  const SourceManager &SM;
  llvm::DenseMap<const VarDecl *, std::vector<VarWrite>> Writes;
};

/// LocalWrites of the function bodies a check has asked about, built once
/// per body. Checks are created per translation unit, so keys stay valid.
class LocalWritesCache {
public:
  const LocalWrites &get(const Stmt &Body, ASTContext &Ctx);

private:
  llvm::DenseMap<const Stmt *, std::unique_ptr<LocalWrites>> Cache;
};

/// True for text types: char pointers and arrays, and classes whose name
/// says they hold a string (std::string, string_view, QString, QByteArray).
bool isTextType(QualType T);

/// True for the local variables and parameters LocalWrites tracks.
bool isTrackedVariable(const VarDecl *V);

} // namespace clang::tidy::exitbar::utils

#endif // EXITBAR_CHECKS_UTILS_LOCALWRITES_H

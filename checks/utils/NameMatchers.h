// NameMatchers.h - cheap name matchers for hot matchers
// SPDX-License-Identifier: Apache-2.0
//
// matchesName() prints every candidate's fully qualified name and runs a
// regex over it, for every call or reference in the translation unit; in
// STL-heavy code that dominates a check's cost. These matchers look at the
// identifier and the enclosing contexts instead, without building strings.

#ifndef EXITBAR_CHECKS_UTILS_NAMEMATCHERS_H
#define EXITBAR_CHECKS_UTILS_NAMEMATCHERS_H

#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/Support/Regex.h"
#include <memory>

namespace clang::tidy::exitbar::utils {

/// True when \p D is declared at global scope: in the translation unit,
/// possibly inside extern "C" blocks and, for an enumerator, an unscoped
/// enum (whose constants C and C++ name without the enum).
inline bool isGlobalName(const Decl &D) {
  const DeclContext *DC = D.getDeclContext();
  if (const auto *Enum = dyn_cast<EnumDecl>(DC); Enum && !Enum->isScoped())
    DC = Enum->getDeclContext();
  return DC->getRedeclContext()->isTranslationUnit();
}

/// Matches named declarations at global scope (see isGlobalName).
AST_MATCHER(NamedDecl, isGlobal) { return isGlobalName(Node); }

/// Matches named declarations whose identifier (unqualified name) matches
/// a regular expression; compiled once, shared by the matcher's copies.
AST_MATCHER_P(NamedDecl, identifierMatchesRegex, std::shared_ptr<llvm::Regex>,
              Pattern) {
  const IdentifierInfo *Id = Node.getIdentifier();
  return Id && Pattern->match(Id->getName());
}

/// Example: functionDecl(isGlobal(), identifierMatches("^EVP_.*_ecb$"))
inline auto identifierMatches(llvm::StringRef Pattern) {
  return identifierMatchesRegex(std::make_shared<llvm::Regex>(Pattern));
}

/// Matches declarations nested (at any depth) in the namespace or record
/// spelled \p Qualified, e.g. "boost::asio::ssl"; walks the contexts and
/// compares their names without printing any.
AST_MATCHER_P(Decl, isInsideScope, std::string, Qualified) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  llvm::StringRef(Qualified).split(Parts, "::");
  for (const DeclContext *DC = Node.getDeclContext(); DC;
       DC = DC->getParent()) {
    // Find the innermost context named like the last part, then check that
    // its parents spell the rest, up to the translation unit.
    const DeclContext *Cur = DC;
    bool Ok = true;
    for (size_t I = Parts.size(); I-- > 0;) {
      while (Cur && (isa<LinkageSpecDecl>(Cur) ||
                     (isa<NamespaceDecl>(Cur) &&
                      cast<NamespaceDecl>(Cur)->isInline())))
        Cur = Cur->getParent();
      const auto *ND = Cur ? dyn_cast<NamedDecl>(Cur) : nullptr;
      if (!ND || !ND->getIdentifier() || ND->getName() != Parts[I]) {
        Ok = false;
        break;
      }
      Cur = Cur->getParent();
    }
    if (Ok && Cur && Cur->getRedeclContext()->isTranslationUnit())
      return true;
  }
  return false;
}

} // namespace clang::tidy::exitbar::utils

#endif // EXITBAR_CHECKS_UTILS_NAMEMATCHERS_H

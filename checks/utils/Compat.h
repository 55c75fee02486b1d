// Compat.h - the one place that knows LLVM-version differences
// SPDX-License-Identifier: Apache-2.0
//
// Checks include this header instead of spelling version-specific APIs, so the
// same sources build against LLVM 14 (Debian 12) and newer majors.

#ifndef EXITBAR_CHECKS_UTILS_COMPAT_H
#define EXITBAR_CHECKS_UTILS_COMPAT_H

#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"

namespace clang::tidy::exitbar::compat {

/// True when \p Text begins with \p Prefix (StringRef renamed startswith in
/// 18).
inline bool startsWith(llvm::StringRef Text, llvm::StringRef Prefix) {
  return Text.substr(0, Prefix.size()) == Prefix;
}

/// True when \p Text ends with \p Suffix (StringRef renamed endswith in 18).
inline bool endsWith(llvm::StringRef Text, llvm::StringRef Suffix) {
  return Text.size() >= Suffix.size() &&
         Text.substr(Text.size() - Suffix.size()) == Suffix;
}

/// True when \p Text contains \p Needle ignoring ASCII case.
inline bool containsInsensitive(llvm::StringRef Text, llvm::StringRef Needle) {
#if LLVM_VERSION_MAJOR >= 13
  return Text.contains_insensitive(Needle);
#else
  return Text.contains_lower(Needle);
#endif
}

/// True for 'A'-'Z' (llvm::isUpper only exists from LLVM 15).
inline bool isUpper(char C) { return C >= 'A' && C <= 'Z'; }

/// True for 'a'-'z' (llvm::isLower only exists from LLVM 15).
inline bool isLower(char C) { return C >= 'a' && C <= 'z'; }

/// True when \p Construct builds a complete object, not the base-class part
/// of one (CXXConstructExpr::CK_Complete became
/// CXXConstructionKind::Complete in LLVM 18).
inline bool constructsCompleteObject(const CXXConstructExpr &Construct) {
#if LLVM_VERSION_MAJOR >= 18
  return Construct.getConstructionKind() == CXXConstructionKind::Complete;
#else
  return Construct.getConstructionKind() == CXXConstructExpr::CK_Complete;
#endif
}

/// The name of the file \p File as the compiler opened it, or "" for a
/// buffer without a file (FileEntry::getName is gone in LLVM 19; before 18
/// getFileEntryRefForID returns llvm::Optional). Both spell the path as the
/// include directive or command line did, so findings name the same files.
inline llvm::StringRef fileName(const SourceManager &SM, FileID File) {
#if LLVM_VERSION_MAJOR >= 19
  if (auto Entry = SM.getFileEntryRefForID(File))
    return Entry->getName();
#else
  if (const FileEntry *Entry = SM.getFileEntryForID(File))
    return Entry->getName();
#endif
  return {};
}

} // namespace clang::tidy::exitbar::compat

#endif // EXITBAR_CHECKS_UTILS_COMPAT_H

// Compat.h - the one place that knows LLVM-version differences
// SPDX-License-Identifier: Apache-2.0
//
// Checks include this header instead of spelling version-specific APIs, so the
// same sources build against LLVM 14 (Debian 12) and newer majors.

#ifndef EXITBAR_CHECKS_UTILS_COMPAT_H
#define EXITBAR_CHECKS_UTILS_COMPAT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"

namespace clang::tidy::exitbar::compat {

/// True when \p Text begins with \p Prefix (StringRef renamed startswith in 18).
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

} // namespace clang::tidy::exitbar::compat

#endif // EXITBAR_CHECKS_UTILS_COMPAT_H

// IdentifierWords.h - splits identifiers into words and matches word phrases
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_UTILS_IDENTIFIERWORDS_H
#define EXITBAR_CHECKS_UTILS_IDENTIFIERWORDS_H

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy::exitbar::utils {

/// A character of a C or C++ identifier (ASCII; llvm::isAlnum, not
/// isalnum, which is undefined for a negative char).
inline bool isIdentifierChar(char C) { return llvm::isAlnum(C) || C == '_'; }

/// Splits an identifier into lowercase words at non-alphanumeric characters,
/// camelCase and acronym boundaries, and between letters and digits; runs of
/// digits are words of their own.
/// Example: splitNameWords("kDBPassword2_len") == {"k", "db", "password",
/// "2", "len"}
std::vector<std::string> splitNameWords(llvm::StringRef Name);

/// splitNameWords without the digit words: the words that carry meaning.
/// Example: splitIdentifier("mHTTPSessionId_2") == {"m", "http", "session",
/// "id"}
std::vector<std::string> splitIdentifier(llvm::StringRef Name);

/// True when \p Name contains \p Phrase as whole words: the phrase's words in
/// a row, or run together as one word, each optionally plural.
/// Example: identifierHasPhrase("sessionIds", "session id") == true,
/// identifierHasPhrase("mySessionid", "session id") == true,
/// identifierHasPhrase("keyboard", "key") == false
bool identifierHasPhrase(llvm::StringRef Name, llvm::StringRef Phrase);

/// The first of \p Phrases that \p Name contains (see identifierHasPhrase),
/// or an empty string.
std::string firstPhraseIn(llvm::StringRef Name,
                          const std::vector<std::string> &Phrases);

} // namespace clang::tidy::exitbar::utils

#endif // EXITBAR_CHECKS_UTILS_IDENTIFIERWORDS_H

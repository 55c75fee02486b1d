// IdentifierWords.cpp - splits identifiers into words and matches word phrases
// SPDX-License-Identifier: Apache-2.0

#include "utils/IdentifierWords.h"
#include "llvm/ADT/StringExtras.h"

namespace {

// LLVM 14 has no llvm::isUpper/isLower; these are ASCII-only on purpose.
bool isUpperAscii(char C) { return C >= 'A' && C <= 'Z'; }
bool isLowerAscii(char C) { return C >= 'a' && C <= 'z'; }

} // namespace

namespace clang::tidy::exitbar::utils {

std::vector<std::string> splitIdentifier(llvm::StringRef Name) {
  std::vector<std::string> Words;
  std::string Current;
  auto Flush = [&] {
    if (!Current.empty())
      Words.push_back(llvm::StringRef(Current).lower());
    Current.clear();
  };
  for (size_t I = 0; I < Name.size(); ++I) {
    char C = Name[I];
    if (!llvm::isAlpha(C)) {
      Flush();
      continue;
    }
    if (isUpperAscii(C) && !Current.empty()) {
      bool PrevLower = isLowerAscii(Current.back());
      // "HTTPSession": the 'S' before a lowercase letter starts a new word.
      bool AcronymEnd = isUpperAscii(Current.back()) && I + 1 < Name.size() &&
                        isLowerAscii(Name[I + 1]);
      if (PrevLower || AcronymEnd)
        Flush();
    }
    Current += C;
  }
  Flush();
  return Words;
}

namespace {

/// True when \p Word is \p Wanted or its plural.
bool sameWord(llvm::StringRef Word, llvm::StringRef Wanted) {
  if (Word == Wanted)
    return true;
  return Word.size() == Wanted.size() + 1 && Word.back() == 's' &&
         Word.drop_back() == Wanted;
}

} // namespace

bool identifierHasPhrase(llvm::StringRef Name, llvm::StringRef Phrase) {
  std::vector<std::string> Words = splitIdentifier(Name);
  std::vector<std::string> Wanted = splitIdentifier(Phrase);
  if (Wanted.empty())
    return false;
  std::string Joined;
  for (const std::string &W : Wanted)
    Joined += W;
  for (size_t I = 0; I < Words.size(); ++I) {
    if (sameWord(Words[I], Joined))
      return true;
    if (I + Wanted.size() > Words.size())
      continue;
    bool All = true;
    for (size_t J = 0; J < Wanted.size() && All; ++J)
      All = J + 1 == Wanted.size() ? sameWord(Words[I + J], Wanted[J])
                                   : Words[I + J] == Wanted[J];
    if (All)
      return true;
  }
  return false;
}

std::string firstPhraseIn(llvm::StringRef Name,
                          const std::vector<std::string> &Phrases) {
  for (const std::string &Phrase : Phrases)
    if (identifierHasPhrase(Name, Phrase))
      return Phrase;
  return {};
}

} // namespace clang::tidy::exitbar::utils

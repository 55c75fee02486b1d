// IdentifierWords.cpp - splits identifiers into words and matches word phrases
// SPDX-License-Identifier: Apache-2.0

#include "utils/IdentifierWords.h"
#include "utils/Compat.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::exitbar::utils {

std::vector<std::string> splitNameWords(llvm::StringRef Name) {
  std::vector<std::string> Words;
  std::string Current;
  auto Flush = [&] {
    if (!Current.empty())
      Words.push_back(llvm::StringRef(Current).lower());
    Current.clear();
  };
  for (size_t I = 0; I < Name.size(); ++I) {
    char C = Name[I];
    if (!llvm::isAlnum(C)) {
      Flush();
      continue;
    }
    if (!Current.empty()) {
      char Prev = Current.back();
      bool CaseStart = compat::isUpper(C) && compat::isLower(Prev);
      // "HTTPSession": the 'S' before a lowercase letter starts a new word.
      bool AcronymEnd = compat::isUpper(C) && compat::isUpper(Prev) &&
                        I + 1 < Name.size() && compat::isLower(Name[I + 1]);
      bool DigitEdge = llvm::isDigit(C) != llvm::isDigit(Prev);
      if (CaseStart || AcronymEnd || DigitEdge)
        Flush();
    }
    Current += C;
  }
  Flush();
  return Words;
}

std::vector<std::string> splitIdentifier(llvm::StringRef Name) {
  std::vector<std::string> Words = splitNameWords(Name);
  llvm::erase_if(Words,
                 [](const std::string &W) { return llvm::isDigit(W[0]); });
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

// Locations.cpp - SourceManager queries that never assert on odd locations
// SPDX-License-Identifier: Apache-2.0

#include "utils/Locations.h"
#include "utils/Compat.h"
#include "clang/Basic/FileEntry.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::exitbar::utils {

llvm::StringRef presumedFileName(const SourceManager &SM, SourceLocation Loc) {
  if (Loc.isInvalid())
    return {};
  PresumedLoc Presumed = SM.getPresumedLoc(Loc);
  // An invalid presumed location has no file name; asking it asserts.
  if (Presumed.isInvalid() || !Presumed.getFilename())
    return {};
  return Presumed.getFilename();
}

bool isWrittenInScratchSpace(const SourceManager &SM, SourceLocation Loc) {
  if (Loc.isInvalid())
    return false;
  return presumedFileName(SM, SM.getSpellingLoc(Loc)) == "<scratch space>";
}

bool isWrittenInBuiltinFile(const SourceManager &SM, SourceLocation Loc) {
  return presumedFileName(SM, Loc) == "<built-in>";
}

bool isWrittenInCommandLineFile(const SourceManager &SM, SourceLocation Loc) {
  return presumedFileName(SM, Loc) == "<command line>";
}

bool isInSystemHeader(const SourceManager &SM, SourceLocation Loc) {
  if (Loc.isInvalid())
    return false;
  SourceLocation Expansion = SM.getExpansionLoc(Loc);
  return Expansion.isValid() && SM.isInSystemHeader(Expansion);
}

llvm::StringRef expansionFileName(const SourceManager &SM, SourceLocation Loc) {
  if (Loc.isInvalid())
    return {};
  SourceLocation Expansion = SM.getExpansionLoc(Loc);
  if (Expansion.isInvalid())
    return {};
  return compat::fileName(SM, SM.getFileID(Expansion));
}

std::optional<unsigned> fileOffset(const SourceManager &SM,
                                   SourceLocation Loc) {
  if (Loc.isInvalid() || !Loc.isFileID())
    return std::nullopt;
  std::pair<FileID, unsigned> Decomposed = SM.getDecomposedLoc(Loc);
  if (Decomposed.first.isInvalid())
    return std::nullopt;
  return Decomposed.second;
}

llvm::StringRef sourceText(const SourceManager &SM, const LangOptions &LO,
                           SourceRange Range) {
  if (Range.isInvalid())
    return {};
  CharSourceRange File =
      Lexer::makeFileCharRange(CharSourceRange::getTokenRange(Range), SM, LO);
  if (File.isInvalid())
    return {};
  bool Invalid = false;
  llvm::StringRef Text = Lexer::getSourceText(File, SM, LO, &Invalid);
  return Invalid ? llvm::StringRef() : Text;
}

} // namespace clang::tidy::exitbar::utils

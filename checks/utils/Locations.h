// Locations.h - SourceManager queries that never assert on odd locations
// SPDX-License-Identifier: Apache-2.0
//
// Several SourceManager and PresumedLoc members are inline in Clang's headers
// and assert that the location they get is valid. In a plugin built without
// NDEBUG (the README's Quick Start, CMAKE_BUILD_TYPE=Debug) those assertions
// are live inside the plugin, and the locations checks meet are often not
// valid: implicit expressions (a value-initialised array element, a default
// argument), the <scratch space> of `#name` and `a ## b`, the <built-in> and
// <command line> buffers of predefined and -D macros. One failed assertion
// aborts clang-tidy and loses every finding of the translation unit, so checks
// ask these helpers instead of the SourceManager.

#ifndef EXITBAR_CHECKS_UTILS_LOCATIONS_H
#define EXITBAR_CHECKS_UTILS_LOCATIONS_H

#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace clang::tidy::exitbar::utils {

/// The file name of \p Loc's presumed location (what `#line` and __FILE__
/// say), empty for an invalid location or one without a presumed location.
/// Example: if (presumedFileName(SM, Loc) == "<built-in>") return;
llvm::StringRef presumedFileName(const SourceManager &SM, SourceLocation Loc);

/// True when \p Loc is spelled in the <scratch space> buffer, where the
/// preprocessor writes the results of `#name` and `a ## b`; false for invalid
/// locations. Macro locations are resolved to their spelling first.
/// Example: if (isWrittenInScratchSpace(SM, Lit->getBeginLoc())) return;
bool isWrittenInScratchSpace(const SourceManager &SM, SourceLocation Loc);

/// True when \p Loc is in the <built-in> buffer of predefined macros.
/// Example: if (isWrittenInBuiltinFile(SM, MacroLoc)) return;
bool isWrittenInBuiltinFile(const SourceManager &SM, SourceLocation Loc);

/// True when \p Loc is in the <command line> buffer of -D and -U macros.
/// Example: if (isWrittenInCommandLineFile(SM, MacroLoc)) return;
bool isWrittenInCommandLineFile(const SourceManager &SM, SourceLocation Loc);

/// True when the expansion of \p Loc is in a system header; false for an
/// invalid location, which belongs to no file.
/// Example: if (isInSystemHeader(SM, Call->getBeginLoc())) return;
bool isInSystemHeader(const SourceManager &SM, SourceLocation Loc);

/// The name of the file the expansion of \p Loc is in, empty when \p Loc is
/// invalid or the buffer is not a file (<scratch space>, <built-in>).
/// Example: Regex.match(expansionFileName(SM, Call->getBeginLoc()));
llvm::StringRef expansionFileName(const SourceManager &SM, SourceLocation Loc);

/// The offset of \p Loc in its file, or nothing when \p Loc is invalid or a
/// macro location (whose "offset" would be into an expansion record).
/// Example: if (auto Off = fileOffset(SM, Tok.getLocation()))
/// Seen.insert(*Off);
std::optional<unsigned> fileOffset(const SourceManager &SM, SourceLocation Loc);

/// The text the user wrote for \p Range after mapping it to file locations,
/// or an empty string when there is no such text (invalid ends, a range
/// that starts and ends in different macro expansions or files).
/// Example: StringRef Arg = sourceText(SM, LO, E->getSourceRange());
llvm::StringRef sourceText(const SourceManager &SM, const LangOptions &LO,
                           SourceRange Range);

} // namespace clang::tidy::exitbar::utils

#endif // EXITBAR_CHECKS_UTILS_LOCATIONS_H

// Read.h - structural check of GCC's .gcno/.gcda coverage files
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_FORMATS_GCDA_READ_H
#define EXITBAR_FORMATS_GCDA_READ_H

#include <string>

namespace exitbar::formats {

/// Checks that \p Gcno is a gcov notes file and that its .gcda (when there
/// is one) belongs to it and is complete. gcov itself reads a truncated
/// .gcda as "never executed" without a word, which would silently lower the
/// coverage. Throws Error (input.gcov.corrupt) naming the file.
/// Example: checkGcovFiles("build/CMakeFiles/app.dir/main.cpp.gcno");
void checkGcovFiles(const std::string &Gcno);

} // namespace exitbar::formats

#endif // EXITBAR_FORMATS_GCDA_READ_H

// Read.h - reader of gcov's JSON intermediate format
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_FORMATS_GCOV_JSON_READ_H
#define EXITBAR_FORMATS_GCOV_JSON_READ_H

#include "exitbar/Coverage.h"
#include <string_view>

namespace exitbar::formats {

/// Reads gcov JSON documents (`gcov --json-format --stdout` prints one per
/// line; a .gcov.json.gz file holds one) into coverage keyed by absolute
/// source path. Throws Error (input.gcov.json) naming \p Origin and the
/// JSON pointer of the problem.
/// Example: auto E = readGcovJson(Text, "records.cpp.gcno");
CoverageEvidence readGcovJson(std::string_view Text, const std::string &Origin);

} // namespace exitbar::formats

#endif // EXITBAR_FORMATS_GCOV_JSON_READ_H

// Read.h - reader of LCOV tracefiles
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_FORMATS_LCOV_READ_H
#define EXITBAR_FORMATS_LCOV_READ_H

#include "exitbar/Coverage.h"
#include <string_view>

namespace exitbar::formats {

/// Reads an LCOV tracefile (lcov 1.x and 2.x) into coverage keyed by the
/// paths of its SF: records; records of the same file are added up. Throws
/// Error (input.lcov) naming \p Origin and the line of the problem.
/// Example: auto E = readLcov(readFile("coverage.info"), "coverage.info");
CoverageEvidence readLcov(std::string_view Text, const std::string &Origin);

} // namespace exitbar::formats

#endif // EXITBAR_FORMATS_LCOV_READ_H

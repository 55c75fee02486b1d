// Collect.h - collectors that turn raw inputs into evidence
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_COLLECT_H
#define EXITBAR_COLLECT_H

#include "exitbar/Coverage.h"
#include <ostream>
#include <string>
#include <vector>

namespace exitbar {

/// Reads JUnit XML files into tests evidence; a test that passed and failed
/// in the same run (a retry) counts as passed and is listed as flaky.
/// Example: auto E = collectTests({"build/ctest-junit.xml"});
TestsEvidence collectTests(const std::vector<std::string> &JUnitFiles);

/// Writes coverage as an LCOV tracefile (geninfo(1) format).
/// Example: writeLcov(E, Out);
void writeLcov(const CoverageEvidence &E, std::ostream &Out);

} // namespace exitbar

#endif // EXITBAR_COLLECT_H

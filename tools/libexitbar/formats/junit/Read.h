// Read.h - reader of JUnit XML test results (ctest, GoogleTest, Catch2, pytest,
// ...)
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_FORMATS_JUNIT_READ_H
#define EXITBAR_FORMATS_JUNIT_READ_H

#include "exitbar/Tests.h"
#include <string>
#include <string_view>
#include <vector>

namespace exitbar::formats {

/// One test case of a JUnit file.
struct JUnitCase {
  std::string Name; ///< "classname.name" (or "name" without a classname)
  /// The name of the innermost <testsuite> around it ("" when none): with
  /// the file and Name, what identifies a test (see collectTests).
  std::string Suite;
  TestOutcome Outcome = TestOutcome::Passed;
  double Seconds = 0;
};

/// Reads every <testcase> of a JUnit XML document, whatever its nesting
/// (<testsuites>, <testsuite>). Throws Error (input.junit.*) naming \p File
/// and the line of the problem.
/// Example: auto Cases = readJUnit(Text, "ctest.xml");
std::vector<JUnitCase> readJUnit(std::string_view Text,
                                 const std::string &File);

} // namespace exitbar::formats

#endif // EXITBAR_FORMATS_JUNIT_READ_H

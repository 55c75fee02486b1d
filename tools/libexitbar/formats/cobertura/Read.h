// Read.h - reader of Cobertura XML coverage reports
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_FORMATS_COBERTURA_READ_H
#define EXITBAR_FORMATS_COBERTURA_READ_H

#include "exitbar/Coverage.h"
#include <string_view>

namespace exitbar::formats {

/// Reads a Cobertura XML report (coverage-04.dtd, as gcovr, llvm-cov tools,
/// ReportGenerator and Cobertura itself write it) into coverage keyed by
/// each class's file name joined to the first <source> that holds it.
/// Throws Error (input.cobertura) naming \p Origin and the XML line.
/// Example: auto E = readCobertura(readFile("coverage.xml"), "coverage.xml");
CoverageEvidence readCobertura(std::string_view Text,
                               const std::string &Origin);

} // namespace exitbar::formats

#endif // EXITBAR_FORMATS_COBERTURA_READ_H

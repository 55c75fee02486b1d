// Reports.h - human-readable reports of a verdict
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_REPORTS_H
#define EXITBAR_REPORTS_H

#include "exitbar/Verdict.h"
#include <ostream>
#include <string>

namespace exitbar {

/// Writes the Markdown report: verdict, scorecard, blocking items.
/// Example: writeMarkdownReport(V, std::cout);
void writeMarkdownReport(const Verdict &V, std::ostream &Out);

/// The verdict as canonical verdict.json text.
std::string verdictToJson(const Verdict &V);

} // namespace exitbar

#endif // EXITBAR_REPORTS_H

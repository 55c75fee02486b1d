// Cvss.h - CVSS v3 base scores and their qualitative ratings
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_VULN_CVSS_H
#define EXITBAR_VULN_CVSS_H

#include <optional>
#include <string>
#include <string_view>

namespace exitbar::vuln {

/// The CVSS 3.0/3.1 base score of a vector string, or nothing when it is
/// not a complete v3 vector.
/// Example: *cvss3BaseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
/// == 9.8
std::optional<double> cvss3BaseScore(std::string_view Vector);

/// The CVSS v3 qualitative rating of a score: "none" (0), "low" (0.1-3.9),
/// "medium" (4.0-6.9), "high" (7.0-8.9) or "critical" (9.0-10.0).
/// Example: cvssRating(9.8) == "critical"
std::string cvssRating(double Score);

} // namespace exitbar::vuln

#endif // EXITBAR_VULN_CVSS_H

// Readiness.h - repository readiness evidence: licence, documents, runbooks, CI
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_READINESS_H
#define EXITBAR_READINESS_H

#include <optional>
#include <string>
#include <vector>

namespace exitbar {

/// A document the policy asks for, and what was found.
struct DocumentCheck {
  std::string Name;   ///< "README", "SECURITY", ...
  std::string File;   ///< relative path, empty when missing
  std::string Status; ///< "present", "missing" or "placeholder"
  std::string Reason; ///< why a found file counts as missing
};

/// A runbook and the required sections it lacks.
struct RunbookCheck {
  std::string File;
  std::vector<std::string> SectionsFound;
  std::vector<std::string> SectionsMissing;
};

/// Something that shows the service can be monitored in production.
struct MonitoringSignal {
  std::string Kind;  ///< "runbook", "endpoint" or "library"
  std::string Where; ///< file:line (relative to the source folder)
  std::string What;  ///< "/healthz", "prometheus", "monitoring section"
};

/// evidence/readiness.json.
struct ReadinessEvidence {
  std::string LicenseFile;              ///< empty when there is none
  std::optional<std::string> LicenseId; ///< SPDX id when identified
  /// "licensecheck", or "built-in" with why licensecheck was not used.
  std::string LicenseMatcher;
  /// licensecheck's own name for the text ("Zlib", "UNKNOWN", "mit_old").
  std::string LicenseMatcherResult;
  std::vector<DocumentCheck> Documents;
  std::vector<std::string> RequiredSections;
  std::vector<RunbookCheck> Runbooks;
  /// Required sections no runbook has (all of them without a runbook).
  std::vector<std::string> SectionsMissing;
  std::vector<std::string> CiFiles; ///< CI configuration found
  bool CiRunsTests = false;
  /// Which kinds of monitoring signal the policy accepts.
  std::vector<std::string> MonitoringAccepted;
  /// Every signal found, accepted or not (sorted by place).
  std::vector<MonitoringSignal> Monitoring;
  /// Which kinds of rate-limiting signal the policy accepts.
  std::vector<std::string> RateLimitAccepted;
  /// Every rate-limiting signal found (kinds "code", "library",
  /// "deployment"), accepted or not.
  std::vector<MonitoringSignal> RateLimiting;
};

} // namespace exitbar

#endif // EXITBAR_READINESS_H

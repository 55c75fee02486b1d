// Readiness.h - the readiness kind's collector, licence matchers and JSON
// SPDX-License-Identifier: Apache-2.0
//
// Internal to the kind (and its unit tests): the evidence types the other
// layers read are in exitbar/Readiness.h.

#ifndef EXITBAR_KINDS_READINESS_READINESS_H
#define EXITBAR_KINDS_READINESS_READINESS_H

#include "exitbar/Readiness.h"
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exitbar {

/// What a policy requires of a repository (the "readiness" section;
/// defaults: the audits' list).
struct ReadinessRequirements {
  std::vector<std::string> Documents = {"README", "SECURITY", "CONTRIBUTING",
                                        "ARCHITECTURE", "CHANGELOG"};
  std::vector<std::string> RunbookSections = {
      "deployment", "rollback", "incident response", "monitoring"};
  /// Kinds of signal that count as monitoring: a runbook's monitoring
  /// section, a health/metrics endpoint in the code, a monitoring library
  /// (Prometheus, OpenTelemetry) in the code, build or SBOM.
  std::vector<std::string> MonitoringEvidence = {"runbook", "endpoint",
                                                 "library"};
  /// Kinds of signal that count as rate limiting: a limiter guard on a
  /// server in the code, a limiter library in the code, a limit in the
  /// deployment files (nginx, Envoy, ingress annotations, gateways).
  std::vector<std::string> RateLimitEvidence = {"code", "library",
                                                "deployment"};
};

/// What `collect readiness` looks for.
struct ReadinessOptions : ReadinessRequirements {
  std::string SourceDir;
  /// The licensecheck program; "" uses the built-in matcher only.
  std::string Licensecheck = "licensecheck";
};

/// The monitoring signals in one source or build file's text: health and
/// metrics routes in string literals, and monitoring libraries included or
/// found. \p File is the name reported.
/// Example: findMonitoringSignals("app.cpp", Text)
std::vector<MonitoringSignal> findMonitoringSignals(const std::string &File,
                                                    std::string_view Text);

/// The rate-limiting signals in one file's text: limiter libraries and
/// limiter guards registered on a server in C/C++ code; nginx limit_req,
/// Envoy rate-limit filters, ingress-nginx limit annotations, Traefik
/// rateLimit, Kong rate-limiting, HAProxy request-rate tables in
/// deployment files. \p File is the name reported.
/// Example: findRateLimitSignals("deploy/nginx.conf", Text)
std::vector<MonitoringSignal> findRateLimitSignals(const std::string &File,
                                                   std::string_view Text);

/// The SPDX id of a licence text by the built-in matcher (used without
/// licensecheck), or nothing when it is not one of the common texts it
/// knows (MIT, Apache-2.0, BSD-2/3-Clause, GPL-2.0/3.0-only,
/// LGPL-2.1/3.0-only, AGPL-3.0-only, MPL-2.0, BSL-1.0, ISC, Zlib,
/// Unlicense).
/// Example: identifyLicense(readFile("LICENSE")) == "MIT"
std::optional<std::string> identifyLicense(std::string_view Text);

/// The SPDX id (or an `AND` expression of ids, for a file with several
/// licences) for what licensecheck's "spdx" naming scheme printed, or
/// nothing for UNKNOWN and for licensecheck's own names that SPDX lacks.
/// Example: spdxFromLicensecheck("GPL-2") == "GPL-2.0-only"
std::optional<std::string> spdxFromLicensecheck(std::string_view Name);

/// What identified a licence file, and as what.
struct LicenseMatch {
  std::optional<std::string> SpdxId;
  std::string Matcher;       ///< see ReadinessEvidence::LicenseMatcher
  std::string MatcherResult; ///< licensecheck's name for it, or ""
};

/// Identifies the licence file \p Path with licensecheck (the program
/// \p Licensecheck) or, when that is "" or cannot be run, the built-in
/// matcher.
/// Example: identifyLicenseFile("LICENSE.txt", "licensecheck").SpdxId
LicenseMatch identifyLicenseFile(const std::string &Path,
                                 const std::string &Licensecheck);

/// Why a document's text counts as missing ("empty", "a template full of
/// TODO/TBD", ...), or "" when it has real content.
std::string placeholderReason(std::string_view Text);

/// evidence/readiness.json, written and read (schema and members checked;
/// Error with the file and JSON pointer otherwise).
void to_json(nlohmann::json &J, const ReadinessEvidence &E);
ReadinessEvidence readinessFromJson(const nlohmann::json &J,
                                    const std::string &File);

/// Looks through the source tree.
/// Example: ReadinessOptions O; O.SourceDir = "."; collectReadiness(O);
ReadinessEvidence collectReadiness(const ReadinessOptions &Options);

} // namespace exitbar

#endif // EXITBAR_KINDS_READINESS_READINESS_H

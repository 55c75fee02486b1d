// Pipeline.h - the gate and the whole pipeline (`exitbar gate`, `exitbar run`)
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_PIPELINE_H
#define EXITBAR_PIPELINE_H

#include "exitbar/Env.h"
#include "exitbar/Verdict.h"
#include <functional>
#include <string>
#include <vector>

namespace exitbar {

/// What `exitbar gate` is given.
struct GateSettings {
  std::string EvidenceDir;
  std::string PolicyFile; ///< empty: the built-in policy
  std::string ReportDir;  ///< empty: the evidence folder's parent
  std::string ReleaseVersion;
  bool FailOnConditional = false;
  std::string SourceDir;
  std::string BaselineFile;
  std::string WaiversFile;
  std::string AuditLog; ///< empty: <report-dir>/audit-log.jsonl
  /// Where the signed verdict goes (empty: none) and the keys signing it.
  std::string Attest;
  std::vector<std::string> AttestKeys;
  std::string ResourceUri;
  std::string RunId;
  /// Where the artifacts of signatures.json are (empty: the evidence
  /// folder's grandparent, as in <build>/exitbar/evidence).
  std::string BuildDir;
  bool RequireSigned = false;
};

/// What the gate decided and wrote.
struct GateOutcome {
  Verdict Result;
  std::string ReportDir;
  /// NO_GO, or CONDITIONAL with FailOnConditional: the caller exits 1.
  bool Fails = false;
  /// The signed verdict written, or "" when none was asked for.
  std::string Attestation;
};

/// Applies the policy to the evidence and writes verdict.json, the reports
/// and the audit entry (and the attestation), each whole or not at all:
/// every input is read and checked before any output is written. Throws
/// Error (exit 2) on bad input. \p Warn gets each warning as it is found.
/// Example: GateSettings R; R.EvidenceDir = "build/exitbar/evidence";
///          GateOutcome O = runGate(R, Env::process(), Warn);
GateOutcome runGate(const GateSettings &Request, const Env &Environment,
                    const std::function<void(const std::string &)> &Warn);

/// What `exitbar run` is given: the build tree of a project configured
/// with exitbar_enable(), and what the gate of that project was told.
struct RunSettings {
  std::string BuildDir;  ///< required
  std::string SourceDir; ///< required
  std::string PolicyFile;
  std::string ReleaseVersion;
  bool FailOnConditional = false;
  std::string BaselineFile;
  std::string WaiversFile;
  /// Trust anchors: a folder or trust file (.json) is a trust store, any
  /// other file a trusted public key for artifact signing.
  std::vector<std::string> TrustedKeys;
  bool RequireSigned = false;
  /// Signs <report-dir>/verdict.intoto.json when set (file or env://NAME).
  std::string AttestKey;
  std::string ReportDir; ///< empty: <build>/exitbar
  // Tests: run them (Ctest) or read results already produced (Junit).
  std::string Ctest;
  std::vector<std::string> Junit;
  // Coverage after the tests: of the build tree with gcov or llvm-cov, or
  // from reports already made (CoverageInputs).
  std::string Gcov;
  std::string LlvmCov;
  std::string LlvmProfdata;
  std::vector<std::string> CoverageInputs;
  std::vector<std::string> CoverageFilters;
  std::vector<std::string> CoverageExcludes;
  std::string BenchmarkBaseline;
  std::string OsvDatabase;
  std::string GridIntensity; ///< gCO2e/kWh; empty: no energy evidence
  std::string EnergyBaseline;
  std::string ApprovalsDir;
  std::string Cmake = "cmake"; ///< re-runs the build tree for the SBOM
  /// The run id every evidence file of this run carries; empty: a new one.
  std::string RunId;
};

/// How the pipeline talks while it runs, each line as soon as it happens:
/// a step it takes or skips (Say), a collector's summary with the file it
/// wrote (Collected, as `exitbar collect` prints it) and a warning (Warn).
struct RunReporter {
  std::function<void(const std::string &)> Say = [](const std::string &) {};
  std::function<void(const std::string &)> Collected = [](const std::string &) {
  };
  std::function<void(const std::string &)> Warn = [](const std::string &) {};
};

/// The whole pipeline, as the `exitbar` target of a project runs it: the
/// tests (fresh results, under the energy measurement when GridIntensity is
/// set), coverage, deployment files, findings, readiness, benchmarks,
/// signatures, the SBOM, vulnerabilities, approvals, then the gate; every
/// evidence file carries the run's id, and the gate counts no other.
/// Secrets given as env://NAME (AttestKey, <build>/exitbar/secret-env.txt)
/// are kept from every process it starts. Throws Error when a step cannot
/// run (exit 2); a failing test or benchmark regression is evidence.
/// Example: RunSettings R; R.BuildDir = "build"; R.SourceDir = ".";
///          GateOutcome O = runPipeline(R, Env::process(), Reporter);
GateOutcome runPipeline(const RunSettings &Request, const Env &Environment,
                        const RunReporter &Reporter);

/// A new run id: the UTC time and 12 random hex digits
/// ("20261207T190000-0123456789ab").
std::string newRunId(const Env &Environment);

} // namespace exitbar

#endif // EXITBAR_PIPELINE_H

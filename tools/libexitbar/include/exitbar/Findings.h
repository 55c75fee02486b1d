// Findings.h - turning clang-tidy output into findings evidence
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_FINDINGS_H
#define EXITBAR_FINDINGS_H

#include "exitbar/Evidence.h"
#include <functional>
#include <string>
#include <vector>

namespace exitbar {

/// What ExitBar knows of a check: its severity and CWE ids, optionally
/// refined by the subject the diagnostic names first (e.g. 'gets').
struct CheckInfo {
  Severity Level = Severity::Low;
  std::vector<std::string> Cwe;
};

/// The catalogue entry for a diagnostic of \p Check whose message is
/// \p Message. Checks ExitBar does not know get Low and no CWE.
/// Example: classifyFinding("exitbar-unsafe-function", "'gets' ...").Level
///          == Severity::Critical
CheckInfo classifyFinding(const std::string &Check, const std::string &Message);

/// Sets severity and CWE ids of every finding of a check the catalogue
/// knows from the catalogue, whatever a fragment or evidence file claims;
/// findings of other checks keep theirs. Then normalizes \p E.
/// Example: reclassifyFindings(E); // a planted "low" exitbar-* is high again
void reclassifyFindings(FindingsEvidence &E);

/// Every severity and CWE set a finding of \p Check can get: the check's
/// own first, then one per subject that refines it; empty for a check the
/// catalogue does not know. The doc pages are tested against this.
std::vector<CheckInfo> checkClassifications(const std::string &Check);

/// Every exitbar-* check the catalogue knows, sorted.
std::vector<std::string> knownChecks();

/// What a finding's fingerprint hashes (with its occurrence number): the
/// check, the file, the whitespace-folded text of its line \p LineText and
/// the message, so re-indenting a line keeps the fingerprint. Shared by the
/// checks' findings and the deployment-file findings, so baselines and
/// waivers treat both alike.
/// Example: sha256Hex(fingerprintKey(F, "  strcpy(d, s);") + "\n0")
std::string fingerprintKey(const Finding &F, const std::string &LineText);

/// Reads a source line for fingerprinting; returns "" when unreadable.
using LineReader =
    std::function<std::string(const std::string &File, int Line)>;

/// \p File relative to \p SourceDir when inside it, else normalized as is:
/// how findings name files.
std::string displayPath(const std::string &File, const std::string &SourceDir);

/// Line \p Line of \p File, or "" when unreadable.
std::string readLineFromDisk(const std::string &File, int Line);

/// Options for turning one clang-tidy run into findings.
struct TidyOutputOptions {
  std::string SourceDir; ///< files below it are reported relative to it
  LineReader ReadLine;   ///< defaults to reading the file from disk
};

/// Parses clang-tidy's stdout (clang's diagnostic format) into findings
/// evidence with severities, CWE ids and fingerprints; compiler errors
/// become analysis errors.
/// Example: auto E = findingsFromTidyOutput(Log, {"/src", {}});
FindingsEvidence findingsFromTidyOutput(const std::string &Output,
                                        const TidyOutputOptions &Options);

/// Adds to \p Into the summaries the checks wrote for one translation unit
/// (JSON lines in the file EXITBAR_TAINT_SUMMARIES named, see
/// checks/utils/TaintSummaries.h and ServerSummaries.h): taint records and
/// server records, with files named as findings name them and each sink's
/// or route's source line for its fingerprint. \p File names the input in
/// errors: a malformed line throws Error naming the line.
/// Example: readPluginSummaries(Text, Path, {"/src", {}}, Fragment);
void readPluginSummaries(const std::string &Text, const std::string &File,
                         const TidyOutputOptions &Options,
                         FindingsEvidence &Into);

/// Links the taint summaries of \p E (every unit's) into findings: each
/// source record, followed through the pass records of the functions it
/// reaches, that arrives at a sink record of the same check becomes that
/// check's finding at the sink, its path running from the origin in one
/// unit to the sink in another. Then drops the summaries.
/// Example: linkTaintSummaries(All); // before reclassifyFindings
void linkTaintSummaries(FindingsEvidence &E);

/// Links the server summaries of \p E (every unit's) into findings of
/// exitbar-unauthenticated-route: a route a unit left to the link is
/// reported when some server object it may be registered on (followed
/// back through the functions it is handed to) has no guard that covers
/// it anywhere in the program, and dropped when every one has. Then drops
/// the summaries.
/// Example: linkServerSummaries(All); // before reclassifyFindings
void linkServerSummaries(FindingsEvidence &E);

/// What collectFindings checks the fragments against.
struct CollectFindingsOptions {
  /// Every C and C++ source the build should have analysed (absolute). Each
  /// one without a fragment is an analysis error: a unit nobody analysed
  /// is not a clean unit. Their fragments count even when the source has
  /// since been deleted (a generated source removed after the build).
  std::vector<std::string> ExpectedSources;
  std::string SourceDir; ///< analysis errors name files relative to it
};

/// Merges every fragment under \p FragmentDir (one per translation unit)
/// into one normalized evidence; fragments whose source file is gone (and
/// not expected) are skipped. Throws Error naming a malformed fragment.
/// Example: auto E = collectFindings(findingsFragmentDir("build"), {Sources});
FindingsEvidence collectFindings(const std::string &FragmentDir,
                                 const CollectFindingsOptions &Options = {});

/// The expected-sources list the CMake package writes at generate time
/// (`<build>/exitbar/sources.txt`, one absolute path a line), or an empty
/// list when \p File does not exist.
/// Example: auto S = readExpectedSources("build/exitbar/sources.txt");
std::vector<std::string> readExpectedSources(const std::string &File);

/// Two shards' findings as one (`exitbar merge`, the findings kind's
/// AddUp): united and de-duplicated by fingerprint (the most severe copy
/// wins); translation_units is the larger count, since shards that each
/// build the whole project analyse the same units. Associative and
/// commutative, as every merge of shards.
/// Example: FindingsEvidence F = mergeFindings(Shard1, Shard2);
FindingsEvidence mergeFindings(FindingsEvidence A, const FindingsEvidence &B);

/// Where the per-translation-unit fragments of a build tree live.
std::string findingsFragmentDir(const std::string &BuildDir);

/// The line `exitbar collect findings` prints: "findings: 3 (critical 0,
/// high 2, medium 1, low 0) from 12 translation units".
std::string findingsSummary(const FindingsEvidence &E);

} // namespace exitbar

#endif // EXITBAR_FINDINGS_H

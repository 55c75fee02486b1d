// Evidence.h - ExitBar's normalized evidence model (one type per evidence kind)
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_EVIDENCE_H
#define EXITBAR_EVIDENCE_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exitbar {

/// The `run` member an evidence file carries when its collector was given a
/// run id (`exitbar collect <kind> --run-id ID`).
inline constexpr const char *EvidenceRunMember = "run";

/// Version of the evidence file schemas this library reads and writes.
inline constexpr int EvidenceSchemaVersion = 1;

/// How much a finding matters, from most to least severe.
enum class Severity { Critical, High, Medium, Low };

/// "critical", "high", "medium" or "low".
std::string_view toString(Severity S);
/// Parses a severity name; nothing for an unknown name.
/// Example: parseSeverity("high") == Severity::High
std::optional<Severity> parseSeverity(std::string_view Name);
inline std::string_view format_as(Severity S) { return toString(S); }

/// One diagnostic of a check at one place in the source.
/// One step of the way a finding's data went, as the check's clang notes
/// tell it ("'c' comes from 'read'", "it is passed to 'run' as 'c'"); a
/// step may be in another file than the finding.
struct PathStep {
  std::string File;
  int Line = 0;
  int Column = 0;
  std::string Message;
  bool operator==(const PathStep &O) const {
    return File == O.File && Line == O.Line && Column == O.Column &&
           Message == O.Message;
  }
};

struct Finding {
  std::string Check; ///< e.g. "exitbar-unsafe-function"
  Severity Level = Severity::Medium;
  std::vector<std::string> Cwe; ///< e.g. {"CWE-242"}
  std::string File; ///< relative to the source directory when inside it
  int Line = 0;
  int Column = 0;
  std::string Message;
  /// Stable identity: survives edits elsewhere in the file (no line number).
  std::string Fingerprint;
  /// From source to sink, in order; empty for checks that report no path.
  /// Not part of the identity: a path through edited code is the same bug.
  std::vector<PathStep> Path;

  bool operator==(const Finding &O) const;
};

/// A translation unit clang-tidy could not analyse completely.
struct AnalysisError {
  std::string File;
  std::string Message;
  bool operator==(const AnalysisError &O) const {
    return File == O.File && Message == O.Message;
  }
};

/// A conditional block clang-tidy skipped because its condition is about
/// __clang__ (`#ifndef __clang__`): other compilers build it, no check saw it.
struct UnanalysedRegion {
  std::string File;
  int Line = 0;          ///< the line of the directive that opens the block
  int Lines = 0;         ///< lines between that directive and the next one
  std::string Condition; ///< e.g. "#ifndef __clang__"
  bool operator==(const UnanalysedRegion &O) const {
    return File == O.File && Line == O.Line && Lines == O.Lines &&
           Condition == O.Condition;
  }
};

/// A NOLINT comment that silences exitbar-* checks, as written in a
/// translation unit's main file.
struct Suppression {
  std::string File; ///< relative to the source directory when inside it
  int Line = 0;
  std::string Text; ///< the comment from NOLINT on, e.g. "NOLINT(*)"
  /// Bare NOLINT, a wildcard over exitbar-* checks, several checks, or no
  /// reason: everything but one named check with a reason.
  bool Blanket = false;
  bool operator==(const Suppression &O) const {
    return File == O.File && Line == O.Line && Text == O.Text &&
           Blanket == O.Blanket;
  }
};

/// One record of a translation unit's taint summaries, which `exitbar
/// collect findings` links across units into findings whose source is in
/// one file and whose sink is in another (docs/checks/taint-flows.md). Each
/// names functions by USR, as every unit that declares them does.
struct TaintSummary {
  enum class Kind {
    Source, ///< a call of Callee is given untrusted data as Argument
    Pass,   ///< parameter Parameter of Function reaches Argument of Callee
    Sink,   ///< parameter Parameter of Function reaches the check's sink
  };
  Kind K = Kind::Source;
  std::string Check;
  std::string Function; ///< Pass, Sink
  int Parameter = -1;   ///< Pass, Sink (0-based)
  std::string Callee;   ///< Source, Pass
  int Argument = -1;    ///< Source, Pass (0-based)
  bool Remote = false;  ///< Source: the data comes from another party
  /// The data was placed after other text on the way (`"/srv/" + name`).
  bool Appended = false;
  /// The data was joined with other text on the way.
  bool Combined = false;
  /// Sink: the check reports local data only when it was appended.
  bool NeedsRemoteOrAppended = false;
  /// Sink: where the check reports and what it says; LineText is the
  /// sink's source line, for the finding's fingerprint.
  std::string File;
  int Line = 0;
  int Column = 0;
  std::string Message;
  std::string LineText;
  /// The hops inside the unit, in the order the data takes them.
  std::vector<PathStep> Steps;
  bool operator==(const TaintSummary &O) const;
  bool operator<(const TaintSummary &O) const;
};

/// One record of what exitbar-unauthenticated-route saw of a unit's HTTP
/// servers (checks/utils/ServerSummaries.h), which `exitbar collect
/// findings` links across units: a route is reported when a server it may
/// be registered on has no guard anywhere in the program. Servers are named
/// alike in every unit ("" a library's one application, "param:<USR>#<i>",
/// "global:<USR>", "field:<USR>", "local:<file>:<line>:<column>").
struct ServerSummary {
  enum class Kind {
    Route, ///< a route on Server that no guard of its unit covers
    Guard, ///< a guard on Server ("" every server of Library)
    Pass,  ///< the object Server is handed to the parameter To
  };
  Kind K = Kind::Route;
  std::string Server;
  std::string Library; ///< Route, Guard
  std::string Prefix;  ///< Guard: only routes under this path ("" all)
  std::string To;      ///< Pass
  /// Route: the finding the check would have reported, and the route's
  /// path; LineText is the route's source line, for the fingerprint.
  std::string Check;
  std::string Pattern;
  std::string File;
  int Line = 0;
  int Column = 0;
  std::string Message;
  std::string LineText;
  bool operator==(const ServerSummary &O) const;
  bool operator<(const ServerSummary &O) const;
};

/// evidence/findings.json: every finding of every translation unit.
struct FindingsEvidence {
  std::vector<Finding> Findings;
  std::vector<AnalysisError> AnalysisErrors;
  std::vector<UnanalysedRegion> UnanalysedRegions;
  /// NOLINT comments covering exitbar-* checks (optional in the file).
  std::vector<Suppression> Suppressions;
  /// Fragments only: what `collect findings` links across units; the
  /// collected evidence holds the findings linked from them instead.
  std::vector<TaintSummary> TaintSummaries;
  /// Fragments only: the routes, guards and servers of the unit.
  std::vector<ServerSummary> ServerSummaries;
  int TranslationUnits = 0;

  /// Sorts and de-duplicates by fingerprint, making the evidence canonical.
  void normalize();
  /// Appends \p Other without normalizing (for bulk loading).
  void append(const FindingsEvidence &Other);
  /// Adds \p Other; associative and order-independent after normalize().
  void merge(const FindingsEvidence &Other);
};

} // namespace exitbar

#endif // EXITBAR_EVIDENCE_H

// EvidenceKinds.h - an evidence kind as a registered unit, and the registry
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_EVIDENCEKINDS_H
#define EXITBAR_EVIDENCEKINDS_H

#include "exitbar/Env.h"
#include "exitbar/Error.h"
#include "exitbar/Metrics.h"
#include <any>
#include <functional>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace exitbar {

class JsonCursor;
struct EvidenceSet;
struct ReportSection;

/// Problems found in a policy, each as its JSON pointer and message.
using PolicyProblems = std::vector<std::pair<std::string, std::string>>;

/// The strings of the list \p List in a policy section; a list that is no
/// array of non-empty strings adds its problems to \p Problems.
/// Example: S.Artifacts = policyStrings(Section.at("artifacts"), Problems);
std::vector<std::string> policyStrings(const JsonCursor &List,
                                       PolicyProblems &Problems);

/// Throws the first of \p Problems, found in the policy file \p File, as
/// Error input.policy.invalid at its pointer; nothing when there is none.
void throwFirstProblem(const PolicyProblems &Problems, const std::string &File);

/// The policy file \p File as a collector reads it: \p Read gets its
/// section \p Section when it has one (a problem stops the collector:
/// throwFirstProblem). Returns the policy's release_version, "" when it
/// names none.
/// Example: std::string Version = readPolicySection(F, "sbom", ReadSbom);
std::string readPolicySection(
    const std::string &File, const std::string &Section,
    const std::function<void(const JsonCursor &, PolicyProblems &)> &Read);

/// Runs \p Check; an Error it throws (a JsonCursor accessor's) becomes a
/// problem instead, so a section reports every bad member, not the first.
/// Example: addProblemOf(Problems, [&] { Member.number(); });
template <typename F> void addProblemOf(PolicyProblems &Problems, F &&Check) {
  try {
    Check();
  } catch (const Error &E) {
    Problems.emplace_back(E.place(), E.message());
  }
}

/// One option of a kind's `exitbar collect <kind>` subcommand.
struct CollectOption {
  const char *Flag; ///< "--ninja-log"
  const char *Help;
  bool Multiple = false; ///< may be given more than once
  bool Required = false; ///< a usage error when missing
  /// An older spelling still accepted, with a warning ("--key").
  const char *DeprecatedAlias = nullptr;
  /// The value must be an existing folder: a misspelt --build-dir is a
  /// usage error, not an empty collection.
  bool ExistingDirectory = false;
  /// A flag without a value ("--no-dpkg"): CollectRequest::flag says
  /// whether it was given.
  bool IsFlag = false;
};

/// How `exitbar merge` combines a kind's files from several shards.
enum class ShardMerge {
  /// Not merged: a shard's file of this kind is left out of the merge.
  None,
  /// Not added up (collected once per pipeline): every shard that has the
  /// file must have the same, else the merge fails.
  SameInEveryShard,
  /// Added up (each shard measured a part): the kind's AddUp combines them.
  AddUp,
};

/// One shard's evidence of a kind, as the kind's Read returned it.
struct ShardEvidence {
  std::string File; ///< the shard's file, for errors
  std::any Evidence;
};

/// What `exitbar collect <kind>` was given: each option's values by flag,
/// and the command after `--`, if any.
struct CollectRequest {
  std::map<std::string, std::vector<std::string>> Options;
  std::vector<std::string> Command;
  /// The environment the collector may consult (the CLI passes the
  /// process's: EXITBAR_TRUST_STORE; tests pass a fixed one).
  Env Environment = Env::fixed({});
  /// Reports a warning as soon as it is found, so one said before the
  /// collection fails is not lost (the CLI prints `exitbar: warning: ...`).
  std::function<void(const std::string &)> Warn = [](const std::string &) {};
  /// Reports work done of the total (gcov batches run), for a progress
  /// line where someone watches; empty: nobody does.
  std::function<void(size_t, size_t)> Progress;
  /// Reports each of \p Lines with Warn.
  void warn(const std::vector<std::string> &Lines) const {
    for (const std::string &Line : Lines)
      Warn(Line);
  }
  /// Whether the flag \p Flag (CollectOption::IsFlag) was given.
  bool flag(const std::string &Flag) const { return Options.count(Flag) > 0; }
  /// All values of \p Flag (none when not given).
  std::vector<std::string> values(const std::string &Flag) const {
    auto It = Options.find(Flag);
    return It == Options.end() ? std::vector<std::string>() : It->second;
  }
  /// The first value of \p Flag, or \p Default.
  std::string value(const std::string &Flag,
                    const std::string &Default = "") const {
    auto It = Options.find(Flag);
    return It == Options.end() || It->second.empty() ? Default
                                                     : It->second.front();
  }
};

/// What a collector produced: the evidence text (canonical JSON), the
/// one-line summary the CLI prints, and its exit code (a measured command
/// that failed keeps its failure).
struct CollectResult {
  std::string Evidence;
  std::string Summary;
  int ExitCode = 0;
  /// Lines printed after the summary ("coverage of lines changed since").
  std::vector<std::string> MoreLines;
};

/// An evidence kind: everything about it lives in tools/libexitbar/kinds/
/// <Name>/ and is reached through this record, so the gate's loader, the
/// metric table, the reports and `exitbar collect` iterate the registry
/// instead of naming the kind.
struct EvidenceKind {
  const char *Name;    ///< "energy": `exitbar collect energy`
  const char *File;    ///< "energy.json" in the evidence folder
  const char *Summary; ///< the collect subcommand's help, with an example
  /// Validating reader (JsonCursor): the evidence, or Error with the file
  /// and JSON pointer.
  std::any (*Read)(const std::string &Text, const std::string &File);
  /// The kind's rows of the metric table.
  std::vector<MetricDef> Metrics;
  std::vector<CollectOption> CollectOptions;
  /// Whether `exitbar collect <Name>` takes a command after `--`.
  bool TakesCommand = false;
  CollectResult (*Collect)(const CollectRequest &Request);
  /// The kind's section of the Markdown and HTML reports, or nothing.
  std::optional<ReportSection> (*Report)(const EvidenceSet &E) = nullptr;
  ShardMerge Merge = ShardMerge::None;
  /// For ShardMerge::AddUp: the shards' evidence added up, as the evidence
  /// document (`exitbar merge` adds the run members); throws Error naming
  /// the shard's file when they cannot be added up.
  nlohmann::json (*AddUp)(std::vector<ShardEvidence> &Shards) = nullptr;
  /// The member of the policy the kind owns ("signing"), or null. The
  /// policy keeps it as written (Policy::KindSections) and has the kind
  /// check it, so `exitbar policy check` reports its problems.
  const char *PolicySection = nullptr;
  /// Adds each problem of the section \p Section to \p Problems.
  void (*CheckPolicySection)(const JsonCursor &Section,
                             PolicyProblems &Problems) = nullptr;
  /// For a kind whose shards are large (coverage): reads a shard's text
  /// straight into the evidence, as Read would, and puts the document's
  /// other top-level members (the run ids) in \p Members, so `exitbar
  /// merge` parses it once instead of as a document and then again.
  std::any (*ReadShard)(const std::string &Text, const std::string &File,
                        nlohmann::json &Members) = nullptr;
};

/// Every registered kind (kinds/Registry.cpp lists them), in report order.
const std::vector<const EvidenceKind *> &evidenceKinds();

/// The registered kind named \p Name, or null.
const EvidenceKind *findEvidenceKind(const std::string &Name);

/// The registered kind that owns the policy member \p Section, or null.
const EvidenceKind *findPolicySectionOwner(const std::string &Section);

} // namespace exitbar

#endif // EXITBAR_EVIDENCEKINDS_H

// Merge.h - `exitbar merge`: evidence folders of CI shards into one
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_MERGE_H
#define EXITBAR_MERGE_H

#include "exitbar/Evidence.h"
#include <map>
#include <string>
#include <vector>

namespace exitbar {

/// What `exitbar merge` reads.
struct MergeOptions {
  std::vector<std::string> ShardDirs; ///< evidence folders, one per shard
  /// When set, every evidence file of every shard must record this run
  /// (the CI pipeline's id, given to every job's collectors); the merged
  /// files record it too.
  std::string RunId;
};

/// The merged evidence, not yet written.
struct MergeResult {
  /// Evidence file name (e.g. "tests.json") -> canonical JSON text.
  std::map<std::string, std::string> Files;
  /// The run the merged files record, for `exitbar gate --run-id`; empty
  /// when no shard recorded runs.
  std::string RunId;
  /// The shards' own runs, sorted (recorded as "merged_runs").
  std::vector<std::string> MergedRuns;
  /// Per evidence file, how many shards supplied it.
  std::map<std::string, int> ShardsPerFile;
};

/// Reads every evidence file of every shard folder and merges them kind by
/// kind. Fail closed: a shard folder without evidence, a shard whose files
/// record different runs (one is stale), shards that disagree on whether
/// runs are recorded, a file of another run than --run-id, or evidence of a
/// kind that cannot be added up (readiness, signatures, benchmarks,
/// approvals, vulnerabilities) that differs between shards is an Error
/// (input.merge.*), never a silent choice.
/// Example: MergeResult R = mergeEvidenceDirs({{"shard1", "shard2"}, ""});
MergeResult mergeEvidenceDirs(const MergeOptions &Options);

/// Writes \p R's files into \p OutDir, each atomically (the folder is
/// created when missing). Evidence files of kinds no shard supplied are
/// removed from \p OutDir, so an earlier merge cannot leave one behind.
/// Example: writeMergedEvidence(R, "merged/evidence");
void writeMergedEvidence(const MergeResult &R, const std::string &OutDir);

/// The evidence files `exitbar merge` knows, in the order it reports them.
const std::vector<std::string> &mergeableEvidenceFiles();

} // namespace exitbar

#endif // EXITBAR_MERGE_H

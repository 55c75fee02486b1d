// MergeDirs.cpp - `exitbar merge`: shard folders, run ids, the merged folder
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Digest.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/EvidenceKinds.h"
#include "exitbar/Files.h"
#include "exitbar/Merge.h"
#include "exitbar/Verdict.h"
#include "support/Parallel.h"
#include <filesystem>
#include <optional>
#include <set>

namespace fs = std::filesystem;

namespace exitbar {
namespace {

/// The registered kind whose shards' files \p Name add up, or null.
const EvidenceKind *addingKind(const std::string &Name) {
  for (const EvidenceKind *K : evidenceKinds())
    if (Name == K->File && K->Merge == ShardMerge::AddUp)
      return K;
  return nullptr;
}

/// Lists the shards' runs in merged evidence, so merging merged folders
/// again gives the same run id as merging all shards at once.
constexpr const char *MergedRunsMember = "merged_runs";

/// One evidence file of one shard, read. A kind that adds up is converted
/// to its type as soon as it is parsed and its JSON document dropped: 100
/// shards' coverage held as documents at once took 1.8 GB and most of the
/// merge's time in the allocator.
struct ShardFile {
  std::string Path;
  nlohmann::json Json; ///< kinds that must agree between shards only
  std::optional<std::string> Run;
  std::vector<std::string> Runs; ///< the runs it stands for
  /// A registered kind that adds up, as its Read returned it.
  std::any Kind;
};

/// Converts \p F's document (its text \p Text) to the type of its kind
/// \p Name and drops it, when \p Name is a kind that adds up.
void convertAddable(ShardFile &F, const std::string &Name,
                    const std::string &Text) {
  if (F.Kind.has_value())
    return; // read straight into its type (EvidenceKind::ReadShard)
  const EvidenceKind *K = addingKind(Name);
  if (!K)
    return;
  F.Kind = K->Read(Text, F.Path);
  F.Json = nlohmann::json();
}

std::string describeRun(const std::optional<std::string> &Run) {
  return Run ? "run '" + *Run + "'" : "no run";
}

/// The run member of \p J, checked.
std::optional<std::string> runOf(const nlohmann::json &J,
                                 const std::string &Path) {
  auto It = J.find(EvidenceRunMember);
  if (It == J.end())
    return std::nullopt;
  if (!It->is_string() || It->get_ref<const std::string &>().empty())
    throw Error("input.evidence.invalid", Path,
                std::string("/") + EvidenceRunMember,
                "must be a non-empty string");
  return It->get<std::string>();
}

/// \p J without the members that say which run wrote it.
nlohmann::json withoutRun(nlohmann::json J) {
  J.erase(EvidenceRunMember);
  J.erase(MergedRunsMember);
  return J;
}

} // namespace

const std::vector<std::string> &mergeableEvidenceFiles() {
  static const std::vector<std::string> Files = [] {
    std::vector<std::string> Names;
    for (const EvidenceKind *K : evidenceKinds())
      if (K->Merge != ShardMerge::None)
        Names.emplace_back(K->File);
    return Names;
  }();
  return Files;
}

MergeResult mergeEvidenceDirs(const MergeOptions &Options) {
  if (Options.ShardDirs.empty())
    throw Error("usage.merge.no-shards", "", "", "no shard folder given");
  const std::vector<std::string> &Names = mergeableEvidenceFiles();

  // Every (shard, file) pair present, read and parsed in parallel.
  std::vector<std::pair<size_t, size_t>> Present;
  for (size_t S = 0; S < Options.ShardDirs.size(); ++S) {
    const std::string &Dir = Options.ShardDirs[S];
    std::error_code Ec;
    if (!fs::is_directory(Dir, Ec))
      throw Error("input.merge.shard", Dir, "", "not a folder");
    size_t Before = Present.size();
    for (size_t N = 0; N < Names.size(); ++N)
      if (fs::exists(fs::path(Dir) / Names[N], Ec))
        Present.emplace_back(S, N);
    // A shard whose artifact download failed must not vanish from the
    // merge unnoticed.
    if (Present.size() == Before)
      throw Error("input.merge.empty-shard", Dir, "",
                  "holds no evidence file (findings.json, coverage.json, "
                  "tests.json, ...)");
  }
  std::vector<ShardFile> Files(Present.size());
  parallelFor(Present.size(), [&](size_t I) {
    ShardFile &F = Files[I];
    F.Path = (fs::path(Options.ShardDirs[Present[I].first]) /
              Names[Present[I].second])
                 .generic_string();
    // A kind with large shards (coverage) streams into its type; its
    // other members (the run ids) come back as a small document.
    std::string Text = readFile(F.Path);
    const EvidenceKind *K = addingKind(Names[Present[I].second]);
    if (K && K->ReadShard)
      F.Kind = K->ReadShard(Text, F.Path, F.Json);
    else
      F.Json = parseJsonText(Text, F.Path);
    if (!F.Json.is_object())
      throw Error("input.evidence.wrong-type", F.Path, "", "not a JSON object");
    F.Run = runOf(F.Json, F.Path);
    if (auto It = F.Json.find(MergedRunsMember); It != F.Json.end()) {
      try {
        F.Runs = It->get<std::vector<std::string>>();
      } catch (const nlohmann::json::exception &X) {
        throw Error("input.evidence.invalid", F.Path,
                    std::string("/") + MergedRunsMember, X.what());
      }
    } else if (F.Run) {
      F.Runs = {*F.Run};
    }
    convertAddable(F, Names[Present[I].second], Text);
  });

  // Runs: one per shard (a file of another run is stale), all shards
  // recording runs or none, and each the expected run when one is given.
  MergeResult Result;
  std::set<std::string> AllRuns;
  std::optional<bool> ShardsRecordRuns;
  std::string FirstShardPath;
  for (size_t I = 0; I < Files.size();) {
    size_t Shard = Present[I].first;
    const ShardFile &First = Files[I];
    for (; I < Files.size() && Present[I].first == Shard; ++I) {
      const ShardFile &F = Files[I];
      if (!Options.RunId.empty() && F.Run != Options.RunId)
        throw Error("input.merge.stale-evidence", F.Path,
                    std::string("/") + EvidenceRunMember,
                    "records " + describeRun(F.Run) + ", not run '" +
                        Options.RunId + "' (--run-id): it is stale");
      if (F.Run != First.Run || F.Runs != First.Runs)
        throw Error("input.merge.stale-evidence", F.Path,
                    std::string("/") + EvidenceRunMember,
                    "records " + describeRun(F.Run) + " but " + First.Path +
                        " records " + describeRun(First.Run) +
                        ": one of them is left from another run");
    }
    if (ShardsRecordRuns && *ShardsRecordRuns != First.Run.has_value())
      throw Error("input.merge.run-mismatch", First.Path,
                  std::string("/") + EvidenceRunMember,
                  "records " + describeRun(First.Run) + " but " +
                      FirstShardPath + " records " +
                      (*ShardsRecordRuns ? "one" : "none") +
                      ": shards of one pipeline either all record their "
                      "runs or none does");
    ShardsRecordRuns = First.Run.has_value();
    FirstShardPath = First.Path;
    AllRuns.insert(First.Runs.begin(), First.Runs.end());
  }
  Result.MergedRuns.assign(AllRuns.begin(), AllRuns.end());
  if (!Options.RunId.empty()) {
    Result.RunId = Options.RunId;
  } else if (AllRuns.size() == 1) {
    Result.RunId = *AllRuns.begin();
  } else if (!AllRuns.empty()) {
    // Derived from the set of runs: any grouping or order of the same
    // shards gives the same id.
    std::string Joined;
    for (const std::string &R : AllRuns)
      Joined += R + '\n';
    Result.RunId = "merged-" + sha256Hex(Joined).substr(0, 16);
  }

  // Kind by kind.
  for (size_t N = 0; N < Names.size(); ++N) {
    const std::string &Name = Names[N];
    std::vector<ShardFile *> Of;
    for (size_t I = 0; I < Files.size(); ++I)
      if (Present[I].second == N)
        Of.push_back(&Files[I]);
    if (Of.empty())
      continue;
    Result.ShardsPerFile[Name] = static_cast<int>(Of.size());
    nlohmann::json Out;
    const EvidenceKind *Adding = addingKind(Name);
    if (!Adding) {
      // Collected from the repository or the release job, not added up:
      // every shard that has it must have the same.
      Out = withoutRun(Of.front()->Json);
      for (const ShardFile *F : Of) {
        nlohmann::json Other = withoutRun(F->Json);
        if (Other == Out)
          continue;
        nlohmann::json Patch = nlohmann::json::diff(Out, Other);
        std::string Where =
            Patch.empty() ? "" : Patch.front().value("path", std::string());
        throw Error("input.merge.conflict", F->Path, Where,
                    "differs from " + Of.front()->Path + "; " + Name +
                        " does not add up across shards: collect it in one "
                        "job, or the same in every job");
      }
    } else {
      // The typed evidence converted while reading, moved out.
      std::vector<ShardEvidence> Shards;
      Shards.reserve(Of.size());
      for (ShardFile *F : Of)
        Shards.push_back({F->Path, std::move(F->Kind)});
      Out = Adding->AddUp(Shards);
    }
    if (!Result.RunId.empty()) {
      Out[EvidenceRunMember] = Result.RunId;
      Out[MergedRunsMember] = Result.MergedRuns;
    }
    Result.Files[Name] = dumpCanonical(Out);
  }
  return Result;
}

void writeMergedEvidence(const MergeResult &R, const std::string &OutDir) {
  std::error_code Ec;
  fs::create_directories(OutDir, Ec);
  for (const auto &[Name, Text] : R.Files)
    writeFileAtomically((fs::path(OutDir) / Name).string(), Text);
  // An earlier merge's file of a kind no shard has now would count in the
  // gate as if this merge had produced it.
  for (const std::string &Name : mergeableEvidenceFiles())
    if (!R.Files.count(Name))
      fs::remove(fs::path(OutDir) / Name, Ec);
}

} // namespace exitbar

// AddUp.h - a kind's AddUp from a pairwise merge of its evidence type
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_KINDS_ADDUP_H
#define EXITBAR_KINDS_ADDUP_H

#include "exitbar/EvidenceKinds.h"
#include "support/Parallel.h"
#include <any>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

namespace exitbar {

/// The shards' evidence, each a \p T as the kind's Read returned it, merged
/// pairwise in parallel with \p Merge (associative and commutative, so any
/// grouping gives the same document).
/// Example: return addUpPairwise<CoverageEvidence>(Shards, mergeCoverage);
template <typename T, typename MergeFn>
nlohmann::json addUpPairwise(std::vector<ShardEvidence> &Shards,
                             MergeFn Merge) {
  std::vector<T> Items;
  Items.reserve(Shards.size());
  for (ShardEvidence &S : Shards)
    Items.push_back(std::move(std::any_cast<T &>(S.Evidence)));
  return nlohmann::json(parallelReduce(std::move(Items), Merge));
}

} // namespace exitbar

#endif // EXITBAR_KINDS_ADDUP_H

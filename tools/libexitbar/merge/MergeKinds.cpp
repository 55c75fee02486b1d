// MergeKinds.cpp - associative, order-independent merges of each evidence kind
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Error.h"
#include "exitbar/Merge.h"
#include <algorithm>
#include <set>
#include <utility>

namespace exitbar {

FindingsEvidence mergeFindings(FindingsEvidence A, const FindingsEvidence &B) {
  // Shards usually each build the whole project: the same units, counted
  // once. A sum would count every unit once per shard.
  int Units = std::max(A.TranslationUnits, B.TranslationUnits);
  FindingsEvidence Out = std::move(A);
  Out.append(B);
  Out.normalize();
  Out.TranslationUnits = Units;
  return Out;
}

} // namespace exitbar

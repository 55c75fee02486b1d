// MergeFindings.cpp - two shards' findings as one, in any order and grouping
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Findings.h"
#include <algorithm>
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

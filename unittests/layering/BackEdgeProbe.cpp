// BackEdgeProbe.cpp - a deliberate back edge between libexitbar's layers
// SPDX-License-Identifier: Apache-2.0
//
// Compiled into an archive that the `layering.back-edge` test adds to the
// model layer: code there calling the policy layer's compare(), which the
// layering check must refuse. Nothing links it.

#include "exitbar/Policy.h"

namespace exitbar::probe {

bool meetsThreshold(double Value) {
  return compare(Value, Comparison::GreaterEqual, 80.0);
}

} // namespace exitbar::probe

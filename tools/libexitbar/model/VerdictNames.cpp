// VerdictNames.cpp - the names of the policy's and the verdict's
// enumerations, as the evidence, the verdict JSON and the reports write them
// SPDX-License-Identifier: Apache-2.0
//
// They live in the model layer, below the gate, because the verdict's JSON
// (model/EvidenceJson.cpp) and the collectors write them too.

#include "exitbar/Policy.h"
#include "exitbar/Verdict.h"

namespace exitbar {

std::string_view toString(Status S) {
  switch (S) {
  case Status::Go:
    return "GO";
  case Status::Conditional:
    return "CONDITIONAL";
  case Status::NoGo:
    return "NO_GO";
  }
  return "NO_GO";
}

std::string_view toString(FindingState S) {
  switch (S) {
  case FindingState::New:
    return "new";
  case FindingState::Baselined:
    return "baselined";
  case FindingState::Waived:
    return "waived";
  }
  return "new";
}

std::string_view toString(Level L) {
  return L == Level::Must ? "must" : "should";
}

std::string_view toString(Comparison C) {
  switch (C) {
  case Comparison::Less:
    return "<";
  case Comparison::LessEqual:
    return "<=";
  case Comparison::Equal:
    return "==";
  case Comparison::GreaterEqual:
    return ">=";
  case Comparison::Greater:
    return ">";
  }
  return "<=";
}

} // namespace exitbar

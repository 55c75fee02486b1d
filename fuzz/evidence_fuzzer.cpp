// evidence_fuzzer.cpp - libFuzzer target: evidence files, baselines and waivers
// SPDX-License-Identifier: Apache-2.0
//
// Every reader of ExitBar's own JSON gets the same input (what loadEvidence
// does per file, without the folder). exitbar::Error is the expected answer
// to bad input; any other exception, crash or sanitizer report is a bug, so
// nothing else is caught.

#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/EvidenceKinds.h"
#include "exitbar/Verdict.h"
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

template <typename Fn> void expectError(Fn &&F) {
  try {
    F();
  } catch (const exitbar::Error &) {
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string_view Text(reinterpret_cast<const char *>(Data), Size);
  const std::string File = "fuzz.json";
  nlohmann::json J;
  try {
    J = exitbar::parseJsonText(Text, File);
  } catch (const exitbar::Error &) {
    return 0;
  }
  expectError([&] { exitbar::findingsFromJson(J, File); });
  expectError([&] { exitbar::coverageFromJson(J, File); });
  // Every registered kind, through the reader the gate's loader uses.
  for (const exitbar::EvidenceKind *K : exitbar::evidenceKinds())
    expectError([&] { K->Read(std::string(Text), File); });
  expectError([&] { exitbar::parseBaseline(Text, File); });
  expectError([&] { exitbar::parseWaivers(Text, File); });
  return 0;
}

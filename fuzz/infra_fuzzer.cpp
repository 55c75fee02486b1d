// infra_fuzzer.cpp - libFuzzer target: deployment files
// SPDX-License-Identifier: Apache-2.0
//
// The deployment-file readers never throw: a whole repository is scanned and
// one odd file must not abort the gate, so any exception, crash or
// sanitizer report is a bug and nothing is caught.

#include "exitbar/Infra.h"
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string_view Text(reinterpret_cast<const char *>(Data), Size);
  exitbar::scanTerraform("fuzz.tf", Text);
  exitbar::scanKubernetes("fuzz.yaml", Text);
  exitbar::scanCompose("compose.yaml", Text);
  exitbar::scanDockerfile("Dockerfile", Text);
  return 0;
}

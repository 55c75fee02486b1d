// helm_fuzzer.cpp - libFuzzer target: Helm chart templates and values
// SPDX-License-Identifier: Apache-2.0
//
// A chart in the scanned tree is anyone's input: the renderer must stop on
// nothing (no exception, crash, sanitizer report, runaway recursion or
// output), whatever the template, its named templates or its values say.
// The input is used as all three, and a fixed template renders it as values.

#include "formats/helm/Render.h"
#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace exitbar::formats;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string_view Text(reinterpret_cast<const char *>(Data), Size);
  HelmChartInputs Inputs;
  std::vector<YamlNode> Docs = readYamlSubset(Text);
  if (!Docs.empty())
    Inputs.Values = Docs.front();
  HelmRenderer R(Inputs);
  R.addDefinitions(Text, "chart/templates/fuzz.yaml");
  R.render(Text);
  R.render("spec:\n"
           "  {{- toYaml .Values | nindent 2 }}\n"
           "{{- range $k, $v := .Values }}\n"
           "{{ $k }}: {{ tpl (toYaml $v) $ | quote }}\n"
           "{{- end }}\n"
           "{{ include \"chart/templates/fuzz.yaml\" . }}\n");
  return 0;
}

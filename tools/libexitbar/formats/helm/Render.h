// Render.h - renders Helm chart templates with the chart's own values
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_FORMATS_HELM_RENDER_H
#define EXITBAR_FORMATS_HELM_RENDER_H

#include "formats/yaml/Read.h"
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace exitbar::formats {

/// What a chart's templates read besides themselves.
struct HelmChartInputs {
  YamlNode Values;    ///< the chart's values.yaml (Null when it has none)
  YamlNode ChartYaml; ///< Chart.yaml: .Chart.Name, .Chart.Version...
  /// `helm template`'s placeholder, so rendered names read as such.
  std::string ReleaseName = "RELEASE-NAME";
  std::string Namespace = "default";
};

/// One rendered template.
struct HelmRendered {
  std::string Text;
  /// Lines[I] is the template line that output line I + 1 came from: a
  /// text line its own, an expansion (`toYaml`, `include`) its action's.
  std::vector<int> Lines;
  /// Why rendering stopped ("line 12: unterminated action"), or "" when the
  /// whole template was rendered. Text is then incomplete.
  std::string Problem;
  /// Functions the template called that the renderer does not know; each
  /// yielded no value, so what depends on them may differ from Helm's.
  std::vector<std::string> UnknownFunctions;

  /// The template line of output line \p OutputLine (1-based), or 0.
  int templateLine(int OutputLine) const;
};

/// A chart file parsed once (its body and the templates it defines), to be
/// rendered or lent to several charts' renderers.
struct HelmFile;

/// \p Text parsed; a file that does not parse keeps why, as the Problem of
/// rendering it. \p Name: the file as a template itself (see
/// HelmRenderer::addDefinitions).
std::shared_ptr<const HelmFile> parseHelmFile(std::string_view Text,
                                              const std::string &Name = "");

/// Renders a chart's templates the way `helm template` does with the
/// chart's default values: Go's text/template (actions, `-` trimming,
/// pipelines, variables, if/else/with/range, define/template/block) and the
/// Sprig and Helm functions charts use to build manifests (toYaml, nindent,
/// include, default, quote, printf, dict, list, tpl...). What cannot be
/// known offline is a fixed stand-in, as `helm template` has without a
/// cluster: `.Capabilities.APIVersions.Has` knows Kubernetes 1.29's
/// built-in APIs and no CRDs (so no OpenShift), `lookup` and `.Files` are
/// empty, random, time and hash functions return constants. An unknown
/// function yields no value. Never throws.
///
/// Example:
///   HelmRenderer R(Inputs);
///   R.addDefinitions(readFile("templates/_helpers.tpl"));
///   HelmRendered Out = R.render(readFile("templates/deployment.yaml"));
class HelmRenderer {
public:
  explicit HelmRenderer(const HelmChartInputs &Inputs);
  ~HelmRenderer();
  HelmRenderer(const HelmRenderer &) = delete;
  HelmRenderer &operator=(const HelmRenderer &) = delete;

  /// Reads the named templates (`define`, `block`) of a chart file; Helm
  /// makes every file's definitions visible to every template, and the
  /// file itself a template named \p Name ("mychart/templates/cm.yaml",
  /// what `include (print $.Template.BasePath "/cm.yaml") .` renders).
  void addDefinitions(std::string_view Text, const std::string &Name = "");
  void addDefinitions(const std::shared_ptr<const HelmFile> &File);

  /// \p Template rendered.
  HelmRendered render(std::string_view Template) const;
  HelmRendered render(const HelmFile &File) const;

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};

} // namespace exitbar::formats

#endif // EXITBAR_FORMATS_HELM_RENDER_H

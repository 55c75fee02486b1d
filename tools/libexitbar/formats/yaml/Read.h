// Read.h - reader of the YAML subset of Kubernetes and Compose files
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_FORMATS_YAML_READ_H
#define EXITBAR_FORMATS_YAML_READ_H

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace exitbar::formats {

/// A YAML node with the line it starts on.
struct YamlNode {
  enum class Kind { Null, Scalar, Map, Seq };
  Kind Type = Kind::Null;
  int Line = 0;
  std::string Value; ///< a scalar's text, unquoted
  std::vector<std::pair<std::string, YamlNode>> Items; ///< a map's entries
  std::vector<YamlNode> Elements;                      ///< a sequence's

  /// The value of \p Key in a map, or null when absent or not a map.
  const YamlNode *get(std::string_view Key) const;
  /// The scalar text of \p Key, or "" when absent or not a scalar.
  std::string text(std::string_view Key) const;
};

/// Reads every document of a YAML stream: block maps and sequences, flow
/// `[...]`/`{...}` collections, plain and quoted scalars, block scalars
/// (`|`, `>`), `---` separators; anchors and tags are dropped, aliases are
/// kept as scalars. Never throws: what it cannot read it skips, so a
/// template or a broken file yields what could be read (deployment files
/// are scanned for findings, never validated).
/// Example: for (const YamlNode &Doc : readYamlSubset(Text)) Doc.text("kind");
std::vector<YamlNode> readYamlSubset(std::string_view Text);

} // namespace exitbar::formats

#endif // EXITBAR_FORMATS_YAML_READ_H

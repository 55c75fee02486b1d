// Read.h - block scanner for HCL (Terraform/OpenTofu configuration)
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_FORMATS_HCL_READ_H
#define EXITBAR_FORMATS_HCL_READ_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exitbar::formats {

/// `name = expression`, with the expression's source text.
struct HclAttribute {
  std::string Name;
  std::string Expression; ///< raw text, e.g. `["0.0.0.0/0"]` or `22`
  int Line = 0;
};

/// `type "label" "label" { ... }`.
struct HclBlock {
  std::string Type;                ///< "resource", "ingress", ...
  std::vector<std::string> Labels; ///< {"aws_security_group", "web"}
  int Line = 0;
  std::vector<HclAttribute> Attributes;
  std::vector<HclBlock> Blocks;

  /// The attribute \p Name, or null.
  const HclAttribute *attribute(std::string_view Name) const;
};

/// The blocks of an HCL file, nested. Strings (with `${...}`), heredocs and
/// comments are skipped over correctly; expressions are kept as text.
/// Never throws: an unbalanced file yields the blocks read so far, so a
/// broken module does not hide the findings of the others.
/// Example: for (const HclBlock &B : readHclBlocks(Text)) B.Labels[0];
std::vector<HclBlock> readHclBlocks(std::string_view Text);

/// The string literals of an expression: `["0.0.0.0/0", "::/0"]` gives both.
std::vector<std::string> hclStrings(std::string_view Expression);

/// The string literals and bare numbers of an expression, in order:
/// `["22", 3389]` gives "22" and "3389".
std::vector<std::string> hclScalars(std::string_view Expression);

/// The object literals of a list attribute (`ingress = [{ from_port = 22,
/// ... }, {...}]`, the attributes-as-blocks form of nested blocks), each as
/// a block of the attribute's name, with the lines its parts are on.
std::vector<HclBlock> hclObjects(const HclAttribute &List);

/// The number an expression is (`22`, `"22"`), or nothing.
std::optional<long> hclNumber(std::string_view Expression);

} // namespace exitbar::formats

#endif // EXITBAR_FORMATS_HCL_READ_H

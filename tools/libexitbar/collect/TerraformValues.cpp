// TerraformValues.cpp - the values of a Terraform module's variables and
// locals, and expressions with references to them replaced
// SPDX-License-Identifier: Apache-2.0
//
// `cidr_blocks = [var.admin_cidr]` with `default = "0.0.0.0/0"` opens the
// port as surely as the literal does; tfsec and Checkov resolve such
// defaults, and so does this. Expressions stay text: a reference is
// replaced by the text of its value (recursively, a few levels), which the
// rules then read as they read literals. Function calls, conditionals and
// for expressions are not evaluated; a reference to something unknown
// stays as it is and is not a literal, so it opens nothing.

#include "exitbar/Infra.h"
#include "formats/hcl/Read.h"
#include <cctype>

namespace exitbar {
namespace {

bool isNameChar(char C) {
  return std::isalnum(static_cast<unsigned char>(C)) || C == '_' || C == '-';
}

/// The reference (`var.name` or `local.name`) that starts at \p At in
/// \p Text, or "" when none does.
std::string referenceAt(std::string_view Text, size_t At) {
  if (At > 0 && (isNameChar(Text[At - 1]) || Text[At - 1] == '.'))
    return {};
  for (std::string_view Prefix : {"var.", "local."}) {
    if (Text.substr(At, Prefix.size()) != Prefix)
      continue;
    size_t End = At + Prefix.size();
    while (End < Text.size() && isNameChar(Text[End]))
      ++End;
    if (End > At + Prefix.size())
      return std::string(Text.substr(At, End - At));
  }
  return {};
}

/// Up to this many levels of locals and variables referring to each other
/// (and no endless loop for `locals { a = local.a }`).
constexpr int MaxDepth = 4;

std::string resolve(std::string_view Text, const TerraformValues &Values,
                    int Depth) {
  std::string Out;
  for (size_t I = 0; I < Text.size();) {
    char C = Text[I];
    if (C == '"') {
      // A string: copied, with `${var.x}` replaced by x's value when that
      // is one string.
      Out += C;
      for (++I; I < Text.size() && Text[I] != '"';) {
        if (Text[I] == '\\' && I + 1 < Text.size()) {
          Out += Text.substr(I, 2);
          I += 2;
          continue;
        }
        if (Text.substr(I, 2) == "${") {
          size_t Close = Text.find('}', I);
          std::string Inner =
              Close == std::string_view::npos
                  ? std::string()
                  : std::string(Text.substr(I + 2, Close - I - 2));
          while (!Inner.empty() && Inner.front() == ' ')
            Inner.erase(Inner.begin());
          while (!Inner.empty() && Inner.back() == ' ')
            Inner.pop_back();
          auto It = Values.find(Inner);
          if (It != Values.end() && Depth < MaxDepth) {
            std::vector<std::string> Strings =
                formats::hclStrings(resolve(It->second, Values, Depth + 1));
            if (Strings.size() == 1) {
              Out += Strings.front();
              I = Close + 1;
              continue;
            }
          }
        }
        Out += Text[I++];
      }
      if (I < Text.size())
        Out += Text[I++];
      continue;
    }
    std::string Reference = referenceAt(Text, I);
    if (!Reference.empty()) {
      auto It = Values.find(Reference);
      if (It != Values.end() && Depth < MaxDepth)
        Out += resolve(It->second, Values, Depth + 1);
      else
        Out += Reference;
      I += Reference.size();
      continue;
    }
    Out += C;
    ++I;
  }
  return Out;
}

} // namespace

TerraformValues terraformValues(const std::vector<std::string> &ModuleFiles,
                                const std::vector<std::string> &TfvarsFiles) {
  TerraformValues Values;
  for (const std::string &Text : ModuleFiles)
    for (const formats::HclBlock &B : formats::readHclBlocks(Text)) {
      if (B.Type == "variable" && B.Labels.size() == 1) {
        if (const formats::HclAttribute *Default = B.attribute("default"))
          Values["var." + B.Labels[0]] = Default->Expression;
      } else if (B.Type == "locals") {
        for (const formats::HclAttribute &A : B.Attributes)
          Values["local." + A.Name] = A.Expression;
      }
    }
  // A .tfvars file is top-level attributes only: read as a block's body.
  for (const std::string &Text : TfvarsFiles)
    for (const formats::HclBlock &B :
         formats::readHclBlocks("tfvars {\n" + Text + "\n}"))
      for (const formats::HclAttribute &A : B.Attributes)
        Values["var." + A.Name] = A.Expression;
  return Values;
}

std::string resolveTerraformReferences(std::string_view Expression,
                                       const TerraformValues &Values) {
  if (Values.empty())
    return std::string(Expression);
  return resolve(Expression, Values, 0);
}

std::string firstTerraformReference(std::string_view Expression) {
  bool InString = false;
  for (size_t I = 0; I < Expression.size(); ++I) {
    if (Expression[I] == '"' && (I == 0 || Expression[I - 1] != '\\'))
      InString = !InString;
    // Inside a string only an interpolation refers to anything.
    if (InString && !(I >= 2 && Expression.substr(I - 2, 2) == "${"))
      continue;
    std::string Reference = referenceAt(Expression, I);
    if (!Reference.empty())
      return Reference;
  }
  return {};
}

} // namespace exitbar

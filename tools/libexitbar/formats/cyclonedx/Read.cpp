// Read.cpp - reader of the components of CycloneDX JSON SBOMs
// SPDX-License-Identifier: Apache-2.0
//
// Format: CycloneDX 1.4-1.6 JSON (https://cyclonedx.org/docs/1.5/json/).
// Read: components[] (and their nested components[]) with bom-ref, type,
// name, version, purl and properties[{name, value}]. metadata.component is
// the project itself and is not read; nor are hashes, licences or services.

#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Vulnerabilities.h"
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace exitbar {
namespace {

[[noreturn]] void fail(const std::string &Origin, const std::string &Pointer,
                       const std::string &Message) {
  throw Error("input.cyclonedx.json", Origin, Pointer, Message);
}

std::string optionalString(const json &J, const char *Key,
                           const std::string &Origin,
                           const std::string &Pointer) {
  auto It = J.find(Key);
  if (It == J.end())
    return "";
  if (!It->is_string())
    fail(Origin, Pointer + "/" + Key, "must be a string");
  return It->get<std::string>();
}

// Real SBOMs nest components a few levels deep (a library inside a
// package inside an image); nothing legitimate comes near this. The bound
// keeps a hostile document from overflowing the stack of the recursion below
// and from building its quadratically growing pointer strings.
constexpr unsigned MaxComponentDepth = 64;

void readComponents(const json &List, const std::string &Origin,
                    const std::string &Pointer, unsigned Depth,
                    std::vector<SbomComponent> &Out) {
  if (Depth > MaxComponentDepth)
    fail(Origin, Pointer,
         "components nested more than " + std::to_string(MaxComponentDepth) +
             " levels deep");
  if (!List.is_array())
    fail(Origin, Pointer, "must be an array");
  for (size_t I = 0; I < List.size(); ++I) {
    std::string P = Pointer + "/" + std::to_string(I);
    const json &J = List[I];
    if (!J.is_object())
      fail(Origin, P, "must be an object");
    SbomComponent C;
    C.Name = optionalString(J, "name", Origin, P);
    if (C.Name.empty())
      fail(Origin, P + "/name", "missing: every component has a name");
    C.Ref = optionalString(J, "bom-ref", Origin, P);
    C.Version = optionalString(J, "version", Origin, P);
    C.Purl = optionalString(J, "purl", Origin, P);
    if (C.Ref.empty())
      C.Ref = !C.Purl.empty() ? C.Purl : C.Name + "@" + C.Version;
    if (auto T = J.find("type"); T != J.end() && T->is_string())
      C.Type = T->get<std::string>();
    if (auto Props = J.find("properties"); Props != J.end()) {
      if (!Props->is_array())
        fail(Origin, P + "/properties", "must be an array");
      for (size_t K = 0; K < Props->size(); ++K) {
        std::string PP = P + "/properties/" + std::to_string(K);
        if (!(*Props)[K].is_object())
          fail(Origin, PP, "must be an object");
        std::string Name = optionalString((*Props)[K], "name", Origin, PP);
        std::string Value = optionalString((*Props)[K], "value", Origin, PP);
        if (Name == "exitbar:origin")
          C.Origin = Value;
        else if (!Name.empty())
          C.Properties.emplace(Name, Value);
      }
    }
    if (auto Nested = J.find("components"); Nested != J.end())
      readComponents(*Nested, Origin, P + "/components", Depth + 1, Out);
    Out.push_back(std::move(C));
  }
}

} // namespace

std::vector<SbomComponent> readCycloneDxComponents(std::string_view Text,
                                                   const std::string &Origin) {
  checkJsonDepth(Text, Origin);
  json Doc = json::parse(Text, nullptr, /*allow_exceptions=*/false);
  if (Doc.is_discarded())
    fail(Origin, "", "not valid JSON");
  // Not Doc.value(): it throws json's type_error for a non-string bomFormat.
  auto Format = Doc.is_object() ? Doc.find("bomFormat") : Doc.end();
  if (Format == Doc.end() || !Format->is_string() || *Format != "CycloneDX")
    fail(Origin, "/bomFormat", "expected \"CycloneDX\": not a CycloneDX SBOM");
  std::vector<SbomComponent> Out;
  if (auto It = Doc.find("components"); It != Doc.end())
    readComponents(*It, Origin, "/components", 1, Out);
  return Out;
}

} // namespace exitbar

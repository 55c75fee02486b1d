// Write.cpp - writer of CycloneDX 1.5 JSON SBOMs
// SPDX-License-Identifier: Apache-2.0
//
// Implements CycloneDX 1.5 (https://cyclonedx.org/docs/1.5/json/). The
// serial number is a version-5-style UUID derived from the document's
// content, so the same build gives the same document.

#include "exitbar/Digest.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Sbom.h"
#include "exitbar/SbomBuild.h"

using nlohmann::json;

namespace exitbar {
namespace {

json component(const SbomComponent &C, bool WithHashes) {
  // {"type", "bom-ref", "name", "version", "purl", "supplier", "author",
  //  "hashes", "licenses", "externalReferences", "properties"}
  json J{{"type", C.Type}, {"bom-ref", C.Ref}, {"name", C.Name}};
  if (!C.Version.empty())
    J["version"] = C.Version;
  if (!C.Purl.empty())
    J["purl"] = C.Purl;
  if (!C.Supplier.empty())
    J["supplier"] = {{"name", C.Supplier}};
  if (!C.Author.empty())
    J["author"] = C.Author;
  if (WithHashes && !C.Sha256.empty())
    J["hashes"] = json::array({{{"alg", "SHA-256"}, {"content", C.Sha256}},
                               {{"alg", "SHA-1"}, {"content", C.Sha1}}});
  if (!C.License.empty())
    J["licenses"] = json::array({{{"expression", C.License}}});
  if (!C.DownloadLocation.empty())
    J["externalReferences"] =
        json::array({{{"type", "distribution"}, {"url", C.DownloadLocation}}});
  json Properties = json::array();
  for (const auto &[K, V] : C.Properties)
    Properties.push_back({{"name", K}, {"value", V}});
  if (!C.File.empty())
    Properties.push_back({{"name", "exitbar:artifact"}, {"value", C.File}});
  if (!C.Origin.empty())
    Properties.push_back({{"name", "exitbar:origin"}, {"value", C.Origin}});
  for (const std::string &S : C.Sources)
    Properties.push_back({{"name", "exitbar:source-file"}, {"value", S}});
  if (!Properties.empty())
    J["properties"] = Properties;
  return J;
}

/// urn:uuid with version 5 and RFC 4122 variant bits over SHA-1 of \p Seed.
std::string serialNumber(const std::string &Seed) {
  std::string H = sha1Hex(Seed).substr(0, 32);
  H[12] = '5';
  H[16] = "89ab"[std::stoi(H.substr(16, 1), nullptr, 16) & 3];
  return "urn:uuid:" + H.substr(0, 8) + "-" + H.substr(8, 4) + "-" +
         H.substr(12, 4) + "-" + H.substr(16, 4) + "-" + H.substr(20, 12);
}

} // namespace

void writeCycloneDx(const SbomDocument &Doc, std::ostream &Out) {
  json Components = json::array();
  json Dependencies = json::array();
  // dependencies: one entry per component, even without edges, so the graph
  // is known to be complete.
  Dependencies.push_back(
      {{"ref", Doc.Root.Ref}, {"dependsOn", Doc.Root.DependsOn}});
  std::string Seed = Doc.Root.Ref + "@" + Doc.Root.Version;
  for (const SbomComponent &C : Doc.Components) {
    Components.push_back(component(C, true));
    Dependencies.push_back({{"ref", C.Ref}, {"dependsOn", C.DependsOn}});
    Seed += "\n" + C.Ref + " " + C.Sha256;
  }
  json Metadata{
      {"timestamp", Doc.Timestamp},
      {"tools",
       {{"components", json::array({{{"type", "application"},
                                     {"name", "exitbar"},
                                     {"version", Doc.ToolVersion},
                                     {"bom-ref", "tool:exitbar"}}})}}},
      {"component", component(Doc.Root, true)}};
  if (!Doc.Authors.empty()) {
    json Authors = json::array();
    for (const std::string &A : Doc.Authors)
      Authors.push_back({{"name", A}});
    Metadata["authors"] = Authors;
  }
  if (!Doc.Supplier.empty())
    Metadata["supplier"] = {{"name", Doc.Supplier}};
  json J{{"$schema", "http://cyclonedx.org/schema/bom-1.5.schema.json"},
         {"bomFormat", "CycloneDX"},
         {"specVersion", "1.5"},
         {"serialNumber", serialNumber(Seed)},
         {"version", 1},
         {"metadata", Metadata},
         {"components", Components},
         {"dependencies", Dependencies}};
  Out << dumpCanonical(J);
}

} // namespace exitbar

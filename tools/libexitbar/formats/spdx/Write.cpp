// Write.cpp - writer of SPDX 2.3 JSON SBOMs
// SPDX-License-Identifier: Apache-2.0
//
// Implements SPDX 2.3 (https://spdx.github.io/spdx-spec/v2.3/) in its JSON
// serialisation. Beyond what the JSON schema checks, the spec requires: a
// unique documentNamespace URI (derived here from the content, so it is
// stable), SPDXIDs of the form SPDXRef-[A-Za-z0-9.-]+, a SHA-1 checksum on
// every file, and a packageVerificationCode whenever filesAnalyzed is true.

#include "exitbar/Digest.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Sbom.h"
#include "exitbar/SbomBuild.h"
#include <algorithm>
#include <array>
#include <cctype>
#include <set>

using nlohmann::json;

namespace exitbar {
namespace {

/// Gives every ref a unique, valid SPDXID.
class SpdxIds {
public:
  std::string of(const std::string &Kind, const std::string &Ref) {
    auto It = Ids.find(Kind + Ref);
    if (It != Ids.end())
      return It->second;
    std::string Id = "SPDXRef-" + Kind + "-";
    for (char C : Ref)
      Id += std::isalnum(static_cast<unsigned char>(C)) || C == '.' || C == '-'
                ? C
                : '-';
    if (Used.count(Id))
      Id += "-" + sha1Hex(Ref).substr(0, 8);
    Used.insert(Id);
    return Ids[Kind + Ref] = Id;
  }

private:
  std::map<std::string, std::string> Ids;
  std::set<std::string> Used;
};

/// "Organization: X" / "Person: X (mail)" from "X" or "X <mail>".
std::string actor(const std::string &Kind, const std::string &Who) {
  if (Who.empty())
    return "NOASSERTION";
  std::string Name = Who, Mail;
  auto Lt = Who.find('<');
  auto Gt = Who.find('>');
  if (Lt != std::string::npos && Gt != std::string::npos && Gt > Lt) {
    Name = Who.substr(0, Lt);
    while (!Name.empty() && Name.back() == ' ')
      Name.pop_back();
    Mail = Who.substr(Lt + 1, Gt - Lt - 1);
  }
  return Kind + ": " + Name + (Mail.empty() ? "" : " (" + Mail + ")");
}

} // namespace

void writeSpdx(const SbomDocument &Doc, std::ostream &Out) {
  SpdxIds Ids;
  json Packages = json::array();
  json Files = json::array();
  // Sorted as plain strings before they become JSON (cheaper to compare).
  std::vector<std::array<std::string, 3>> Relations;
  auto Relate = [&](const std::string &A, const char *Type,
                    const std::string &B) {
    Relations.push_back({A, Type, B});
  };
  auto Package = [&](const SbomComponent &C) {
    std::string Id = Ids.of("Package", C.Ref);
    json P{{"SPDXID", Id},
           {"name", C.Name},
           {"downloadLocation",
            C.DownloadLocation.empty() ? "NOASSERTION" : C.DownloadLocation},
           {"licenseConcluded", "NOASSERTION"},
           {"licenseDeclared", C.License.empty() ? "NOASSERTION" : C.License},
           {"copyrightText", "NOASSERTION"},
           {"supplier", actor("Organization", C.Supplier)},
           {"primaryPackagePurpose",
            C.Type == "application" ? "APPLICATION" : "LIBRARY"},
           {"filesAnalyzed", false}};
    if (!C.Version.empty())
      P["versionInfo"] = C.Version;
    if (!C.Author.empty())
      P["originator"] = actor("Person", C.Author);
    if (!C.Purl.empty())
      P["externalRefs"] =
          json::array({{{"referenceCategory", "PACKAGE-MANAGER"},
                        {"referenceType", "purl"},
                        {"referenceLocator", C.Purl}}});
    if (!C.Sources.empty()) {
      std::string Info = "built from:";
      for (const std::string &S : C.Sources)
        Info += " " + S;
      P["sourceInfo"] = Info;
    }
    if (!C.File.empty() && !C.Sha1.empty()) {
      // The artifact is the package's one analysed file.
      std::string FileId = Ids.of("File", C.Ref);
      Files.push_back(
          {{"SPDXID", FileId},
           {"fileName", "./" + C.File},
           {"checksums",
            json::array(
                {{{"algorithm", "SHA1"}, {"checksumValue", C.Sha1}},
                 {{"algorithm", "SHA256"}, {"checksumValue", C.Sha256}}})},
           {"licenseConcluded", "NOASSERTION"},
           {"copyrightText", "NOASSERTION"},
           {"fileTypes",
            json::array({C.Type == "application" ? "BINARY" : "ARCHIVE"})}});
      P["filesAnalyzed"] = true;
      P["hasFiles"] = json::array({FileId});
      // Verification code: SHA-1 of the sorted SHA-1s of the files (7.9).
      P["packageVerificationCode"] = {
          {"packageVerificationCodeValue", sha1Hex(C.Sha1)}};
      P["checksums"] =
          json::array({{{"algorithm", "SHA1"}, {"checksumValue", C.Sha1}},
                       {{"algorithm", "SHA256"}, {"checksumValue", C.Sha256}}});
      Relate(Id, "CONTAINS", FileId);
    }
    Packages.push_back(std::move(P));
    return Id;
  };

  std::string RootId = Package(Doc.Root);
  Relate("SPDXRef-DOCUMENT", "DESCRIBES", RootId);
  std::string Seed = Doc.Root.Ref + "@" + Doc.Root.Version;
  for (const SbomComponent &C : Doc.Components) {
    Package(C);
    Seed += "\n" + C.Ref + " " + C.Sha256;
  }
  for (const std::string &D : Doc.Root.DependsOn)
    Relate(RootId, "DEPENDS_ON", Ids.of("Package", D));
  for (const SbomComponent &C : Doc.Components)
    for (const std::string &D : C.DependsOn)
      Relate(Ids.of("Package", C.Ref), "DEPENDS_ON", Ids.of("Package", D));
  std::sort(Relations.begin(), Relations.end());
  json Relationships = json::array();
  for (const auto &[A, Type, B] : Relations)
    // {"spdxElementId", "relationshipType", "relatedSpdxElement"}
    Relationships.push_back({{"spdxElementId", A},
                             {"relationshipType", Type},
                             {"relatedSpdxElement", B}});

  json Creators = json::array({"Tool: exitbar-" + Doc.ToolVersion});
  if (!Doc.Supplier.empty())
    Creators.push_back(actor("Organization", Doc.Supplier));
  for (const std::string &A : Doc.Authors)
    Creators.push_back(actor("Person", A));
  std::string Name =
      Doc.Root.Name + (Doc.Root.Version.empty() ? "" : "-" + Doc.Root.Version);
  std::string UriName = Name;
  for (char &C : UriName)
    if (!std::isalnum(static_cast<unsigned char>(C)) && C != '.' && C != '-' &&
        C != '_')
      C = '-';
  json J{{"spdxVersion", "SPDX-2.3"},
         {"dataLicense", "CC0-1.0"},
         {"SPDXID", "SPDXRef-DOCUMENT"},
         {"name", Name},
         // Unique per content, stable across runs; .invalid is reserved, so
         // the URI names no real host (the spec does not require one).
         {"documentNamespace",
          "https://exitbar.invalid/spdxdocs/" + UriName + "-" + sha1Hex(Seed)},
         {"creationInfo", {{"created", Doc.Timestamp}, {"creators", Creators}}},
         {"packages", Packages},
         {"relationships", Relationships}};
  if (!Files.empty())
    J["files"] = Files;
  Out << dumpCanonical(J);
}

} // namespace exitbar

// Read.cpp - reader of OSV vulnerability records
// SPDX-License-Identifier: Apache-2.0
//
// Format: OSV schema 1.6 (https://ossf.github.io/osv-schema/), one record per
// file as osv.dev exports them (gs://osv-vulnerabilities/<ecosystem>/all.zip).
// Read: id, aliases, summary, withdrawn, severity[{type, score}],
// database_specific.severity, affected[{package{ecosystem, name, purl},
// ranges[{type, events[{introduced|fixed|last_affected|limit}]}], versions[],
// severity[], ecosystem_specific.severity, database_specific.severity}].
// Everything else (details, references, credits, modified, ...) is ignored.

#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Vulnerabilities.h"
#include "support/Strings.h"
#include "vuln/Cvss.h"
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace exitbar {
namespace {

class OsvReader {
public:
  explicit OsvReader(const std::string &Origin) : Origin(Origin) {}

  [[noreturn]] void fail(const std::string &Pointer,
                         const std::string &Message) const {
    throw Error("input.osv.json", Origin, Pointer, Message);
  }

  /// The optional string member \p Key of \p J ("" when absent).
  std::string string(const json &J, const char *Key,
                     const std::string &Pointer) const {
    auto It = J.find(Key);
    if (It == J.end() || It->is_null())
      return "";
    if (!It->is_string())
      fail(Pointer + "/" + Key, "must be a string");
    return It->get<std::string>();
  }

  /// The optional array member \p Key of \p J (nullptr when absent).
  const json *array(const json &J, const char *Key,
                    const std::string &Pointer) const {
    auto It = J.find(Key);
    if (It == J.end() || It->is_null())
      return nullptr;
    if (!It->is_array())
      fail(Pointer + "/" + Key, "must be an array");
    return &*It;
  }

  const json *object(const json &J, const char *Key,
                     const std::string &Pointer) const {
    auto It = J.find(Key);
    if (It == J.end() || It->is_null())
      return nullptr;
    if (!It->is_object())
      fail(Pointer + "/" + Key, "must be an object");
    return &*It;
  }

  std::vector<std::string> strings(const json &J, const char *Key,
                                   const std::string &Pointer) const {
    std::vector<std::string> Out;
    if (const json *A = array(J, Key, Pointer))
      for (size_t I = 0; I < A->size(); ++I) {
        if (!(*A)[I].is_string())
          fail(Pointer + "/" + Key + "/" + std::to_string(I),
               "must be a string");
        Out.push_back((*A)[I].get<std::string>());
      }
    return Out;
  }

  /// A severity[] array: the CVSS v3 score of its first v3 vector. CVSS v4
  /// and v2 scores are kept out: v4 needs its lookup tables, v2 is obsolete.
  void readSeverity(const json &J, const std::string &Pointer,
                    std::optional<double> &Score, std::string *Vector) const {
    const json *A = array(J, "severity", Pointer);
    if (!A)
      return;
    for (size_t I = 0; I < A->size(); ++I) {
      std::string P = Pointer + "/severity/" + std::to_string(I);
      if (!(*A)[I].is_object())
        fail(P, "must be an object");
      std::string Type = string((*A)[I], "type", P);
      std::string Text = string((*A)[I], "score", P);
      if (Type.empty())
        fail(P + "/type", "missing");
      if (Score || (Type != "CVSS_V3"))
        continue;
      // An unparsable vector does not make the record unusable: the
      // severity then comes from the database's own rating.
      if (auto S = vuln::cvss3BaseScore(Text)) {
        Score = S;
        if (Vector)
          *Vector = Text;
      }
    }
  }

  /// database_specific.severity / ecosystem_specific.severity as GHSA and
  /// others write it ("HIGH", "Moderate"), normalised to our names.
  std::string namedSeverity(const json &J) const {
    for (const char *Section : {"database_specific", "ecosystem_specific"}) {
      auto It = J.find(Section);
      if (It == J.end() || !It->is_object())
        continue;
      auto S = It->find("severity");
      if (S == It->end() || !S->is_string())
        continue;
      std::string V = toLower(S->get<std::string>());
      if (V == "moderate")
        V = "medium";
      if (V == "critical" || V == "high" || V == "medium" || V == "low" ||
          V == "none")
        return V;
    }
    return "";
  }

  OsvAffected readAffected(const json &A, const std::string &P) const {
    if (!A.is_object())
      fail(P, "must be an object");
    OsvAffected Out;
    if (const json *Pkg = object(A, "package", P)) {
      Out.Ecosystem = string(*Pkg, "ecosystem", P + "/package");
      Out.Name = string(*Pkg, "name", P + "/package");
      Out.Purl = string(*Pkg, "purl", P + "/package");
      if (Out.Name.empty() && Out.Purl.empty())
        fail(P + "/package", "needs a 'name' or a 'purl'");
      if (Out.Ecosystem.empty() && Out.Purl.empty())
        fail(P + "/package/ecosystem", "missing");
    }
    if (const json *Ranges = array(A, "ranges", P))
      for (size_t I = 0; I < Ranges->size(); ++I) {
        std::string RP = P + "/ranges/" + std::to_string(I);
        const json &R = (*Ranges)[I];
        if (!R.is_object())
          fail(RP, "must be an object");
        OsvRange Range;
        Range.Type = string(R, "type", RP);
        if (Range.Type != "ECOSYSTEM" && Range.Type != "SEMVER" &&
            Range.Type != "GIT")
          fail(RP + "/type",
               "must be ECOSYSTEM, SEMVER or GIT, not '" + Range.Type + "'");
        const json *Events = array(R, "events", RP);
        if (!Events || Events->empty())
          fail(RP + "/events", "a range needs at least one event");
        for (size_t E = 0; E < Events->size(); ++E) {
          std::string EP = RP + "/events/" + std::to_string(E);
          const json &Ev = (*Events)[E];
          if (!Ev.is_object() || Ev.size() != 1)
            fail(EP, "an event is an object with exactly one of introduced, "
                     "fixed, last_affected, limit");
          static const std::pair<const char *, OsvEvent::Kind> Kinds[] = {
              {"introduced", OsvEvent::Introduced},
              {"fixed", OsvEvent::Fixed},
              {"last_affected", OsvEvent::LastAffected},
              {"limit", OsvEvent::Limit}};
          bool Known = false;
          for (const auto &[Key, Kind] : Kinds)
            if (Ev.contains(Key)) {
              std::string V = string(Ev, Key, EP);
              if (V.empty())
                fail(EP + "/" + Key, "must be a non-empty string");
              Range.Events.push_back({Kind, V});
              Known = true;
            }
          if (!Known)
            fail(EP + "/" + Ev.begin().key(),
                 "unknown event '" + Ev.begin().key() + "'");
        }
        Out.Ranges.push_back(std::move(Range));
      }
    Out.Versions = strings(A, "versions", P);
    readSeverity(A, P, Out.CvssScore, nullptr);
    Out.Severity =
        Out.CvssScore ? vuln::cvssRating(*Out.CvssScore) : namedSeverity(A);
    return Out;
  }

  OsvRecord read(std::string_view Text) const {
    checkJsonDepth(Text, Origin);
    json Doc = json::parse(Text, nullptr, /*allow_exceptions=*/false);
    if (Doc.is_discarded())
      fail("", "not valid JSON");
    if (!Doc.is_object())
      fail("", "an OSV record is a JSON object");
    OsvRecord R;
    R.File = Origin;
    R.Id = string(Doc, "id", "");
    if (R.Id.empty())
      fail("/id", "missing: every OSV record has an id");
    R.Aliases = strings(Doc, "aliases", "");
    std::sort(R.Aliases.begin(), R.Aliases.end());
    R.Summary = string(Doc, "summary", "");
    R.Withdrawn = !string(Doc, "withdrawn", "").empty();
    readSeverity(Doc, "", R.CvssScore, &R.CvssVector);
    if (R.CvssScore)
      R.Severity = vuln::cvssRating(*R.CvssScore);
    else if (std::string S = namedSeverity(Doc); !S.empty())
      R.Severity = S;
    if (const json *Affected = array(Doc, "affected", ""))
      for (size_t I = 0; I < Affected->size(); ++I)
        R.Affected.push_back(
            readAffected((*Affected)[I], "/affected/" + std::to_string(I)));
    return R;
  }

private:
  const std::string &Origin;
};

} // namespace

OsvRecord readOsv(std::string_view Text, const std::string &Origin) {
  return OsvReader(Origin).read(Text);
}

} // namespace exitbar

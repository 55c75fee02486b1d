// EvidenceJson.h - JSON serialisation of evidence and verdicts (ADL
// to_json/from_json)
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_EVIDENCEJSON_H
#define EXITBAR_EVIDENCEJSON_H

#include "exitbar/Coverage.h"
#include "exitbar/Error.h"
#include "exitbar/Evidence.h"
#include "exitbar/JsonCursor.h"
#include "exitbar/Sbom.h"
#include "exitbar/Verdict.h"
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace exitbar {

// Writers only: evidence is read by the validating readers below
// (findingsFromJson, ...), which name the file and the JSON pointer of
// every problem; nlohmann's from_json would not.
void to_json(nlohmann::json &J, const Finding &F);
void to_json(nlohmann::json &J, const AnalysisError &E);
void to_json(nlohmann::json &J, const UnanalysedRegion &R);
void to_json(nlohmann::json &J, const Suppression &S);
void to_json(nlohmann::json &J, const TaintSummary &S);
/// A taint summary record, as fragments and the plugin write them.
TaintSummary taintSummaryFrom(const JsonCursor &C);
void to_json(nlohmann::json &J, const ServerSummary &S);
/// A server summary record (route, guard, server-pass).
ServerSummary serverSummaryFrom(const JsonCursor &C);
/// True for the "kind" of a server summary record.
bool isServerSummaryKind(const std::string &Name);
void to_json(nlohmann::json &J, const FindingsEvidence &E);
void to_json(nlohmann::json &J, const Verdict &V);
void to_json(nlohmann::json &J, const CoverageEvidence &E);

/// Converts parsed coverage.json, checking schema and members;
/// throws Error naming \p File and the JSON pointer.
CoverageEvidence coverageFromJson(const nlohmann::json &J,
                                  const std::string &File);

/// Coverage evidence read from its text without building a JSON document
/// (the hit counts stream into FileCoverage), for large files such as the
/// shards `exitbar merge` reads; the same result and the same errors as
/// parseJsonText + coverageFromJson, which it falls back to for anything
/// but the common shape. \p TopLevel, when given, receives the document's
/// members other than `files` (schema, run ids, ...).
/// Example: CoverageEvidence C = coverageFromText(readFile(P), P);
CoverageEvidence coverageFromText(const std::string &Text,
                                  const std::string &File,
                                  nlohmann::json *TopLevel = nullptr);

/// True when \p J is an object whose member \p Key is the string \p Value.
/// Unlike `J.value(Key, "") == Value` it never throws json's type_error for
/// a member of another type, which readers must report as Error.
/// Example: if (!memberIs(J, "schema", "exitbar.sbom")) throw Error(...);
bool memberIs(const nlohmann::json &J, const char *Key, std::string_view Value);
/// The same for a number member. Example: memberIs(J, "schema_version", 1)
bool memberIs(const nlohmann::json &J, const char *Key, int Value);

/// \p J as an integer of type T. A float (1e300) or an integer outside T's
/// range throws json::type_error, which readers report like any wrong type,
/// instead of the undefined conversion get<T>() would make.
/// Example: E.Passed = asInteger<int>(J.at("passed"));
template <typename T> T asInteger(const nlohmann::json &J) {
  using Limits = std::numeric_limits<T>;
  if (J.is_number_unsigned()) {
    auto V = J.get<std::uint64_t>();
    if (V <= static_cast<std::uint64_t>(Limits::max()))
      return static_cast<T>(V);
  } else if (J.is_number_integer()) {
    auto V = J.get<std::int64_t>();
    if (V >= 0 ? static_cast<std::uint64_t>(V) <=
                     static_cast<std::uint64_t>(Limits::max())
               : Limits::is_signed &&
                     V >= static_cast<std::int64_t>(Limits::min()))
      return static_cast<T>(V);
  }
  throw nlohmann::json::type_error::create(
      302, "expected an integer in range, got " + J.dump(), &J);
}

/// Deepest nesting of arrays and objects any JSON input may have.
constexpr size_t MaxJsonDepth = 512;

/// Throws Error `input.json.too-deep` at `line:column` of the first bracket
/// nested deeper than MaxJsonDepth; every reader of untrusted JSON calls it
/// (parseJsonText does) before parsing.
/// Example: checkJsonDepth(Text, "sbom.cdx.json");
void checkJsonDepth(std::string_view Text, const std::string &File);

/// Member \p Key of \p J as a count: a non-negative integer of type T.
/// Throws Error `input.evidence.invalid` at `<Parent>/<Key>` otherwise, so
/// hand-written evidence with `"failed": -1` is bad input, not a pass.
/// Example: E.Failed = countMember<int>(J, "failed", "tests.json");
template <typename T = int>
T countMember(const nlohmann::json &J, const char *Key, const std::string &File,
              const std::string &Parent = "") {
  std::string Pointer = Parent + "/" + Key;
  auto It = J.is_object() ? J.find(Key) : J.end();
  if (It == J.end())
    throw Error("input.evidence.missing-member", File,
                Parent.empty() ? "/" : Parent,
                std::string("missing member '") + Key + "'");
  try {
    T V = asInteger<T>(*It);
    if (V >= 0)
      return V;
  } catch (const nlohmann::json::exception &) {
  }
  throw Error("input.evidence.invalid", File, Pointer,
              "must be a non-negative integer, got " + It->dump());
}

/// Parses JSON text (comments allowed), turning syntax errors into Error
/// with `line:column` of the problem, and nesting deeper than MaxJsonDepth
/// into `input.json.too-deep`.
/// Example: nlohmann::json J = parseJsonText(Text, "policy.json");
nlohmann::json parseJsonText(std::string_view Text, const std::string &File);

/// Parses findings evidence text (see findingsFromJson).
FindingsEvidence parseFindingsEvidence(std::string_view Text,
                                       const std::string &File);

/// Converts parsed JSON to findings evidence, checking schema name, version
/// and every member; throws Error naming \p File and the JSON pointer.
FindingsEvidence findingsFromJson(const nlohmann::json &J,
                                  const std::string &File);

/// Canonical text of a JSON document: sorted keys, two-space indent, final
/// newline, so equal documents are byte-identical.
std::string dumpCanonical(const nlohmann::json &J);

/// Writes the evidence document \p Text to \p Path atomically, with \p
/// RunId as its `run` member when it is not empty (the gate's --run-id
/// counts only files carrying its id).
/// Example: writeEvidence(Out, dumpCanonical(nlohmann::json(E)), RunId);
void writeEvidence(const std::string &Path, const std::string &Text,
                   const std::string &RunId);

} // namespace exitbar

#endif // EXITBAR_EVIDENCEJSON_H

// JsonCursor.h - the one validating reader of evidence JSON
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_JSONCURSOR_H
#define EXITBAR_JSONCURSOR_H

#include "exitbar/Error.h"
#include <cstdint>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace exitbar {

/// A position in a parsed JSON document: the value, the file it came from
/// and its JSON pointer. Every accessor checks the JSON type and throws
/// Error naming the file and the pointer of the offending value, so no
/// nlohmann exception (type_error, out_of_range) escapes a reader as an
/// internal error.
///
/// Example:
///   JsonCursor C = openEvidence(J, "exitbar.tests", "tests.json");
///   E.Passed = C.at("passed").count<int>();          // /passed
///   for (JsonCursor T : C.at("failing_tests").elements())
///     E.FailingTests.push_back(T.string());          // /failing_tests/3
class JsonCursor {
public:
  JsonCursor(const nlohmann::json &Value, std::string File,
             std::string Pointer = "")
      : Value(&Value), Root(&Value),
        Place(std::make_shared<const Origin>(
            Origin{std::move(File), std::move(Pointer)})) {}

  const nlohmann::json &json() const { return *Value; }
  const std::string &file() const { return Place->File; }
  /// "" for the document itself, else "/a/0/b".
  std::string pointer() const;

  /// Member \p Key of this object: `input.evidence.missing-member` at this
  /// pointer when absent, `input.evidence.wrong-type` when this is no object.
  JsonCursor at(const std::string &Key) const;
  /// Element \p Index of this array.
  JsonCursor at(size_t Index) const;
  /// Member \p Key, or nothing when it is absent or null (optional members).
  std::optional<JsonCursor> find(const std::string &Key) const;
  bool has(const std::string &Key) const;

  /// The elements of this array, each with its own pointer.
  std::vector<JsonCursor> elements() const;
  /// The members of this object, in key order.
  std::vector<std::pair<std::string, JsonCursor>> members() const;

  std::string string() const;
  bool boolean() const;
  double number() const;
  /// An integer in T's range (a float or an out-of-range value is
  /// `input.evidence.wrong-type`).
  template <typename T> T integer() const {
    if (auto V =
            integerIn(static_cast<long double>(std::numeric_limits<T>::min()),
                      static_cast<long double>(std::numeric_limits<T>::max())))
      return static_cast<T>(*V);
    fail("input.evidence.wrong-type",
         "must be an integer in range, got " + dump());
  }
  /// A non-negative integer of type T: a negative count is
  /// `input.evidence.invalid`, so `"failed": -1` is bad input, not a pass.
  template <typename T = int> T count() const {
    if (auto V = integerIn(
            0, static_cast<long double>(std::numeric_limits<T>::max())))
      return static_cast<T>(*V);
    fail("input.evidence.invalid",
         "must be a non-negative integer, got " + dump());
  }
  /// An array of strings.
  std::vector<std::string> strings() const;
  /// null as nothing, else string().
  std::optional<std::string> stringOrNull() const;
  /// null as nothing, else number().
  std::optional<double> numberOrNull() const;

  void expectObject() const;
  void expectArray() const;

  /// Throws Error \p Id at this file and pointer.
  [[noreturn]] void fail(const std::string &Id,
                         const std::string &Message) const;

private:
  /// The file and the pointer of the value the first cursor was made for;
  /// shared by every cursor derived from it.
  struct Origin {
    std::string File;
    std::string Pointer;
  };
  JsonCursor(const nlohmann::json &Value, const JsonCursor &Parent)
      : Value(&Value), Root(Parent.Root), Place(Parent.Place) {}
  std::optional<long long> integerIn(long double Min, long double Max) const;
  std::string dump() const;
  std::string placeOrRoot() const;

  // A cursor knows its value and the value its first cursor was made for;
  // the pointer between them is searched for only when it is asked for (an
  // error), so walking a large document allocates nothing per value.
  const nlohmann::json *Value;
  const nlohmann::json *Root;
  std::shared_ptr<const Origin> Place;
};

/// The one schema check every evidence kind's reader starts with: \p J is an
/// object whose `schema` is \p Schema (`input.evidence.schema` at `/schema`
/// otherwise, also when it is not a string) and whose `schema_version` is
/// EvidenceSchemaVersion (`input.evidence.schema-version`).
/// Example: JsonCursor C = openEvidence(J, "exitbar.sbom", "sbom.json");
JsonCursor openEvidence(const nlohmann::json &J, const std::string &Schema,
                        const std::string &File);

} // namespace exitbar

#endif // EXITBAR_JSONCURSOR_H

// JsonCursor.cpp - the one validating reader of evidence JSON
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/JsonCursor.h"
#include "exitbar/Evidence.h"

using nlohmann::json;

namespace exitbar {
namespace {

/// RFC 6901 escaping of one reference token.
std::string escapeToken(const std::string &Key) {
  std::string Out;
  for (char C : Key) {
    if (C == '~')
      Out += "~0";
    else if (C == '/')
      Out += "~1";
    else
      Out += C;
  }
  return Out;
}

const char *typeName(const json &J) { return J.type_name(); }

/// Appends to \p Path the JSON pointer from \p From to the value at
/// \p Target (an address inside \p From); false when it is not inside.
bool pathTo(const json &From, const json *Target, std::string &Path) {
  if (&From == Target)
    return true;
  size_t Length = Path.size();
  if (From.is_object()) {
    for (auto It = From.begin(); It != From.end(); ++It) {
      Path += "/" + escapeToken(It.key());
      if (pathTo(It.value(), Target, Path))
        return true;
      Path.resize(Length);
    }
  } else if (From.is_array()) {
    for (size_t I = 0; I < From.size(); ++I) {
      Path += "/" + std::to_string(I);
      if (pathTo(From[I], Target, Path))
        return true;
      Path.resize(Length);
    }
  }
  return false;
}

} // namespace

std::string JsonCursor::pointer() const {
  std::string Path = Place->Pointer;
  pathTo(*Root, Value, Path);
  return Path;
}

std::string JsonCursor::placeOrRoot() const {
  std::string Path = pointer();
  return Path.empty() ? "/" : Path;
}

std::string JsonCursor::dump() const {
  std::string Text =
      Value->dump(-1, ' ', false, json::error_handler_t::replace);
  // A one-line error: a whole array or object is named by its type.
  return Text.size() > 60 ? std::string(typeName(*Value)) : Text;
}

void JsonCursor::fail(const std::string &Id, const std::string &Message) const {
  throw Error(Id, Place->File, placeOrRoot(), Message);
}

void JsonCursor::expectObject() const {
  if (!Value->is_object())
    fail("input.evidence.wrong-type",
         std::string("must be an object, got ") + typeName(*Value));
}

void JsonCursor::expectArray() const {
  if (!Value->is_array())
    fail("input.evidence.wrong-type",
         std::string("must be an array, got ") + typeName(*Value));
}

bool JsonCursor::has(const std::string &Key) const {
  return Value->is_object() && Value->contains(Key);
}

JsonCursor JsonCursor::at(const std::string &Key) const {
  expectObject();
  auto It = Value->find(Key);
  if (It == Value->end())
    fail("input.evidence.missing-member", "missing member '" + Key + "'");
  return JsonCursor(*It, *this);
}

JsonCursor JsonCursor::at(size_t Index) const {
  expectArray();
  if (Index >= Value->size())
    fail("input.evidence.missing-member",
         "has no element " + std::to_string(Index));
  return JsonCursor((*Value)[Index], *this);
}

std::optional<JsonCursor> JsonCursor::find(const std::string &Key) const {
  expectObject();
  auto It = Value->find(Key);
  if (It == Value->end() || It->is_null())
    return std::nullopt;
  return JsonCursor(*It, *this);
}

std::vector<JsonCursor> JsonCursor::elements() const {
  expectArray();
  std::vector<JsonCursor> Out;
  Out.reserve(Value->size());
  for (size_t I = 0; I < Value->size(); ++I)
    Out.push_back(JsonCursor((*Value)[I], *this));
  return Out;
}

std::vector<std::pair<std::string, JsonCursor>> JsonCursor::members() const {
  expectObject();
  std::vector<std::pair<std::string, JsonCursor>> Out;
  for (auto It = Value->begin(); It != Value->end(); ++It)
    Out.emplace_back(It.key(), JsonCursor(It.value(), *this));
  return Out;
}

std::string JsonCursor::string() const {
  if (!Value->is_string())
    fail("input.evidence.wrong-type",
         std::string("must be a string, got ") + typeName(*Value));
  return Value->get<std::string>();
}

bool JsonCursor::boolean() const {
  if (!Value->is_boolean())
    fail("input.evidence.wrong-type",
         std::string("must be true or false, got ") + typeName(*Value));
  return Value->get<bool>();
}

double JsonCursor::number() const {
  if (!Value->is_number())
    fail("input.evidence.wrong-type",
         std::string("must be a number, got ") + typeName(*Value));
  return Value->get<double>();
}

std::optional<long long> JsonCursor::integerIn(long double Min,
                                               long double Max) const {
  if (Value->is_number_unsigned()) {
    auto V = Value->get<std::uint64_t>();
    if (static_cast<long double>(V) <= Max)
      return static_cast<long long>(V);
    return std::nullopt;
  }
  if (!Value->is_number_integer()) {
    if (!Value->is_number())
      fail("input.evidence.wrong-type",
           std::string("must be an integer, got ") + typeName(*Value));
    return std::nullopt;
  }
  auto V = Value->get<std::int64_t>();
  if (static_cast<long double>(V) < Min || static_cast<long double>(V) > Max)
    return std::nullopt;
  return static_cast<long long>(V);
}

std::vector<std::string> JsonCursor::strings() const {
  std::vector<std::string> Out;
  for (const JsonCursor &E : elements())
    Out.push_back(E.string());
  return Out;
}

std::optional<std::string> JsonCursor::stringOrNull() const {
  if (Value->is_null())
    return std::nullopt;
  return string();
}

std::optional<double> JsonCursor::numberOrNull() const {
  if (Value->is_null())
    return std::nullopt;
  return number();
}

JsonCursor openEvidence(const json &J, const std::string &Schema,
                        const std::string &File) {
  JsonCursor Root(J, File);
  if (!J.is_object())
    throw Error("input.evidence.wrong-type", File, "",
                std::string("not a JSON object but ") + J.type_name());
  auto It = J.find("schema");
  if (It == J.end() || !It->is_string() ||
      It->get_ref<const std::string &>() != Schema)
    throw Error("input.evidence.schema", File, "/schema",
                "expected '" + Schema + "', found " +
                    (It == J.end()     ? std::string("none")
                     : It->is_string() ? "'" + It->get<std::string>() + "'"
                                       : std::string(It->type_name())));
  auto Version = J.find("schema_version");
  if (Version == J.end() || !Version->is_number_integer() ||
      *Version != EvidenceSchemaVersion)
    throw Error("input.evidence.schema-version", File, "/schema_version",
                "unsupported schema version " + (Version == J.end()
                                                     ? std::string("(none)")
                                                     : Version->dump()));
  return Root;
}

} // namespace exitbar

// CoverageJsonStream.cpp - coverage evidence read without a JSON document:
// the per-line hit counts go straight from the text into FileCoverage
// SPDX-License-Identifier: Apache-2.0
//
// Coverage is most of the bytes `exitbar merge` reads (100 shards of a
// 1,000-file project: 360 MB), and as a document every `[line, hits]` pair
// is an array of two values on the heap. This reader parses with
// nlohmann's SAX interface and handles the well-formed case only: at the
// first thing it does not expect (a type, a missing or unknown member, a
// duplicate key, a syntax error) it gives up, and coverageFromText reads
// the text again with the document reader, whose error (file, JSON pointer,
// message) or result is then the answer. So both ways accept the same
// files and say the same about bad ones.

#include "exitbar/Coverage.h"
#include "exitbar/EvidenceJson.h"
#include <limits>
#include <string>
#include <vector>

namespace exitbar {
namespace {

using json = nlohmann::json;

/// Thrown inside the handler: the text is not of the common shape; read it
/// with the document reader.
struct NotTheCommonShape {};

/// SAX handler: the top-level members other than `files` are kept as a
/// small document (schema, version, tool, diff, run ids); `files` is read
/// into FileCoverage as it streams by.
class CoverageHandler final : public json::json_sax_t {
public:
  explicit CoverageHandler(CoverageEvidence &Out) : Out(Out) {}

  json Top = json::object(); ///< everything but `files`
  bool SawFiles = false;

  bool null() override { return value(json()); }
  bool boolean(bool V) override { return value(json(V)); }
  bool number_integer(number_integer_t V) override {
    if (State == S::LineItem || State == S::BranchItem ||
        State == S::FunctionValue)
      return integer(V);
    return value(json(V));
  }
  bool number_unsigned(number_unsigned_t V) override {
    if (State == S::LineItem || State == S::BranchItem ||
        State == S::FunctionValue) {
      if (V >
          static_cast<number_unsigned_t>(std::numeric_limits<long long>::max()))
        throw NotTheCommonShape();
      return integer(static_cast<long long>(V));
    }
    return value(json(V));
  }
  bool number_float(number_float_t V, const string_t &) override {
    return value(json(V));
  }
  bool string(string_t &V) override {
    if (State == S::Skip)
      return value(json());
    if (State == S::FileValue && Key == K::Path) {
      Path = std::move(V);
      HavePath = true;
      State = S::File;
      return true;
    }
    if (State == S::FunctionValue && FnKey == K::Name) {
      FnName = std::move(V);
      Have |= HaveName;
      State = S::Function;
      return true;
    }
    return value(json(std::move(V)));
  }
  bool binary(binary_t &) override { throw NotTheCommonShape(); }

  bool start_object(std::size_t) override {
    if (State == S::Skip)
      return skipDeeper();
    switch (State) {
    case S::Start:
      State = S::Root;
      return true;
    case S::Files:
      State = S::File;
      Current = FileCoverage();
      Path.clear();
      HavePath = HaveLines = HaveBranches = HaveFunctions = false;
      return true;
    case S::Functions:
      State = S::Function;
      Have = 0;
      return true;
    default:
      return startCaptured(json::object());
    }
  }
  bool key(string_t &Name) override {
    if (State == S::Root) {
      if (Name == "files") {
        if (SawFiles)
          throw NotTheCommonShape();
        SawFiles = true;
        State = S::FilesKey;
        return true;
      }
      if (Top.contains(Name))
        throw NotTheCommonShape();
      TopKey = Name;
      State = S::TopValue;
      return true;
    }
    if (State == S::File) {
      if (Name == "path" && !HavePath)
        Key = K::Path;
      else if (Name == "lines" && !HaveLines)
        Key = K::Lines;
      else if (Name == "branches" && !HaveBranches)
        Key = K::Branches;
      else if (Name == "functions" && !HaveFunctions)
        Key = K::Functions;
      else if (Name == "path" || Name == "lines" || Name == "branches" ||
               Name == "functions")
        throw NotTheCommonShape();
      else {
        // Totals and percentages the writer adds; the reader ignores them.
        State = S::Skip;
        SkipDepth = 0;
        return true;
      }
      State = S::FileValue;
      return true;
    }
    if (State == S::Function) {
      if (Name == "name" && !(Have & HaveName))
        FnKey = K::Name;
      else if (Name == "line" && !(Have & HaveLine))
        FnKey = K::Line;
      else if (Name == "hits" && !(Have & HaveHits))
        FnKey = K::Hits;
      else
        throw NotTheCommonShape();
      State = S::FunctionValue;
      return true;
    }
    if (Captured.empty() || !Captured.back()->is_object() ||
        Captured.back()->contains(Name))
      throw NotTheCommonShape();
    CapturedKeys.push_back(Name);
    return true;
  }
  bool end_object() override {
    if (State == S::Skip)
      return endSkipped();
    switch (State) {
    case S::Root:
      State = S::Done;
      return true;
    case S::File:
      // A path listed twice adds up its lines but keeps the last function
      // entries in the document reader; not worth repeating here.
      if (!HavePath || !HaveLines || !HaveBranches || !HaveFunctions ||
          Out.Files.count(Path))
        throw NotTheCommonShape();
      Out.Files.emplace(std::move(Path), std::move(Current));
      State = S::Files;
      return true;
    case S::Function:
      if (Have != (HaveName | HaveLine | HaveHits))
        throw NotTheCommonShape();
      Current.Functions[FnName] = {FnLine, FnHits};
      State = S::Functions;
      return true;
    default:
      return endCaptured();
    }
  }
  bool start_array(std::size_t) override {
    if (State == S::Skip)
      return skipDeeper();
    switch (State) {
    case S::FilesKey:
      State = S::Files;
      return true;
    case S::FileValue:
      if (Key == K::Lines)
        State = S::Lines, HaveLines = true;
      else if (Key == K::Branches)
        State = S::Branches, HaveBranches = true;
      else if (Key == K::Functions)
        State = S::Functions, HaveFunctions = true;
      else
        throw NotTheCommonShape();
      return true;
    case S::Lines:
      State = S::LineItem;
      Items = 0;
      return true;
    case S::Branches:
      State = S::BranchItem;
      Items = 0;
      return true;
    default:
      return startCaptured(json::array());
    }
  }
  bool end_array() override {
    if (State == S::Skip)
      return endSkipped();
    switch (State) {
    case S::Files:
      State = S::Root;
      return true;
    case S::Lines:
    case S::Branches:
    case S::Functions:
      State = S::File;
      return true;
    case S::LineItem:
      if (Items != 2)
        throw NotTheCommonShape();
      addHits(Current.Lines[static_cast<int>(Numbers[0])], Numbers[1]);
      State = S::Lines;
      return true;
    case S::BranchItem:
      if (Items != 3)
        throw NotTheCommonShape();
      addHits(Current.Branches[{static_cast<int>(Numbers[0]),
                                static_cast<int>(Numbers[1])}],
              Numbers[2]);
      State = S::Branches;
      return true;
    default:
      return endCaptured();
    }
  }
  bool parse_error(std::size_t, const std::string &,
                   const nlohmann::detail::exception &) override {
    throw NotTheCommonShape();
  }

private:
  enum class S {
    Start,
    Root,
    TopValue,
    FilesKey,
    Files,
    File,
    FileValue,
    Lines,
    LineItem,
    Branches,
    BranchItem,
    Functions,
    Function,
    FunctionValue,
    Captured,
    Skip,
    Done
  };
  enum class K { Path, Lines, Branches, Functions, Name, Line, Hits };
  enum : unsigned { HaveName = 1, HaveLine = 2, HaveHits = 4 };

  /// A number inside `files`: an element of a line or branch pair, or a
  /// function's line or hits. Lines and branch numbers are ints, hits
  /// long long, as the document reader requires.
  bool integer(long long V) {
    auto FitsInt = [](long long X) {
      return X >= std::numeric_limits<int>::min() &&
             X <= std::numeric_limits<int>::max();
    };
    if (State == S::LineItem || State == S::BranchItem) {
      unsigned Last = State == S::LineItem ? 1 : 2;
      if (Items > Last || (Items < Last && !FitsInt(V)))
        throw NotTheCommonShape();
      Numbers[Items++] = V;
      return true;
    }
    if (FnKey == K::Line) {
      if (!FitsInt(V))
        throw NotTheCommonShape();
      FnLine = static_cast<int>(V);
      Have |= HaveLine;
    } else if (FnKey == K::Hits) {
      FnHits = V;
      Have |= HaveHits;
    } else {
      throw NotTheCommonShape();
    }
    State = S::Function;
    return true;
  }

  /// An object or array opens inside a skipped member's value (three
  /// levels down: the document, `files`, the file).
  bool skipDeeper() {
    if (++SkipDepth + 3 > MaxJsonDepth)
      throw NotTheCommonShape();
    return true;
  }

  /// The end of an object or array inside a skipped member's value.
  bool endSkipped() {
    if (--SkipDepth == 0)
      State = S::File;
    return true;
  }

  /// A scalar outside `files`: a top-level member's value or part of one.
  bool value(json V) {
    if (State == S::Skip) {
      if (SkipDepth == 0)
        State = S::File;
      return true;
    }
    if (State == S::TopValue) {
      Top[TopKey] = std::move(V);
      State = S::Root;
      return true;
    }
    if (State != S::Captured)
      throw NotTheCommonShape();
    place(std::move(V));
    return true;
  }
  bool startCaptured(json V) {
    // Deeper than the document reader allows: it says so (fallback).
    if (Captured.size() + 2 > MaxJsonDepth)
      throw NotTheCommonShape();
    if (State == S::TopValue) {
      json &Slot = Top[TopKey] = std::move(V);
      Captured.push_back(&Slot);
      State = S::Captured;
      return true;
    }
    if (State != S::Captured)
      throw NotTheCommonShape();
    Captured.push_back(&place(std::move(V)));
    return true;
  }
  bool endCaptured() {
    if (State != S::Captured || Captured.empty())
      throw NotTheCommonShape();
    Captured.pop_back();
    if (Captured.empty())
      State = S::Root;
    return true;
  }
  /// Adds \p V to the innermost captured object or array.
  json &place(json V) {
    json &Parent = *Captured.back();
    if (Parent.is_array()) {
      Parent.push_back(std::move(V));
      return Parent.back();
    }
    json &Slot = Parent[CapturedKeys.back()] = std::move(V);
    CapturedKeys.pop_back();
    return Slot;
  }

  CoverageEvidence &Out;
  S State = S::Start;
  K Key = K::Path, FnKey = K::Name;
  std::string TopKey;
  std::vector<json *> Captured;
  std::vector<std::string> CapturedKeys;
  FileCoverage Current;
  std::string Path;
  bool HavePath = false, HaveLines = false, HaveBranches = false,
       HaveFunctions = false;
  long long Numbers[3] = {0, 0, 0};
  unsigned Items = 0;
  unsigned SkipDepth = 0; ///< open objects and arrays in a skipped value
  std::string FnName;
  int FnLine = 0;
  long long FnHits = 0;
  unsigned Have = 0;
};

} // namespace

CoverageEvidence coverageFromText(const std::string &Text,
                                  const std::string &File,
                                  nlohmann::json *TopLevel) {
  CoverageEvidence Out;
  try {
    CoverageHandler Handler(Out);
    if (json::sax_parse(Text, &Handler) && Handler.SawFiles) {
      // The small rest (schema, version, tool, diff) goes through the
      // document reader's own checks, with an empty file list standing in
      // for the one already read.
      Handler.Top["files"] = json::array();
      CoverageEvidence Rest = coverageFromJson(Handler.Top, File);
      Out.Tool = std::move(Rest.Tool);
      Out.Diff = std::move(Rest.Diff);
      if (TopLevel) {
        Handler.Top.erase("files");
        *TopLevel = std::move(Handler.Top);
      }
      return Out;
    }
  } catch (const NotTheCommonShape &) {
  }
  json Document = parseJsonText(Text, File);
  CoverageEvidence E = coverageFromJson(Document, File);
  if (TopLevel) {
    if (Document.is_object())
      Document.erase("files");
    *TopLevel = std::move(Document);
  }
  return E;
}

} // namespace exitbar

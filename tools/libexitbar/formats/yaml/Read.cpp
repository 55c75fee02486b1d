// Read.cpp - reader of the YAML subset of Kubernetes and Compose files
// SPDX-License-Identifier: Apache-2.0
//
// YAML 1.2 (https://yaml.org/spec/1.2.2/), the part Kubernetes manifests and
// Compose files are written in: indentation-structured maps and sequences,
// flow collections on one or a few lines, scalars. Debian 12 has yaml-cpp,
// but a scanner that must not stop at the first Helm template or odd file,
// and that keeps every node's line, is smaller written here.

#include "formats/yaml/Read.h"
#include <algorithm>

namespace exitbar::formats {
namespace {

struct Line {
  int Indent;
  std::string Text; ///< without indentation and comment
  int Number;
};

/// \p Raw without a trailing comment (a '#' after a space, outside quotes).
std::string stripComment(const std::string &Raw) {
  char Quote = 0;
  for (size_t I = 0; I < Raw.size(); ++I) {
    char C = Raw[I];
    if (Quote) {
      if (C == Quote)
        Quote = 0;
      continue;
    }
    if (C == '"' || C == '\'') {
      // Only a quote that opens a scalar quotes: "it's" is plain text.
      if (I == 0 || Raw[I - 1] == ' ' || Raw[I - 1] == ':' ||
          Raw[I - 1] == '[' || Raw[I - 1] == '{' || Raw[I - 1] == ',' ||
          Raw[I - 1] == '-')
        Quote = C;
      continue;
    }
    if (C == '#' && (I == 0 || Raw[I - 1] == ' ' || Raw[I - 1] == '\t'))
      return Raw.substr(0, I);
  }
  return Raw;
}

std::string trim(const std::string &S) {
  size_t B = S.find_first_not_of(" \t\r");
  if (B == std::string::npos)
    return {};
  size_t E = S.find_last_not_of(" \t\r");
  return S.substr(B, E - B + 1);
}

/// A scalar's text: quotes removed, anchors and tags dropped.
std::string scalar(std::string S) {
  S = trim(S);
  while (!S.empty() && (S[0] == '&' || S[0] == '!')) {
    size_t Space = S.find(' ');
    S = Space == std::string::npos ? "" : trim(S.substr(Space + 1));
  }
  if (S.size() >= 2 && (S[0] == '"' || S[0] == '\'') && S.back() == S[0]) {
    std::string Out;
    for (size_t I = 1; I + 1 < S.size(); ++I) {
      if (S[0] == '\'' && S[I] == '\'' && S[I + 1] == '\'')
        ++I;
      else if (S[0] == '"' && S[I] == '\\' && I + 2 < S.size())
        ++I;
      Out += S[I];
    }
    return Out;
  }
  return S;
}

/// The position of the ':' that ends a map key in \p S (followed by a
/// space or the end), outside quotes and brackets; npos when none.
size_t keyColon(const std::string &S) {
  char Quote = 0;
  int Depth = 0;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    if (Quote) {
      if (C == Quote)
        Quote = 0;
      continue;
    }
    if ((C == '"' || C == '\'') && I == 0)
      Quote = C;
    else if (C == '[' || C == '{')
      ++Depth;
    else if (C == ']' || C == '}')
      --Depth;
    else if (C == ':' && Depth == 0 &&
             (I + 1 == S.size() || S[I + 1] == ' ' || S[I + 1] == '\t'))
      return I;
  }
  return std::string::npos;
}

class FlowParser {
public:
  FlowParser(const std::string &Text, int Line) : Text(Text), Line(Line) {}

  YamlNode parse(int Depth = 0) {
    skipSpace();
    YamlNode Node;
    Node.Line = Line;
    if (Pos >= Text.size() || Depth > 64)
      return Node;
    if (Text[Pos] == '[') {
      ++Pos;
      Node.Type = YamlNode::Kind::Seq;
      while (skipSpace(), Pos < Text.size() && Text[Pos] != ']') {
        size_t Before = Pos;
        Node.Elements.push_back(parse(Depth + 1));
        skipSpace();
        if (Pos < Text.size() && Text[Pos] == ',')
          ++Pos;
        if (Pos == Before)
          ++Pos; // never loop on a character nothing consumes
      }
      ++Pos;
      return Node;
    }
    if (Text[Pos] == '{') {
      ++Pos;
      Node.Type = YamlNode::Kind::Map;
      while (skipSpace(), Pos < Text.size() && Text[Pos] != '}') {
        size_t Before = Pos;
        std::string Key = scalar(token(":,}"));
        YamlNode Value;
        Value.Line = Line;
        if (Pos < Text.size() && Text[Pos] == ':') {
          ++Pos;
          Value = parse(Depth + 1);
        }
        Node.Items.emplace_back(Key, Value);
        skipSpace();
        if (Pos < Text.size() && Text[Pos] == ',')
          ++Pos;
        if (Pos == Before)
          ++Pos;
      }
      ++Pos;
      return Node;
    }
    Node.Type = YamlNode::Kind::Scalar;
    Node.Value = scalar(token(",]}"));
    return Node;
  }

private:
  void skipSpace() {
    while (Pos < Text.size() && (Text[Pos] == ' ' || Text[Pos] == '\t'))
      ++Pos;
  }
  /// Text up to one of \p Stops outside quotes.
  std::string token(const char *Stops) {
    size_t Begin = Pos;
    char Quote = 0;
    for (; Pos < Text.size(); ++Pos) {
      char C = Text[Pos];
      if (Quote) {
        if (C == Quote)
          Quote = 0;
        continue;
      }
      if ((C == '"' || C == '\'') && Pos == Begin)
        Quote = C;
      else if (std::string_view(Stops).find(C) != std::string_view::npos)
        break;
    }
    return Text.substr(Begin, Pos - Begin);
  }

  const std::string &Text;
  int Line;
  size_t Pos = 0;
};

class BlockParser {
public:
  explicit BlockParser(std::vector<Line> Lines) : Lines(std::move(Lines)) {}

  YamlNode document() {
    YamlNode Root;
    size_t Guard = 0;
    while (I < Lines.size() && Guard++ < Lines.size() + 1) {
      size_t Before = I;
      YamlNode Node = node(Lines[I].Indent, 0);
      if (Root.Type == YamlNode::Kind::Null)
        Root = std::move(Node);
      else if (Root.Type == YamlNode::Kind::Map &&
               Node.Type == YamlNode::Kind::Map)
        for (auto &Item : Node.Items)
          Root.Items.push_back(std::move(Item));
      if (I == Before)
        ++I; // a line nothing could read: skip it
    }
    return Root;
  }

private:
  static bool isItem(const std::string &Text) {
    return Text == "-" || Text.rfind("- ", 0) == 0;
  }

  /// The value written after a key or a dash on line \p At: inline text,
  /// a flow collection (possibly over several lines), a block scalar, or
  /// the block below at a deeper indentation.
  YamlNode value(std::string Rest, int Number, int Indent, int Depth,
                 bool AllowSameIndentSeq) {
    Rest = trim(Rest);
    YamlNode Node;
    Node.Line = Number;
    if (!Rest.empty() && (Rest[0] == '|' || Rest[0] == '>')) {
      // Literal (|) keeps line breaks, folded (>) joins lines; `-` strips
      // the final line break. Lines deeper than the first keep the extra
      // indentation. (Blank lines and comments were dropped with the
      // lines: a scanner does not need them.)
      Node.Type = YamlNode::Kind::Scalar;
      bool Folded = Rest[0] == '>';
      int BlockIndent = I < Lines.size() ? Lines[I].Indent : 0;
      while (I < Lines.size() && Lines[I].Indent > Indent) {
        if (Folded && !Node.Value.empty())
          Node.Value.back() = ' ';
        Node.Value +=
            std::string(std::max(0, Lines[I].Indent - BlockIndent), ' ') +
            Lines[I].Text + "\n";
        ++I;
      }
      if (Rest.find('-') != std::string::npos && !Node.Value.empty())
        Node.Value.pop_back();
      return Node;
    }
    if (!Rest.empty() && (Rest[0] == '[' || Rest[0] == '{')) {
      // A flow collection may continue on the next, deeper lines.
      auto Balance = [](const std::string &S) {
        int B = 0;
        for (char C : S)
          B += (C == '[' || C == '{') - (C == ']' || C == '}');
        return B;
      };
      while (Balance(Rest) > 0 && I < Lines.size() && Lines[I].Indent > Indent)
        Rest += " " + Lines[I++].Text;
      return FlowParser(Rest, Number).parse();
    }
    if (!Rest.empty()) {
      Node.Type = YamlNode::Kind::Scalar;
      Node.Value = scalar(Rest);
      // A plain scalar may fold over deeper lines.
      while (I < Lines.size() && Lines[I].Indent > Indent &&
             keyColon(Lines[I].Text) == std::string::npos &&
             !isItem(Lines[I].Text))
        Node.Value += " " + Lines[I++].Text;
      return Node;
    }
    if (I < Lines.size() && Lines[I].Indent > Indent)
      return node(Lines[I].Indent, Depth + 1);
    if (AllowSameIndentSeq && I < Lines.size() && Lines[I].Indent == Indent &&
        isItem(Lines[I].Text))
      return node(Indent, Depth + 1);
    return Node;
  }

  YamlNode node(int Indent, int Depth) {
    YamlNode Node;
    if (I >= Lines.size())
      return Node;
    Node.Line = Lines[I].Number;
    if (Depth > 100) { // deeper than any real file: skip the block
      while (I < Lines.size() && Lines[I].Indent >= Indent)
        ++I;
      return Node;
    }
    if (isItem(Lines[I].Text)) {
      Node.Type = YamlNode::Kind::Seq;
      while (I < Lines.size() && Lines[I].Indent == Indent &&
             isItem(Lines[I].Text)) {
        Line &Current = Lines[I];
        std::string Rest =
            Current.Text.size() > 1 ? Current.Text.substr(2) : std::string();
        size_t Offset = Rest.find_first_not_of(' ');
        if (Offset != std::string::npos &&
            keyColon(trim(Rest)) != std::string::npos && Rest[Offset] != '[' &&
            Rest[Offset] != '{' && Rest[Offset] != '"' &&
            Rest[Offset] != '\'') {
          // "- key: value": a map whose keys line up after the dash.
          Current.Indent += 2 + static_cast<int>(Offset);
          Current.Text = trim(Rest);
          Node.Elements.push_back(node(Current.Indent, Depth + 1));
        } else {
          int Number = Current.Number;
          ++I;
          Node.Elements.push_back(value(Rest, Number, Indent, Depth, false));
        }
      }
      return Node;
    }
    Node.Type = YamlNode::Kind::Map;
    while (I < Lines.size() && Lines[I].Indent == Indent &&
           !isItem(Lines[I].Text)) {
      const Line Current = Lines[I];
      size_t Colon = keyColon(Current.Text);
      ++I;
      if (Colon == std::string::npos) {
        // Not a key: a stray scalar. Skip it and anything nested under it.
        while (I < Lines.size() && Lines[I].Indent > Indent)
          ++I;
        continue;
      }
      std::string Key = scalar(Current.Text.substr(0, Colon));
      YamlNode Value = value(Current.Text.substr(Colon + 1), Current.Number,
                             Indent, Depth, true);
      if (Value.Line == 0)
        Value.Line = Current.Number;
      Node.Items.emplace_back(std::move(Key), std::move(Value));
    }
    return Node;
  }

  std::vector<Line> Lines;
  size_t I = 0;
};

} // namespace

const YamlNode *YamlNode::get(std::string_view Key) const {
  if (Type != Kind::Map)
    return nullptr;
  for (const auto &[Name, Value] : Items)
    if (Name == Key)
      return &Value;
  return nullptr;
}

std::string YamlNode::text(std::string_view Key) const {
  const YamlNode *Node = get(Key);
  return Node && Node->Type == Kind::Scalar ? Node->Value : std::string();
}

std::vector<YamlNode> readYamlSubset(std::string_view Text) {
  std::vector<YamlNode> Documents;
  std::vector<Line> Current;
  auto Flush = [&] {
    if (!Current.empty())
      Documents.push_back(BlockParser(std::move(Current)).document());
    Current.clear();
  };
  size_t Begin = 0;
  int Number = 0;
  while (Begin < Text.size()) {
    size_t End = Text.find('\n', Begin);
    if (End == std::string_view::npos)
      End = Text.size();
    std::string Raw(Text.substr(Begin, End - Begin));
    Begin = End + 1;
    ++Number;
    if (Raw.rfind("---", 0) == 0 || Raw.rfind("...", 0) == 0) {
      Flush();
      continue;
    }
    if (Raw.rfind('%', 0) == 0)
      continue; // a directive
    std::replace(Raw.begin(), Raw.end(), '\t', ' ');
    std::string Text = trim(stripComment(Raw));
    if (Text.empty())
      continue;
    int Indent = static_cast<int>(Raw.find_first_not_of(' '));
    Current.push_back({Indent, Text, Number});
  }
  Flush();
  return Documents;
}

} // namespace exitbar::formats

// Read.cpp - block scanner for HCL (Terraform/OpenTofu configuration)
// SPDX-License-Identifier: Apache-2.0
//
// HCL native syntax
// (https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md): a body is
// attributes (`name = expr`, ending at a newline outside brackets) and blocks
// (`type label* { body }`). Expressions are not evaluated: the rules that read
// them look at literals.

#include "formats/hcl/Read.h"
#include <cctype>
#include <cstdlib>

namespace exitbar::formats {
namespace {

class Scanner {
public:
  explicit Scanner(std::string_view Text) : Text(Text) {}

  std::vector<HclBlock> body(int Depth) {
    std::vector<HclBlock> Blocks;
    parseBody(Blocks, nullptr, Depth);
    return Blocks;
  }

private:
  bool atEnd() const { return Pos >= Text.size(); }
  char peek(size_t Ahead = 0) const {
    return Pos + Ahead < Text.size() ? Text[Pos + Ahead] : '\0';
  }
  void advance() {
    if (peek() == '\n')
      ++Line;
    ++Pos;
  }

  /// Skips spaces and comments; newlines too when \p Newlines.
  void skipBlank(bool Newlines) {
    while (!atEnd()) {
      char C = peek();
      if (C == ' ' || C == '\t' || C == '\r' || (Newlines && C == '\n')) {
        advance();
      } else if (C == '#' || (C == '/' && peek(1) == '/')) {
        while (!atEnd() && peek() != '\n')
          advance();
      } else if (C == '/' && peek(1) == '*') {
        advance();
        advance();
        while (!atEnd() && !(peek() == '*' && peek(1) == '/'))
          advance();
        advance();
        advance();
      } else {
        return;
      }
    }
  }

  /// Skips a quoted string, `${...}` templates inside included.
  void skipString() {
    advance(); // opening quote
    int Template = 0;
    while (!atEnd()) {
      char C = peek();
      if (C == '\\') {
        advance();
        advance();
        continue;
      }
      if (C == '$' && peek(1) == '{') {
        ++Template;
        advance();
      } else if (C == '}' && Template > 0) {
        --Template;
      } else if (C == '"' && Template == 0) {
        advance();
        return;
      } else if (C == '\n' && Template == 0) {
        return; // unterminated: stop at the line's end
      }
      advance();
    }
  }

  /// Skips a heredoc (`<<EOT` or `<<-EOT` up to a line that is EOT).
  void skipHeredoc() {
    advance();
    advance();
    if (peek() == '-')
      advance();
    std::string Marker;
    while (!atEnd() &&
           (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '_'))
      Marker += peek(), advance();
    while (!atEnd()) {
      while (!atEnd() && peek() != '\n')
        advance();
      advance();
      size_t Start = Pos;
      while (Start < Text.size() && (Text[Start] == ' ' || Text[Start] == '\t'))
        ++Start;
      if (Start >= Text.size() ||
          (!Marker.empty() && Text.substr(Start, Marker.size()) == Marker))
        break;
    }
    while (!atEnd() && peek() != '\n')
      advance();
  }

  /// An expression up to the newline (or `}`) that ends it outside
  /// brackets; returns its text.
  std::string expression() {
    size_t Begin = Pos;
    int Depth = 0;
    while (!atEnd()) {
      char C = peek();
      if (C == '"') {
        skipString();
        continue;
      }
      if (C == '<' && peek(1) == '<' &&
          (std::isalpha(static_cast<unsigned char>(peek(2))) ||
           peek(2) == '-')) {
        skipHeredoc();
        continue;
      }
      if (C == '#' || (C == '/' && peek(1) == '/')) {
        if (Depth == 0)
          break;
        while (!atEnd() && peek() != '\n')
          advance();
        continue;
      }
      if (C == '/' && peek(1) == '*') {
        skipBlank(false);
        continue;
      }
      if (C == '(' || C == '[' || C == '{')
        ++Depth;
      else if (C == ')' || C == ']' || C == '}') {
        if (Depth == 0)
          break; // the end of the enclosing block
        --Depth;
      } else if ((C == '\n' || C == ',') && Depth == 0)
        break;
      advance();
    }
    std::string_view Raw = Text.substr(Begin, Pos - Begin);
    while (!Raw.empty() && std::isspace(static_cast<unsigned char>(Raw.back())))
      Raw.remove_suffix(1);
    return std::string(Raw);
  }

  std::string identifier() {
    std::string Name;
    while (!atEnd() && (std::isalnum(static_cast<unsigned char>(peek())) ||
                        peek() == '_' || peek() == '-'))
      Name += peek(), advance();
    return Name;
  }

  void parseBody(std::vector<HclBlock> &Blocks, HclBlock *Owner, int Depth) {
    while (true) {
      skipBlank(true);
      if (atEnd())
        return;
      if (peek() == '}') {
        if (Owner) {
          advance();
          return;
        }
        advance(); // a stray brace at top level
        continue;
      }
      int StartLine = Line;
      std::string Name = identifier();
      if (Name.empty()) {
        // Something that is neither attribute nor block: skip the line.
        while (!atEnd() && peek() != '\n')
          advance();
        continue;
      }
      skipBlank(false);
      if (peek() == '=' && peek(1) != '=') {
        advance();
        skipBlank(false);
        HclAttribute A{Name, expression(), StartLine};
        if (Owner)
          Owner->Attributes.push_back(std::move(A));
        continue;
      }
      // A block: labels (quoted or bare) then '{'.
      HclBlock Block;
      Block.Type = Name;
      Block.Line = StartLine;
      while (!atEnd() && peek() != '{' && peek() != '\n') {
        if (peek() == '"') {
          size_t Begin = Pos + 1;
          skipString();
          size_t End = Pos > Begin ? Pos - 1 : Begin;
          Block.Labels.emplace_back(Text.substr(Begin, End - Begin));
        } else {
          std::string Label = identifier();
          if (Label.empty())
            advance();
          else
            Block.Labels.push_back(Label);
        }
        skipBlank(false);
      }
      if (peek() != '{')
        continue; // not a block after all; the line is skipped
      advance();
      if (Depth < 64)
        parseBody(Block.Blocks, &Block, Depth + 1);
      else
        skipBalanced();
      Blocks.push_back(std::move(Block));
    }
  }

  void skipBalanced() {
    int Depth = 1;
    while (!atEnd() && Depth > 0) {
      if (peek() == '"') {
        skipString();
        continue;
      }
      Depth += (peek() == '{') - (peek() == '}');
      advance();
    }
  }

  std::string_view Text;
  size_t Pos = 0;
  int Line = 1;
};

} // namespace

const HclAttribute *HclBlock::attribute(std::string_view Name) const {
  for (const HclAttribute &A : Attributes)
    if (A.Name == Name)
      return &A;
  return nullptr;
}

std::vector<HclBlock> readHclBlocks(std::string_view Text) {
  return Scanner(Text).body(0);
}

namespace {

/// The string literal whose opening quote is at \p I, unescaped; \p I
/// moves to its closing quote (or the end).
std::string quotedAt(std::string_view Expression, size_t &I) {
  std::string Value;
  for (++I; I < Expression.size() && Expression[I] != '"'; ++I) {
    if (Expression[I] == '\\' && I + 1 < Expression.size())
      ++I;
    Value += Expression[I];
  }
  return Value;
}

} // namespace

std::vector<std::string> hclStrings(std::string_view Expression) {
  std::vector<std::string> Out;
  for (size_t I = 0; I < Expression.size(); ++I)
    if (Expression[I] == '"')
      Out.push_back(quotedAt(Expression, I));
  return Out;
}

std::vector<std::string> hclScalars(std::string_view Expression) {
  std::vector<std::string> Out;
  auto IsWord = [](char C) {
    return std::isalnum(static_cast<unsigned char>(C)) || C == '_' ||
           C == '.' || C == '-';
  };
  for (size_t I = 0; I < Expression.size(); ++I) {
    char C = Expression[I];
    if (C == '"') {
      Out.push_back(quotedAt(Expression, I));
    } else if (std::isdigit(static_cast<unsigned char>(C)) &&
               (I == 0 || !IsWord(Expression[I - 1]))) {
      size_t End = I;
      while (End < Expression.size() &&
             std::isdigit(static_cast<unsigned char>(Expression[End])))
        ++End;
      // A whole number, not the start of a name or a decimal.
      if (End == Expression.size() || !IsWord(Expression[End]))
        Out.emplace_back(Expression.substr(I, End - I));
      I = End - 1;
    } else if (IsWord(C)) {
      while (I + 1 < Expression.size() && IsWord(Expression[I + 1]))
        ++I;
    }
  }
  return Out;
}

std::vector<HclBlock> hclObjects(const HclAttribute &List) {
  std::vector<HclBlock> Out;
  std::string_view E = List.Expression;
  int Line = List.Line;
  for (size_t I = 0; I < E.size(); ++I) {
    if (E[I] == '\n')
      ++Line;
    if (E[I] == '"') {
      quotedAt(E, I);
      continue;
    }
    if (E[I] != '{')
      continue;
    // One object: its items, separated by commas or newlines, become the
    // lines of a block body (`key: value` as `key = value`).
    int ObjectLine = Line;
    std::string Body = "object {";
    int Depth = 0;
    bool ItemHasValue = false;
    for (++I; I < E.size(); ++I) {
      char C = E[I];
      if (C == '"') {
        size_t Start = I;
        quotedAt(E, I);
        Body.append(E.substr(Start, I - Start + 1));
        continue;
      }
      if (C == '\n')
        ++Line;
      if (C == '{' || C == '[' || C == '(')
        ++Depth;
      if (C == '}' || C == ']' || C == ')') {
        if (Depth == 0)
          break;
        --Depth;
      }
      if (Depth == 0 && (C == ',' || C == '\n')) {
        Body += '\n';
        ItemHasValue = false;
        continue;
      }
      if (Depth == 0 && C == ':' && !ItemHasValue)
        C = '=';
      if (Depth == 0 && C == '=')
        ItemHasValue = true;
      Body += C;
    }
    Body += "\n}\n";
    std::vector<HclBlock> Parsed = readHclBlocks(Body);
    if (Parsed.empty())
      continue;
    HclBlock Object = std::move(Parsed[0]);
    Object.Type = List.Name;
    Object.Labels.clear();
    Object.Line = ObjectLine;
    for (HclAttribute &A : Object.Attributes)
      A.Line += ObjectLine - 1;
    Out.push_back(std::move(Object));
  }
  return Out;
}

std::optional<long> hclNumber(std::string_view Expression) {
  std::string S(Expression);
  if (S.size() >= 2 && S.front() == '"' && S.back() == '"')
    S = S.substr(1, S.size() - 2);
  if (S.empty() || S.size() > 9)
    return std::nullopt;
  size_t Start = S[0] == '-' ? 1 : 0;
  if (Start == S.size())
    return std::nullopt;
  for (size_t I = Start; I < S.size(); ++I)
    if (!std::isdigit(static_cast<unsigned char>(S[I])))
      return std::nullopt;
  return std::strtol(S.c_str(), nullptr, 10);
}

} // namespace exitbar::formats

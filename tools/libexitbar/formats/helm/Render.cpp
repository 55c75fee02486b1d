// Render.cpp - renders Helm chart templates with the chart's own values
// SPDX-License-Identifier: Apache-2.0
//
// Go's text/template (https://pkg.go.dev/text/template) and the part of
// Sprig (https://masterminds.github.io/sprig/) and Helm's own functions
// (https://helm.sh/docs/chart_template_guide/function_list/) that charts
// build manifests with. Helm is not a Debian 12 package, and a security
// scan must not need a cluster or a download, so the deployment scanner
// renders charts itself, as Checkov and KICS do with `helm template`.
// Like `helm template`, it uses the chart's default values.

#include "formats/helm/Render.h"
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <stdexcept>

namespace exitbar::formats {
// Named rather than anonymous: HelmRenderer::Impl holds these types.
namespace helm {

// Values.

/// A template value: Go's dynamic values, as far as charts use them.
struct Value {
  enum class Kind { Nil, Bool, Number, String, List, Map };
  Kind Type = Kind::Nil;
  bool B = false;
  double N = 0;
  std::string S; ///< a string's text; a number's text as written
  using Items = std::vector<std::pair<std::string, Value>>;

  /// A list's elements; empty for anything else.
  const std::vector<Value> &list() const { return L ? *L : noList(); }
  /// A map's entries, sorted by key; empty for anything else.
  const Items &items() const { return M ? *M : noItems(); }
  /// Lists and maps are shared between copies until one is changed: the
  /// root and `.Values` are passed to every named template.
  std::vector<Value> &listMut() {
    if (!L)
      L = std::make_shared<std::vector<Value>>();
    else if (L.use_count() > 1)
      L = std::make_shared<std::vector<Value>>(*L);
    return *L;
  }
  Items &itemsMut() {
    if (!M)
      M = std::make_shared<Items>();
    else if (M.use_count() > 1)
      M = std::make_shared<Items>(*M);
    return *M;
  }

  static Value string(std::string Text) {
    Value V;
    V.Type = Kind::String;
    V.S = std::move(Text);
    return V;
  }
  static Value boolean(bool B) {
    Value V;
    V.Type = Kind::Bool;
    V.B = B;
    return V;
  }
  static Value number(double N, std::string Text = "") {
    Value V;
    V.Type = Kind::Number;
    V.N = N;
    V.S = std::move(Text);
    return V;
  }
  static Value emptyMap() {
    Value V;
    V.Type = Kind::Map;
    return V;
  }
  static Value emptyList() {
    Value V;
    V.Type = Kind::List;
    return V;
  }

  const Value *get(const std::string &Key) const {
    if (Type != Kind::Map)
      return nullptr;
    const Items &Map = items();
    auto It = std::lower_bound(
        Map.begin(), Map.end(), Key,
        [](const auto &Item, const std::string &K) { return Item.first < K; });
    return It != Map.end() && It->first == Key ? &It->second : nullptr;
  }
  void set(const std::string &Key, Value V) {
    Items &Map = itemsMut();
    auto It = std::lower_bound(
        Map.begin(), Map.end(), Key,
        [](const auto &Item, const std::string &K) { return Item.first < K; });
    if (It != Map.end() && It->first == Key)
      It->second = std::move(V);
    else
      Map.insert(It, {Key, std::move(V)});
  }

private:
  static const std::vector<Value> &noList() {
    static const std::vector<Value> None;
    return None;
  }
  static const Items &noItems() {
    static const Items None;
    return None;
  }
  std::shared_ptr<std::vector<Value>> L;
  std::shared_ptr<Items> M;
};

bool truthy(const Value &V) {
  switch (V.Type) {
  case Value::Kind::Nil:
    return false;
  case Value::Kind::Bool:
    return V.B;
  case Value::Kind::Number:
    return V.N != 0;
  case Value::Kind::String:
    return !V.S.empty();
  case Value::Kind::List:
    return !V.list().empty();
  case Value::Kind::Map:
    return !V.items().empty();
  }
  return false;
}

std::string numberText(const Value &V) {
  if (!V.S.empty())
    return V.S;
  if (std::isfinite(V.N) && V.N == std::floor(V.N) && std::fabs(V.N) < 1e15)
    return std::to_string(static_cast<long long>(V.N));
  return std::to_string(V.N);
}

/// What `{{ V }}` prints: Go's fmt %v (Helm turns "<no value>" into "").
std::string printed(const Value &V) {
  switch (V.Type) {
  case Value::Kind::Nil:
    return "";
  case Value::Kind::Bool:
    return V.B ? "true" : "false";
  case Value::Kind::Number:
    return numberText(V);
  case Value::Kind::String:
    return V.S;
  case Value::Kind::List: {
    std::string Out = "[";
    for (size_t I = 0; I < V.list().size(); ++I)
      Out += (I ? " " : "") + printed(V.list()[I]);
    return Out + "]";
  }
  case Value::Kind::Map: {
    std::string Out = "map[";
    for (size_t I = 0; I < V.items().size(); ++I)
      Out += (I ? " " : "") + V.items()[I].first + ":" +
             printed(V.items()[I].second);
    return Out + "]";
  }
  }
  return "";
}

std::optional<double> parseNumber(const std::string &S) {
  if (S.empty() || S.size() > 40)
    return std::nullopt;
  size_t I = S[0] == '-' || S[0] == '+' ? 1 : 0;
  bool Digit = false, Dot = false;
  for (; I < S.size(); ++I) {
    if (S[I] >= '0' && S[I] <= '9')
      Digit = true;
    else if (S[I] == '.' && !Dot)
      Dot = true;
    else
      return std::nullopt;
  }
  if (!Digit)
    return std::nullopt;
  return std::strtod(S.c_str(), nullptr);
}

/// A YAML scalar typed as YAML 1.2's core schema types it.
Value scalarValue(const std::string &S) {
  if (S == "true" || S == "True" || S == "TRUE")
    return Value::boolean(true);
  if (S == "false" || S == "False" || S == "FALSE")
    return Value::boolean(false);
  if (S == "null" || S == "~" || S == "Null" || S == "NULL")
    return Value();
  if (auto N = parseNumber(S))
    return Value::number(*N, S);
  return Value::string(S);
}

Value fromYaml(const YamlNode &Node) {
  switch (Node.Type) {
  case YamlNode::Kind::Null:
    return Value();
  case YamlNode::Kind::Scalar:
    return scalarValue(Node.Value);
  case YamlNode::Kind::Seq: {
    Value V = Value::emptyList();
    for (const YamlNode &E : Node.Elements)
      V.listMut().push_back(fromYaml(E));
    return V;
  }
  case YamlNode::Kind::Map: {
    Value V = Value::emptyMap();
    for (const auto &[Key, Item] : Node.Items)
      V.set(Key, fromYaml(Item));
    return V;
  }
  }
  return Value();
}

/// A string that YAML would read as something else, or not at all, quoted.
std::string yamlScalar(const std::string &S) {
  bool Quote = S.empty() || scalarValue(S).Type != Value::Kind::String ||
               S.find(": ") != std::string::npos ||
               S.find(" #") != std::string::npos ||
               S.find('\n') != std::string::npos ||
               std::string_view("-?:,[]{}#&*!|>'\"%@`").find(S[0]) !=
                   std::string_view::npos ||
               S.front() == ' ' || S.back() == ' ' || S.back() == ':';
  if (!Quote)
    return S;
  std::string Out = "\"";
  for (char C : S) {
    if (C == '"' || C == '\\')
      Out += '\\';
    if (C == '\n') {
      Out += "\\n";
      continue;
    }
    Out += C;
  }
  return Out + "\"";
}

bool isMultiline(const Value &V) {
  return V.Type == Value::Kind::String && V.S.find('\n') != std::string::npos;
}

/// A multi-line string as YAML writes it: a literal block (`|-` when it
/// does not end in a newline), its lines indented by \p Indent.
std::string blockScalar(const std::string &S, int Indent) {
  bool Newline = !S.empty() && S.back() == '\n';
  std::string Body = Newline ? S.substr(0, S.size() - 1) : S;
  std::string Out = Newline ? "|\n" : "|-\n", Pad(Indent, ' ');
  size_t Begin = 0;
  while (true) {
    size_t End = Body.find('\n', Begin);
    std::string Line = Body.substr(Begin, End - Begin);
    Out += (Line.empty() ? "" : Pad + Line) + "\n";
    if (End == std::string::npos)
      break;
    Begin = End + 1;
  }
  return Out;
}

/// Sprig's toYaml: block style, no trailing newline.
void writeYaml(const Value &V, int Indent, std::string &Out) {
  std::string Pad(Indent, ' ');
  auto Inline = [](const Value &Item) {
    return (Item.Type != Value::Kind::Map && Item.Type != Value::Kind::List) ||
           (Item.Type == Value::Kind::Map && Item.items().empty()) ||
           (Item.Type == Value::Kind::List && Item.list().empty());
  };
  auto InlineText = [](const Value &Item) -> std::string {
    switch (Item.Type) {
    case Value::Kind::Nil:
      return "null";
    case Value::Kind::String:
      return yamlScalar(Item.S);
    case Value::Kind::Map:
      return "{}";
    case Value::Kind::List:
      return "[]";
    default:
      return printed(Item);
    }
  };
  if (Inline(V)) {
    Out += Pad + InlineText(V) + "\n";
    return;
  }
  if (V.Type == Value::Kind::Map) {
    for (const auto &[Key, Item] : V.items()) {
      if (isMultiline(Item)) {
        Out += Pad + yamlScalar(Key) + ": " + blockScalar(Item.S, Indent + 2);
        continue;
      }
      if (Inline(Item)) {
        Out += Pad + yamlScalar(Key) + ": " + InlineText(Item) + "\n";
        continue;
      }
      Out += Pad + yamlScalar(Key) + ":\n";
      writeYaml(Item, Indent + (Item.Type == Value::Kind::List ? 0 : 2), Out);
    }
    return;
  }
  for (const Value &Item : V.list()) {
    if (isMultiline(Item)) {
      Out += Pad + "- " + blockScalar(Item.S, Indent + 2);
      continue;
    }
    if (Inline(Item)) {
      Out += Pad + "- " + InlineText(Item) + "\n";
      continue;
    }
    // A map or list item: its first line after "- ", the rest under it.
    std::string Nested;
    writeYaml(Item, Indent + 2, Nested);
    Out += Pad + "- " + Nested.substr(Indent + 2);
  }
}

std::string toYaml(const Value &V) {
  if (V.Type == Value::Kind::Nil)
    return "null";
  if (isMultiline(V)) {
    std::string Block = blockScalar(V.S, 2);
    return Block.substr(0, Block.size() - 1);
  }
  std::string Out;
  writeYaml(V, 0, Out);
  if (!Out.empty() && Out.back() == '\n')
    Out.pop_back();
  return Out;
}

std::string toJson(const Value &V) {
  switch (V.Type) {
  case Value::Kind::Nil:
    return "null";
  case Value::Kind::Bool:
  case Value::Kind::Number:
    return printed(V);
  case Value::Kind::String: {
    std::string Out = "\"";
    for (char C : V.S) {
      if (C == '"' || C == '\\')
        Out += '\\';
      Out += C == '\n' ? std::string("\\n") : std::string(1, C);
    }
    return Out + "\"";
  }
  case Value::Kind::List: {
    std::string Out = "[";
    for (size_t I = 0; I < V.list().size(); ++I)
      Out += (I ? "," : "") + toJson(V.list()[I]);
    return Out + "]";
  }
  case Value::Kind::Map: {
    std::string Out = "{";
    for (size_t I = 0; I < V.items().size(); ++I)
      Out += (I ? "," : "") + toJson(Value::string(V.items()[I].first)) + ":" +
             toJson(V.items()[I].second);
    return Out + "}";
  }
  }
  return "null";
}

std::string indented(const std::string &Text, size_t Width) {
  std::string Pad(Width, ' '), Out = Pad;
  for (char C : Text) {
    Out += C;
    if (C == '\n')
      Out += Pad;
  }
  return Out;
}

// Templates.

/// Whether a Kubernetes 1.29 cluster serves \p Api ("policy/v1",
/// "apps/v1/Deployment") without CRDs: what `helm template` assumes without
/// a cluster. OpenShift's and operators' APIs are absent, as there.
bool isBuiltInApi(const std::string &Api) {
  static const char *const Versions[] = {
      "v1",
      "apps/v1",
      "batch/v1",
      "policy/v1",
      "autoscaling/v1",
      "autoscaling/v2",
      "networking.k8s.io/v1",
      "rbac.authorization.k8s.io/v1",
      "storage.k8s.io/v1",
      "apiextensions.k8s.io/v1",
      "admissionregistration.k8s.io/v1",
      "coordination.k8s.io/v1",
      "discovery.k8s.io/v1",
      "scheduling.k8s.io/v1",
      "certificates.k8s.io/v1",
      "node.k8s.io/v1",
      "events.k8s.io/v1",
      "apiregistration.k8s.io/v1",
      "authentication.k8s.io/v1",
      "authorization.k8s.io/v1",
      "flowcontrol.apiserver.k8s.io/v1beta3"};
  for (const char *V : Versions) {
    std::string_view Version(V);
    if (Api == Version ||
        (Api.size() > Version.size() + 1 &&
         Api.compare(0, Version.size(), Version) == 0 &&
         Api[Version.size()] == '/' &&
         Api.find('/', Version.size() + 1) == std::string::npos))
      return true;
  }
  return false;
}

/// Raised inside the renderer; render() turns it into Problem.
struct RenderStop : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Segment {
  bool IsAction = false;
  std::string Text;
  int Line = 0; ///< of its first character
};

/// The template cut into text and actions, `{{-`/`-}}` trimming applied.
std::vector<Segment> segments(std::string_view T) {
  std::vector<Segment> Out;
  int Line = 1;
  size_t Pos = 0;
  bool TrimNext = false;
  auto Count = [&](size_t From, size_t To) {
    Line +=
        static_cast<int>(std::count(T.begin() + From, T.begin() + To, '\n'));
  };
  auto IsSpace = [](char C) {
    return C == ' ' || C == '\t' || C == '\n' || C == '\r';
  };
  while (Pos < T.size()) {
    size_t Open = T.find("{{", Pos);
    size_t TextEnd = Open == std::string_view::npos ? T.size() : Open;
    size_t TextBegin = Pos;
    if (TrimNext)
      while (TextBegin < TextEnd && IsSpace(T[TextBegin]))
        ++TextBegin;
    Count(Pos, TextBegin);
    Segment Text{false, std::string(T.substr(TextBegin, TextEnd - TextBegin)),
                 Line};
    Count(TextBegin, TextEnd);
    if (Open == std::string_view::npos) {
      if (!Text.Text.empty())
        Out.push_back(std::move(Text));
      break;
    }
    size_t Body = Open + 2;
    if (Body + 1 < T.size() && T[Body] == '-' && IsSpace(T[Body + 1])) {
      while (!Text.Text.empty() && IsSpace(Text.Text.back()))
        Text.Text.pop_back();
      ++Body;
    }
    if (!Text.Text.empty())
      Out.push_back(std::move(Text));
    // The action ends at the first "}}" outside a string or comment.
    size_t I = Body;
    char Quote = 0;
    size_t Close = std::string_view::npos;
    for (; I < T.size(); ++I) {
      char C = T[I];
      if (Quote) {
        if (C == '\\' && Quote == '"')
          ++I;
        else if (C == Quote)
          Quote = 0;
        continue;
      }
      if (C == '"' || C == '`' || C == '\'') {
        Quote = C;
      } else if (C == '/' && I + 1 < T.size() && T[I + 1] == '*') {
        size_t End = T.find("*/", I + 2);
        if (End == std::string_view::npos)
          break;
        I = End + 1;
      } else if (C == '}' && I + 1 < T.size() && T[I + 1] == '}') {
        Close = I;
        break;
      }
    }
    if (Close == std::string_view::npos)
      throw RenderStop("line " + std::to_string(Line) +
                       ": unterminated action");
    size_t BodyEnd = Close;
    TrimNext = false;
    if (BodyEnd > Body + 1 && T[BodyEnd - 1] == '-' &&
        IsSpace(T[BodyEnd - 2])) {
      --BodyEnd;
      TrimNext = true;
    }
    std::string Action(T.substr(Body, BodyEnd - Body));
    size_t B = Action.find_first_not_of(" \t\r\n");
    size_t E = Action.find_last_not_of(" \t\r\n");
    Action = B == std::string::npos ? "" : Action.substr(B, E - B + 1);
    // Comments print nothing but still trim.
    if (Action.rfind("/*", 0) != 0)
      Out.push_back({true, Action, Line});
    Count(Open, Close + 2);
    Pos = Close + 2;
  }
  return Out;
}

enum class Tok {
  Ident,
  Field,
  Var,
  Literal,
  LParen,
  RParen,
  Pipe,
  Declare,
  Assign,
  Comma
};

struct Token {
  Tok Type;
  std::string Text;                ///< identifier, variable name ("$x")
  std::vector<std::string> Fields; ///< .a.b after a field start or variable
  Value Literal;
  bool AfterParen = false; ///< a field written right after ")": (x).a
};

std::vector<std::string> fieldChain(std::string_view S, size_t &I) {
  std::vector<std::string> Chain;
  while (I < S.size() && S[I] == '.') {
    size_t B = ++I;
    while (I < S.size() &&
           (std::isalnum(static_cast<unsigned char>(S[I])) || S[I] == '_'))
      ++I;
    if (I > B)
      Chain.emplace_back(S.substr(B, I - B));
  }
  return Chain;
}

std::vector<Token> tokenize(std::string_view S, int Line) {
  std::vector<Token> Out;
  auto Fail = [&](const std::string &What) {
    throw RenderStop("line " + std::to_string(Line) + ": " + What);
  };
  size_t I = 0;
  while (I < S.size()) {
    char C = S[I];
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r') {
      ++I;
    } else if (C == '(' || C == ')' || C == '|' || C == ',') {
      Out.push_back({C == '('   ? Tok::LParen
                     : C == ')' ? Tok::RParen
                     : C == '|' ? Tok::Pipe
                                : Tok::Comma,
                     std::string(1, C),
                     {},
                     {}});
      ++I;
    } else if (C == ':' && I + 1 < S.size() && S[I + 1] == '=') {
      Out.push_back({Tok::Declare, ":=", {}, {}});
      I += 2;
    } else if (C == '=') {
      Out.push_back({Tok::Assign, "=", {}, {}});
      ++I;
    } else if (C == '"' || C == '`') {
      std::string Text;
      size_t J = I + 1;
      for (; J < S.size() && S[J] != C; ++J) {
        if (C == '"' && S[J] == '\\' && J + 1 < S.size()) {
          char E = S[++J];
          Text += E == 'n' ? '\n' : E == 't' ? '\t' : E;
          continue;
        }
        Text += S[J];
      }
      if (J >= S.size())
        Fail("unterminated string");
      Out.push_back({Tok::Literal, "", {}, Value::string(Text)});
      I = J + 1;
    } else if (C == '\'') {
      size_t End = S.find('\'', I + 1);
      if (End == std::string_view::npos)
        Fail("unterminated character constant");
      std::string Text(S.substr(I + 1, End - I - 1));
      Out.push_back(
          {Tok::Literal, "", {}, Value::number(Text.empty() ? 0 : Text[0])});
      I = End + 1;
    } else if (C == '.') {
      Token T{Tok::Field, "", {}, {}};
      T.AfterParen = I > 0 && S[I - 1] == ')';
      T.Fields = fieldChain(S, I);
      Out.push_back(std::move(T));
    } else if (C == '$') {
      size_t B = I++;
      while (I < S.size() &&
             (std::isalnum(static_cast<unsigned char>(S[I])) || S[I] == '_'))
        ++I;
      Token T{Tok::Var, std::string(S.substr(B, I - B)), {}, {}};
      T.Fields = fieldChain(S, I);
      Out.push_back(std::move(T));
    } else if (std::isdigit(static_cast<unsigned char>(C)) ||
               ((C == '-' || C == '+') && I + 1 < S.size() &&
                std::isdigit(static_cast<unsigned char>(S[I + 1])))) {
      size_t B = I++;
      while (I < S.size() &&
             (std::isalnum(static_cast<unsigned char>(S[I])) || S[I] == '.'))
        ++I;
      std::string Text(S.substr(B, I - B));
      double N = Text.rfind("0x", 0) == 0
                     ? std::strtol(Text.c_str(), nullptr, 16)
                     : std::strtod(Text.c_str(), nullptr);
      Out.push_back({Tok::Literal, "", {}, Value::number(N, Text)});
    } else if (std::isalpha(static_cast<unsigned char>(C)) || C == '_') {
      size_t B = I;
      while (I < S.size() &&
             (std::isalnum(static_cast<unsigned char>(S[I])) || S[I] == '_'))
        ++I;
      std::string Word(S.substr(B, I - B));
      if (Word == "true" || Word == "false")
        Out.push_back({Tok::Literal, "", {}, Value::boolean(Word == "true")});
      else if (Word == "nil")
        Out.push_back({Tok::Literal, "", {}, Value()});
      else
        Out.push_back({Tok::Ident, Word, {}, {}});
    } else {
      Fail(std::string("unexpected '") + C + "' in action");
    }
  }
  return Out;
}

struct Pipeline;

/// One argument of a command: a value, a field chain, a variable, a
/// function name or a parenthesised pipeline (with fields after it).
struct Operand {
  enum class Kind { Literal, Field, Var, Func, Sub } Type = Kind::Literal;
  std::string Name;
  std::vector<std::string> Fields;
  Value Literal;
  std::shared_ptr<Pipeline> Sub;
};

struct Command {
  std::vector<Operand> Args;
};

struct Pipeline {
  std::vector<std::string> Vars; ///< declared or assigned, in order
  bool Declares = false;         ///< `:=` (else `=` when Vars is set)
  std::vector<Command> Commands;
};

class PipelineParser {
public:
  PipelineParser(const std::vector<Token> &Tokens, size_t Begin, int Line)
      : Tokens(Tokens), Pos(Begin), Line(Line) {}

  Pipeline parse(bool AllowDeclaration) {
    Pipeline P;
    if (AllowDeclaration)
      declaration(P);
    while (Pos < Tokens.size() && Tokens[Pos].Type != Tok::RParen) {
      P.Commands.push_back(command());
      if (Pos < Tokens.size() && Tokens[Pos].Type == Tok::Pipe)
        ++Pos;
      else
        break;
    }
    if (P.Commands.empty() && P.Vars.empty())
      fail("empty pipeline");
    return P;
  }
  size_t position() const { return Pos; }

private:
  void declaration(Pipeline &P) {
    size_t I = Pos;
    std::vector<std::string> Vars;
    while (I < Tokens.size() && Tokens[I].Type == Tok::Var &&
           Tokens[I].Fields.empty()) {
      Vars.push_back(Tokens[I].Text);
      ++I;
      if (I < Tokens.size() && Tokens[I].Type == Tok::Comma)
        ++I;
      else
        break;
    }
    if (Vars.empty() || I >= Tokens.size() ||
        (Tokens[I].Type != Tok::Declare && Tokens[I].Type != Tok::Assign))
      return;
    P.Vars = std::move(Vars);
    P.Declares = Tokens[I].Type == Tok::Declare;
    Pos = I + 1;
  }

  Command command() {
    Command C;
    while (Pos < Tokens.size() && Tokens[Pos].Type != Tok::Pipe &&
           Tokens[Pos].Type != Tok::RParen)
      C.Args.push_back(operand());
    if (C.Args.empty())
      fail("missing command");
    return C;
  }

  Operand operand() {
    const Token &T = Tokens[Pos++];
    Operand O;
    switch (T.Type) {
    case Tok::Literal:
      O.Literal = T.Literal;
      return O;
    case Tok::Field:
      O.Type = Operand::Kind::Field;
      O.Fields = T.Fields;
      return O;
    case Tok::Var:
      O.Type = Operand::Kind::Var;
      O.Name = T.Text;
      O.Fields = T.Fields;
      return O;
    case Tok::Ident:
      O.Type = Operand::Kind::Func;
      O.Name = T.Text;
      return O;
    case Tok::LParen: {
      O.Type = Operand::Kind::Sub;
      O.Sub = std::make_shared<Pipeline>(parse(false));
      Pos = position();
      if (Pos >= Tokens.size() || Tokens[Pos].Type != Tok::RParen)
        fail("unclosed parenthesis");
      ++Pos;
      // (pipeline).field
      if (Pos < Tokens.size() && Tokens[Pos].Type == Tok::Field &&
          Tokens[Pos].AfterParen && !Tokens[Pos].Fields.empty())
        O.Fields = Tokens[Pos++].Fields;
      return O;
    }
    default:
      fail("unexpected '" + T.Text + "'");
    }
    return O;
  }

  [[noreturn]] void fail(const std::string &What) {
    throw RenderStop("line " + std::to_string(Line) + ": " + What);
  }

  const std::vector<Token> &Tokens;
  size_t Pos;
  int Line;
};

struct Node;
using NodeList = std::vector<Node>;

struct Node {
  enum class Kind { Text, Action, If, With, Range, Template } Type;
  int Line = 0;
  std::string Text; ///< Text; Template: the name
  Pipeline Pipe;    ///< Action, If, With, Range; Template's argument
  bool HasPipe = false;
  NodeList Body, Else;
};

using Definitions = std::map<std::string, std::shared_ptr<NodeList>>;

/// Builds the tree of a template's segments; `define` and `block` bodies
/// go to the definitions.
class TreeParser {
public:
  TreeParser(const std::vector<Segment> &Segs, Definitions &Defs)
      : Segs(Segs), Defs(Defs) {}

  NodeList parseAll() {
    NodeList Nodes = list();
    if (Pos < Segs.size())
      fail(Segs[Pos].Line, "unexpected {{" + Segs[Pos].Text + "}}");
    return Nodes;
  }

private:
  /// Nodes up to an `else` or `end` action (left at Pos) or the end.
  NodeList list() {
    NodeList Nodes;
    while (Pos < Segs.size()) {
      const Segment &S = Segs[Pos];
      if (!S.IsAction) {
        Nodes.push_back({Node::Kind::Text, S.Line, S.Text, {}, false, {}, {}});
        ++Pos;
        continue;
      }
      std::vector<Token> Tokens = tokenize(S.Text, S.Line);
      std::string Word = !Tokens.empty() && Tokens[0].Type == Tok::Ident
                             ? Tokens[0].Text
                             : std::string();
      if (Word == "end" || Word == "else")
        return Nodes;
      ++Pos;
      if (Word == "if" || Word == "with" || Word == "range") {
        Nodes.push_back(branch(Word, Tokens, 1, S.Line));
      } else if (Word == "define" || Word == "block") {
        std::string Name = nameAt(Tokens, S.Line);
        auto Body = std::make_shared<NodeList>(list());
        expectEnd(S.Line);
        Defs[Name] = Body;
        if (Word == "block")
          Nodes.push_back(templateCall(Tokens, S.Line));
      } else if (Word == "template") {
        Nodes.push_back(templateCall(Tokens, S.Line));
      } else if (Word == "break" || Word == "continue") {
        // Loop control is rare in charts; rendering every iteration
        // whole errs towards reporting what the loop could produce.
      } else if (!Tokens.empty()) {
        Node N{Node::Kind::Action, S.Line, "", {}, true, {}, {}};
        PipelineParser P(Tokens, 0, S.Line);
        N.Pipe = P.parse(true);
        Nodes.push_back(std::move(N));
      }
    }
    return Nodes;
  }

  Node branch(const std::string &Word, const std::vector<Token> &Tokens,
              size_t From, int Line) {
    Node N{Word == "if"     ? Node::Kind::If
           : Word == "with" ? Node::Kind::With
                            : Node::Kind::Range,
           Line,
           "",
           {},
           true,
           {},
           {}};
    PipelineParser P(Tokens, From, Line);
    N.Pipe = P.parse(Word == "range" || Word == "with" || Word == "if");
    N.Body = list();
    if (Pos >= Segs.size())
      fail(Line, "{{" + Word + "}} without {{end}}");
    std::vector<Token> Next = tokenize(Segs[Pos].Text, Segs[Pos].Line);
    int NextLine = Segs[Pos].Line;
    ++Pos;
    if (Next[0].Text == "else") {
      if (Next.size() > 1 && Next[1].Type == Tok::Ident &&
          (Next[1].Text == "if" || Next[1].Text == "with")) {
        // `else if` shares the chain's `end`.
        N.Else.push_back(branch(Next[1].Text, Next, 2, NextLine));
        return N;
      }
      N.Else = list();
      expectEnd(Line);
    }
    return N;
  }

  Node templateCall(const std::vector<Token> &Tokens, int Line) {
    Node N{Node::Kind::Template, Line, nameAt(Tokens, Line), {}, false, {}, {}};
    if (Tokens.size() > 2) {
      PipelineParser P(Tokens, 2, Line);
      N.Pipe = P.parse(false);
      N.HasPipe = true;
    }
    return N;
  }

  std::string nameAt(const std::vector<Token> &Tokens, int Line) {
    if (Tokens.size() < 2 || Tokens[1].Type != Tok::Literal ||
        Tokens[1].Literal.Type != Value::Kind::String)
      fail(Line, "template name missing");
    return Tokens[1].Literal.S;
  }

  void expectEnd(int Line) {
    if (Pos >= Segs.size())
      fail(Line, "missing {{end}}");
    std::vector<Token> T = tokenize(Segs[Pos].Text, Segs[Pos].Line);
    if (T.empty() || T[0].Text != "end")
      fail(Segs[Pos].Line, "expected {{end}}");
    ++Pos;
  }

  [[noreturn]] void fail(int Line, const std::string &What) {
    throw RenderStop("line " + std::to_string(Line) + ": " + What);
  }

  const std::vector<Segment> &Segs;
  Definitions &Defs;
  size_t Pos = 0;
};

/// Rendered text with, per output line, the template line it came from.
struct Output {
  std::string Text;
  std::vector<int> Lines;
  bool AtLineStart = true;

  void emit(std::string_view S, int Line, bool TextLines) {
    for (char C : S) {
      if (AtLineStart) {
        Lines.push_back(Line);
        AtLineStart = false;
      }
      Text += C;
      if (C == '\n') {
        AtLineStart = true;
        if (TextLines)
          ++Line;
      }
    }
  }
};

constexpr size_t MaxOutput = 8u << 20;
constexpr int MaxDepth = 64;
constexpr long MaxSteps = 2000000;

} // namespace helm

using namespace helm;

int HelmRendered::templateLine(int OutputLine) const {
  return OutputLine >= 1 && OutputLine <= static_cast<int>(Lines.size())
             ? Lines[OutputLine - 1]
             : 0;
}

struct HelmRenderer::Impl {
  Value Root;
  Definitions Defs;

  /// One rendering: variables in scopes, limits against runaway charts.
  struct Run {
    const Impl &Self;
    const Definitions *FileDefs; ///< the rendered file's own, first
    std::vector<std::vector<std::pair<std::string, Value>>> Scopes;
    int Depth = 0;
    long Steps = 0;
    std::set<std::string> Unknown; ///< functions called but not known

    Value *variable(const std::string &Name) {
      for (auto S = Scopes.rbegin(); S != Scopes.rend(); ++S)
        for (auto &[N, V] : *S)
          if (N == Name)
            return &V;
      return nullptr;
    }
    void declare(const std::string &Name, Value V) {
      Scopes.back().emplace_back(Name, std::move(V));
    }

    static Value fields(const Value &V, const std::vector<std::string> &Chain) {
      const Value *At = &V;
      for (const std::string &F : Chain)
        if (!(At = At->get(F)))
          return Value();
      return *At;
    }

    Value operand(const Operand &O, const Value &Dot) {
      switch (O.Type) {
      case Operand::Kind::Literal:
        return O.Literal;
      case Operand::Kind::Field:
        return fields(Dot, O.Fields);
      case Operand::Kind::Var: {
        Value *V = variable(O.Name);
        return V ? fields(*V, O.Fields) : Value();
      }
      case Operand::Kind::Sub:
        return fields(pipeline(*O.Sub, Dot), O.Fields);
      case Operand::Kind::Func:
        return call(O.Name, {}, Dot);
      }
      return Value();
    }

    Value command(const Command &C, const Value &Dot, const Value *Piped) {
      const Operand &Head = C.Args.front();
      if (Head.Type == Operand::Kind::Func) {
        std::vector<Value> Args;
        for (size_t I = 1; I < C.Args.size(); ++I)
          Args.push_back(operand(C.Args[I], Dot));
        if (Piped)
          Args.push_back(*Piped);
        return bounded(call(Head.Name, Args, Dot));
      }
      // A method call on a built-in object: only APIVersions.Has matters
      // (charts pick API versions, and add CRD objects, with it).
      if (C.Args.size() > 1 || Piped) {
        if (Head.Fields.empty() || Head.Fields.back() != "Has")
          return Value();
        Value Asked = C.Args.size() > 1 ? operand(C.Args[1], Dot) : *Piped;
        return Value::boolean(isBuiltInApi(printed(Asked)));
      }
      return operand(Head, Dot);
    }

    /// \p V, unless it is past the output limit: a template that doubles
    /// a string or list in a loop must stop, not take the memory.
    static Value bounded(Value V) {
      if ((V.Type == Value::Kind::String && V.S.size() > MaxOutput) ||
          (V.Type == Value::Kind::List && V.list().size() > MaxOutput / 8))
        throw RenderStop("a value grows past the output limit");
      return V;
    }

    Value pipeline(const Pipeline &P, const Value &Dot) {
      Value Result;
      bool Has = false;
      for (const Command &C : P.Commands) {
        Result = command(C, Dot, Has ? &Result : nullptr);
        Has = true;
      }
      if (!P.Vars.empty()) {
        if (P.Declares)
          declare(P.Vars.back(), Result);
        else if (Value *V = variable(P.Vars.back()))
          *V = Result;
      }
      return Result;
    }

    Value include(const std::string &Name, const Value &Dot) {
      Output Out;
      nested(definition(Name), Dot, Out, 0);
      return Value::string(Out.Text);
    }

    /// The named template \p Name; Helm fails on one that does not exist,
    /// and so does this (a dependency chart missing from the tree).
    const NodeList &definition(const std::string &Name) const {
      if (FileDefs) {
        auto Own = FileDefs->find(Name);
        if (Own != FileDefs->end())
          return *Own->second;
      }
      auto It = Self.Defs.find(Name);
      if (It == Self.Defs.end())
        throw RenderStop("no template \"" + Name +
                         "\" (is the chart that defines it in the tree?)");
      return *It->second;
    }

    void nested(const NodeList &Nodes, const Value &Dot, Output &Out,
                int Line) {
      if (++Depth > MaxDepth)
        throw RenderStop("templates nested more than " +
                         std::to_string(MaxDepth) + " deep");
      // A named template sees only its argument: `$` is its dot.
      std::vector<std::vector<std::pair<std::string, Value>>> Saved;
      Saved.swap(Scopes);
      Scopes.push_back({{"$", Dot}});
      render(Nodes, Dot, Out, Line);
      Scopes.swap(Saved);
      --Depth;
    }

    /// \p Line: 0 to map output to the nodes' own lines, else this line.
    void render(const NodeList &Nodes, const Value &Dot, Output &Out,
                int Line) {
      for (const Node &N : Nodes) {
        if (++Steps > MaxSteps || Out.Text.size() > MaxOutput)
          throw RenderStop("template renders too much");
        int Here = Line ? Line : N.Line;
        switch (N.Type) {
        case Node::Kind::Text:
          Out.emit(N.Text, Here, Line == 0);
          break;
        case Node::Kind::Action: {
          Value V = pipeline(N.Pipe, Dot);
          if (N.Pipe.Vars.empty())
            Out.emit(printed(V), Here, false);
          break;
        }
        case Node::Kind::If:
        case Node::Kind::With: {
          Scopes.emplace_back();
          Value V = pipeline(N.Pipe, Dot);
          if (truthy(V))
            render(N.Body, N.Type == Node::Kind::With ? V : Dot, Out, Line);
          else
            render(N.Else, Dot, Out, Line);
          Scopes.pop_back();
          break;
        }
        case Node::Kind::Range:
          range(N, Dot, Out, Line);
          break;
        case Node::Kind::Template: {
          Value Arg = N.HasPipe ? pipeline(N.Pipe, Dot) : Value();
          nested(definition(N.Text), Arg, Out, Here);
          break;
        }
        }
      }
    }

    void range(const Node &N, const Value &Dot, Output &Out, int Line) {
      Pipeline Head = N.Pipe;
      std::vector<std::string> Vars = std::move(Head.Vars);
      Head.Vars.clear();
      Value Over = pipeline(Head, Dot);
      std::vector<std::pair<Value, Value>> Items;
      if (Over.Type == Value::Kind::List)
        for (size_t I = 0; I < Over.list().size(); ++I)
          Items.emplace_back(Value::number(static_cast<double>(I)),
                             Over.list()[I]);
      else if (Over.Type == Value::Kind::Map)
        for (const auto &[K, V] : Over.items())
          Items.emplace_back(Value::string(K), V);
      else if (Over.Type == Value::Kind::Number && Over.N > 0)
        for (long I = 0; I < std::min<long>(static_cast<long>(Over.N), 10000);
             ++I)
          Items.emplace_back(Value::number(static_cast<double>(I)),
                             Value::number(static_cast<double>(I)));
      if (Items.empty()) {
        render(N.Else, Dot, Out, Line);
        return;
      }
      for (const auto &[Key, Item] : Items) {
        Scopes.emplace_back();
        if (Vars.size() == 1)
          declare(Vars[0], Item);
        else if (Vars.size() == 2) {
          declare(Vars[0], Key);
          declare(Vars[1], Item);
        }
        render(N.Body, Item, Out, Line);
        Scopes.pop_back();
      }
    }

    Value call(const std::string &F, std::vector<Value> Args, const Value &Dot);
  };
};

namespace helm {

std::string str(const std::vector<Value> &A, size_t I) {
  return I < A.size() ? printed(A[I]) : std::string();
}

double num(const std::vector<Value> &A, size_t I) {
  if (I >= A.size())
    return 0;
  const Value &V = A[I];
  if (V.Type == Value::Kind::Number)
    return V.N;
  if (V.Type == Value::Kind::Bool)
    return V.B;
  if (V.Type == Value::Kind::String)
    return parseNumber(V.S).value_or(0);
  return 0;
}

bool equal(const Value &A, const Value &B) {
  if (A.Type == Value::Kind::Number && B.Type == Value::Kind::Number)
    return A.N == B.N;
  return A.Type == B.Type && printed(A) == printed(B);
}

std::string replaceAll(std::string S, const std::string &From,
                       const std::string &To) {
  if (From.empty())
    return S;
  for (size_t P = S.find(From); P != std::string::npos;
       P = S.find(From, P + To.size())) {
    S.replace(P, From.size(), To);
    if (S.size() > MaxOutput)
      throw RenderStop("a replacement grows the text past the output limit");
  }
  return S;
}

/// Sprig's regex functions, with ECMAScript standing in for RE2 (the same
/// for the patterns charts use); a pattern it rejects matches nothing.
Value regexCall(const std::string &F, const std::vector<Value> &A) {
  std::string Pattern = str(A, 0), Text = str(A, 1);
  if (F == "regexQuoteMeta") {
    std::string Out;
    for (char C : Pattern) {
      if (std::string_view("\\.+*?()|[]{}^$").find(C) != std::string_view::npos)
        Out += '\\';
      Out += C;
    }
    return Value::string(Out);
  }
  // std::regex recurses per character: a crafted value must not be able to
  // overflow the stack, so long texts and patterns match nothing.
  if (Text.size() > 4096 || Pattern.size() > 512)
    return F == "regexMatch" ? Value::boolean(false) : Value::string(Text);
  try {
    // Charts call the same few patterns for every value: compile each once.
    thread_local std::map<std::string, std::regex> Compiled;
    auto It = Compiled.find(Pattern);
    if (It == Compiled.end()) {
      if (Compiled.size() > 512)
        Compiled.clear();
      It = Compiled.emplace(Pattern, std::regex(Pattern)).first;
    }
    const std::regex &Re = It->second;
    if (F == "regexMatch")
      return Value::boolean(std::regex_search(Text, Re));
    if (F == "regexFind") {
      std::smatch M;
      return Value::string(std::regex_search(Text, M, Re) ? M.str(0) : "");
    }
    if (F == "regexFindAll" || F == "regexSplit") {
      Value Out = Value::emptyList();
      if (F == "regexSplit") {
        std::sregex_token_iterator It(Text.begin(), Text.end(), Re, -1), End;
        for (; It != End; ++It)
          Out.listMut().push_back(Value::string(*It));
        return Out;
      }
      for (std::sregex_iterator It(Text.begin(), Text.end(), Re), End;
           It != End; ++It)
        Out.listMut().push_back(Value::string(It->str(0)));
      return Out;
    }
    if (F == "regexReplaceAll" || F == "regexReplaceAllLiteral") {
      std::string With = str(A, 2);
      if (F == "regexReplaceAllLiteral")
        With = replaceAll(With, "$", "$$");
      else { // Go's ${1} is ECMAScript's $1
        static const std::regex GoGroup("\\$\\{([0-9]+)\\}");
        With = std::regex_replace(With, GoGroup, "$$$1");
      }
      return Value::string(std::regex_replace(Text, Re, With));
    }
  } catch (const std::regex_error &) {
  }
  return F == "regexMatch" ? Value::boolean(false) : Value::string(Text);
}

/// Go's Sprintf for the verbs charts use (%s %d %v %q, widths ignored).
std::string sprintf(const std::string &Format, const std::vector<Value> &Args,
                    size_t First) {
  std::string Out;
  size_t Next = First;
  for (size_t I = 0; I < Format.size(); ++I) {
    if (Format[I] != '%' || I + 1 >= Format.size()) {
      Out += Format[I];
      continue;
    }
    size_t J = I + 1;
    while (J < Format.size() &&
           std::string_view("+-# 0123456789.").find(Format[J]) !=
               std::string_view::npos)
      ++J;
    if (J >= Format.size())
      break;
    char Verb = Format[J];
    I = J;
    if (Verb == '%') {
      Out += '%';
      continue;
    }
    std::string Arg = Next < Args.size() ? printed(Args[Next]) : "%!v(MISSING)";
    ++Next;
    Out += Verb == 'q' ? "\"" + Arg + "\"" : Arg;
  }
  return Out;
}

} // namespace helm

Value HelmRenderer::Impl::Run::call(const std::string &F, std::vector<Value> A,
                                    const Value &Dot) {
  auto Arg = [&](size_t I) { return I < A.size() ? A[I] : Value(); };
  auto Last = [&] { return A.empty() ? Value() : A.back(); };
  // Output shaping.
  if (F == "toYaml" || F == "toYamlPretty")
    return Value::string(toYaml(Last()));
  if (F == "toJson" || F == "toPrettyJson" || F == "toRawJson" ||
      F == "mustToJson")
    return Value::string(toJson(Last()));
  if (F == "fromYaml" || F == "fromJson") {
    std::vector<YamlNode> Docs = readYamlSubset(str(A, 0));
    return Docs.empty() ? Value::emptyMap() : fromYaml(Docs.front());
  }
  if (F == "indent" || F == "nindent") {
    // A chart is anyone's input: an indentation no manifest has, or one
    // that would multiply the text past the output limit, stops rendering.
    double Width = std::max(0.0, num(A, 0));
    std::string Body = str(A, 1);
    if (Width > 1024 ||
        (Body.size() + 1) * (static_cast<size_t>(Width) + 1) > MaxOutput)
      throw RenderStop("indentation of " + numberText(Value::number(Width)) +
                       " is too large");
    std::string Text = indented(Body, static_cast<size_t>(Width));
    return Value::string(F == "nindent" ? "\n" + Text : Text);
  }
  if (F == "quote" || F == "squote") {
    std::string Q = F == "quote" ? "\"" : "'", Out;
    for (size_t I = 0; I < A.size(); ++I)
      Out += (I ? " " : "") + Q +
             (F == "quote" ? replaceAll(str(A, I), "\"", "\\\"") : str(A, I)) +
             Q;
    return Value::string(Out);
  }
  // Named templates and values.
  if (F == "include")
    return include(str(A, 0), Arg(1));
  if (F == "tpl") {
    Definitions Scratch;
    NodeList Nodes = TreeParser(segments(str(A, 0)), Scratch).parseAll();
    Output Out;
    nested(Nodes, Arg(1), Out, 0);
    return Value::string(Out.Text);
  }
  if (F == "default")
    return A.size() >= 2 && truthy(A[1]) ? A[1] : Arg(0);
  if (F == "required")
    return Arg(1);
  if (F == "coalesce") {
    for (const Value &V : A)
      if (truthy(V))
        return V;
    return Value();
  }
  if (F == "ternary")
    return truthy(Arg(2)) ? Arg(0) : Arg(1);
  if (F == "empty")
    return Value::boolean(!truthy(Arg(0)));
  if (F == "not")
    return Value::boolean(!truthy(Arg(0)));
  if (F == "and") {
    for (const Value &V : A)
      if (!truthy(V))
        return V;
    return Last();
  }
  if (F == "or") {
    for (const Value &V : A)
      if (truthy(V))
        return V;
    return Last();
  }
  if (F == "eq") {
    for (size_t I = 1; I < A.size(); ++I)
      if (equal(A[0], A[I]))
        return Value::boolean(true);
    return Value::boolean(false);
  }
  if (F == "ne")
    return Value::boolean(!equal(Arg(0), Arg(1)));
  if (F == "lt" || F == "le" || F == "gt" || F == "ge") {
    double L = num(A, 0), R = num(A, 1);
    return Value::boolean(F == "lt"   ? L < R
                          : F == "le" ? L <= R
                          : F == "gt" ? L > R
                                      : L >= R);
  }
  // Strings.
  if (F == "print" || F == "toString") {
    std::string Out;
    for (size_t I = 0; I < A.size(); ++I)
      Out += str(A, I);
    return Value::string(Out);
  }
  if (F == "println")
    return Value::string(str(A, 0) + "\n");
  if (F == "printf")
    return Value::string(sprintf(str(A, 0), A, 1));
  if (F == "trunc") {
    std::string S = str(A, 1);
    long N = static_cast<long>(num(A, 0));
    if (N >= 0 && static_cast<size_t>(N) < S.size())
      S.resize(static_cast<size_t>(N));
    return Value::string(S);
  }
  if (F == "trimSuffix" || F == "trimPrefix") {
    std::string Fix = str(A, 0), S = str(A, 1);
    if (F == "trimSuffix" && S.size() >= Fix.size() &&
        S.compare(S.size() - Fix.size(), Fix.size(), Fix) == 0)
      S.resize(S.size() - Fix.size());
    if (F == "trimPrefix" && S.rfind(Fix, 0) == 0)
      S.erase(0, Fix.size());
    return Value::string(S);
  }
  if (F == "trim" || F == "trimAll") {
    std::string S = str(A, A.size() - (A.empty() ? 0 : 1));
    std::string Cut = F == "trim" ? " \t\r\n" : str(A, 0);
    size_t B = S.find_first_not_of(Cut), E = S.find_last_not_of(Cut);
    return Value::string(B == std::string::npos ? "" : S.substr(B, E - B + 1));
  }
  if (F == "replace")
    return Value::string(replaceAll(str(A, 2), str(A, 0), str(A, 1)));
  if (F == "lower" || F == "upper" || F == "title") {
    std::string S = str(A, 0);
    for (size_t I = 0; I < S.size(); ++I)
      if (F == "lower")
        S[I] =
            static_cast<char>(std::tolower(static_cast<unsigned char>(S[I])));
      else if (F == "upper" || I == 0 || S[I - 1] == ' ')
        S[I] =
            static_cast<char>(std::toupper(static_cast<unsigned char>(S[I])));
    return Value::string(S);
  }
  if (F == "contains")
    return Value::boolean(str(A, 1).find(str(A, 0)) != std::string::npos);
  if (F == "hasPrefix")
    return Value::boolean(str(A, 1).rfind(str(A, 0), 0) == 0);
  if (F == "hasSuffix") {
    std::string S = str(A, 1), X = str(A, 0);
    return Value::boolean(S.size() >= X.size() &&
                          S.compare(S.size() - X.size(), X.size(), X) == 0);
  }
  if (F == "join") {
    std::string Out;
    const Value L = Arg(1);
    for (size_t I = 0; I < L.list().size(); ++I)
      Out += (I ? str(A, 0) : "") + printed(L.list()[I]);
    return Value::string(Out);
  }
  if (F == "splitList" || F == "split") {
    Value L = Value::emptyList();
    std::string S = str(A, 1), Sep = str(A, 0);
    for (size_t B = 0; !Sep.empty();) {
      size_t E = S.find(Sep, B);
      L.listMut().push_back(Value::string(S.substr(B, E - B)));
      if (E == std::string::npos)
        break;
      B = E + Sep.size();
    }
    return L;
  }
  if (F == "b64enc" || F == "b64dec" || F == "sha256sum" || F == "sha1sum" ||
      F == "randAlphaNum" || F == "randAlpha" || F == "randNumeric" ||
      F == "uuidv4" || F == "now" || F == "date" || F == "dateInZone" ||
      F == "htpasswd" || F == "genPrivateKey" || F == "derivePassword" ||
      F == "encryptAES" || F == "decryptAES" || F == "bcrypt")
    return Value::string("exitbar-stand-in");
  // Numbers.
  if (F == "int" || F == "int64" || F == "float64" || F == "atoi")
    return Value::number(std::trunc(num(A, 0)));
  if (F == "add" || F == "sub" || F == "mul" || F == "div" || F == "max" ||
      F == "min") {
    double R = num(A, 0);
    for (size_t I = 1; I < A.size(); ++I) {
      double X = num(A, I);
      R = F == "add"   ? R + X
          : F == "sub" ? R - X
          : F == "mul" ? R * X
          : F == "div" ? (X == 0 ? 0 : std::trunc(R / X))
          : F == "max" ? std::max(R, X)
                       : std::min(R, X);
    }
    return Value::number(R);
  }
  if (F == "mod")
    return Value::number(num(A, 1) == 0 ? 0
                                        : std::fmod(std::trunc(num(A, 0)),
                                                    std::trunc(num(A, 1))));
  if (F == "addf" || F == "subf" || F == "mulf" || F == "divf" || F == "maxf" ||
      F == "minf") {
    double R = num(A, 0);
    for (size_t I = 1; I < A.size(); ++I) {
      double X = num(A, I);
      R = F == "addf"   ? R + X
          : F == "subf" ? R - X
          : F == "mulf" ? R * X
          : F == "divf" ? (X == 0 ? 0 : R / X)
          : F == "maxf" ? std::max(R, X)
                        : std::min(R, X);
    }
    return Value::number(R);
  }
  if (F == "floor" || F == "ceil" || F == "round")
    return Value::number(F == "floor"  ? std::floor(num(A, 0))
                         : F == "ceil" ? std::ceil(num(A, 0))
                                       : std::round(num(A, 0)));
  if (F == "add1")
    return Value::number(num(A, 0) + 1);
  // Collections.
  if (F == "list" || F == "tuple") {
    Value L = Value::emptyList();
    L.listMut() = std::move(A);
    return L;
  }
  if (F == "dict") {
    Value M = Value::emptyMap();
    for (size_t I = 0; I + 1 < A.size(); I += 2)
      M.set(printed(A[I]), A[I + 1]);
    return M;
  }
  if (F == "get")
    return Arg(0).get(str(A, 1)) ? *Arg(0).get(str(A, 1)) : Value();
  if (F == "hasKey")
    return Value::boolean(Arg(0).get(str(A, 1)) != nullptr);
  if (F == "set" || F == "unset")
    return Arg(0);
  if (F == "keys") {
    Value L = Value::emptyList();
    for (const Value &M : A)
      for (const auto &Item : M.items())
        L.listMut().push_back(Value::string(Item.first));
    return L;
  }
  if (F == "merge" || F == "mergeOverwrite" || F == "mustMerge" ||
      F == "mustMergeOverwrite") {
    // The first map wins in merge, the last in mergeOverwrite.
    Value Out = Value::emptyMap();
    bool Overwrite = F.find("Overwrite") != std::string::npos;
    for (size_t I = 0; I < A.size(); ++I)
      for (const auto &[K, V] : A[I].items())
        if (Overwrite || !Out.get(K))
          Out.set(K, V);
    return Out;
  }
  if (F == "omit" || F == "pick") {
    Value Out = Value::emptyMap();
    const Value From = Arg(0);
    for (const auto &[K, V] : From.items()) {
      bool Named = false;
      for (size_t I = 1; I < A.size(); ++I)
        Named = Named || printed(A[I]) == K;
      if (Named == (F == "pick"))
        Out.set(K, V);
    }
    return Out;
  }
  if (F == "first")
    return Arg(0).list().empty() ? Value() : Arg(0).list().front();
  if (F == "last")
    return Arg(0).list().empty() ? Value() : Arg(0).list().back();
  if (F == "concat" || F == "append" || F == "mustAppend") {
    Value L = Value::emptyList();
    for (const Value &V : A)
      if (V.Type == Value::Kind::List)
        L.listMut().insert(L.listMut().end(), V.list().begin(), V.list().end());
      else
        L.listMut().push_back(V);
    return L;
  }
  if (F == "len") {
    const Value V = Arg(0);
    return Value::number(
        static_cast<double>(V.Type == Value::Kind::String ? V.S.size()
                            : V.Type == Value::Kind::List ? V.list().size()
                                                          : V.items().size()));
  }
  if (F == "kindIs" || F == "typeIs") {
    static const char *Names[] = {"invalid", "bool",  "float64",
                                  "string",  "slice", "map"};
    return Value::boolean(str(A, 0) == Names[static_cast<int>(Arg(1).Type)]);
  }
  if (F == "kindOf" || F == "typeOf") {
    static const char *Names[] = {"invalid", "bool",  "float64",
                                  "string",  "slice", "map"};
    return Value::string(Names[static_cast<int>(Arg(0).Type)]);
  }
  if (F == "index") {
    Value At = Arg(0);
    for (size_t I = 1; I < A.size(); ++I) {
      if (At.Type == Value::Kind::List) {
        auto N = static_cast<size_t>(std::max(0.0, num(A, I)));
        At = N < At.list().size() ? At.list()[N] : Value();
      } else {
        const Value *Next = At.get(str(A, I));
        At = Next ? *Next : Value();
      }
    }
    return At;
  }
  if (F == "dig") {
    // dig "a" "b" default map
    if (A.size() < 2)
      return Value();
    const Value *At = &A.back();
    for (size_t I = 0; At && I + 2 < A.size(); ++I)
      At = At->get(str(A, I));
    return At ? *At : A[A.size() - 2];
  }
  if (F == "has" || F == "mustHas") {
    for (const Value &V : Arg(1).list())
      if (equal(V, Arg(0)))
        return Value::boolean(true);
    return Value::boolean(false);
  }
  if (F == "uniq" || F == "mustUniq" || F == "compact" || F == "without" ||
      F == "sortAlpha" || F == "toStrings") {
    Value Out = Value::emptyList();
    const Value From = Arg(0);
    for (const Value &V : From.list()) {
      bool Drop = (F == "compact" && !truthy(V));
      if (F == "uniq" || F == "mustUniq")
        for (const Value &Seen : Out.list())
          Drop = Drop || equal(Seen, V);
      for (size_t I = 1; F == "without" && I < A.size(); ++I)
        Drop = Drop || equal(V, A[I]);
      if (!Drop)
        Out.listMut().push_back(F == "toStrings" ? Value::string(printed(V))
                                                 : V);
    }
    if (F == "sortAlpha")
      std::sort(Out.listMut().begin(), Out.listMut().end(),
                [](const Value &X, const Value &Y) {
                  return printed(X) < printed(Y);
                });
    return Out;
  }
  if (F == "prepend" || F == "mustPrepend") {
    Value Out = Value::emptyList();
    Out.listMut().push_back(Arg(1));
    for (const Value &V : Arg(0).list())
      Out.listMut().push_back(V);
    return Out;
  }
  if (F == "fromYamlArray" || F == "fromJsonArray") {
    std::vector<YamlNode> Docs = readYamlSubset(str(A, 0));
    Value V = Docs.empty() ? Value::emptyList() : fromYaml(Docs.front());
    return V.Type == Value::Kind::List ? V : Value::emptyList();
  }
  if (F == "cat") {
    std::string Out;
    for (const Value &V : A)
      if (V.Type != Value::Kind::Nil)
        Out += (Out.empty() ? "" : " ") + printed(V);
    return Value::string(Out);
  }
  if (F == "fail")
    throw RenderStop("the chart calls fail: " + str(A, 0));
  if (F.rfind("regex", 0) == 0 || F.rfind("mustRegex", 0) == 0) {
    std::string Name = F.rfind("must", 0) == 0 ? F.substr(4) : F;
    Name[0] = 'r';
    return regexCall(Name, A);
  }
  if (F == "reverse" || F == "mustReverse") {
    Value Out = Arg(0);
    std::reverse(Out.listMut().begin(), Out.listMut().end());
    return Out;
  }
  if (F == "until" || F == "untilStep" || F == "seq") {
    double From = F == "untilStep" ? num(A, 0) : 0;
    double To = F == "untilStep" ? num(A, 1) : num(A, 0);
    double Step = F == "untilStep" ? num(A, 2) : 1;
    Value Out = Value::emptyList();
    for (double I = From; Step > 0 && I < To && Out.list().size() < 10000;
         I += Step)
      Out.listMut().push_back(Value::number(I));
    return Out;
  }
  if (F == "deepCopy" || F == "mustDeepCopy")
    return Arg(0);
  if (F == "genCA" || F == "genSelfSignedCert" || F == "genSignedCert" ||
      F == "genSelfSignedCertWithKey" || F == "genSignedCertWithKey") {
    Value Cert = Value::emptyMap();
    Cert.set("Cert", Value::string("exitbar-stand-in"));
    Cert.set("Key", Value::string("exitbar-stand-in"));
    return Cert;
  }
  if (F == "urlquery" || F == "html" || F == "js")
    return Value::string(str(A, 0));
  if (F == "semverCompare" || F == "semver")
    return Value::boolean(true);
  if (F == "lookup")
    return Value::emptyMap();
  (void)Dot;
  Unknown.insert(F);
  return Value(); // unknown: no value, as an unset value would be
}

HelmRenderer::HelmRenderer(const HelmChartInputs &Inputs) : P(new Impl) {
  Value Chart = Value::emptyMap();
  if (Inputs.ChartYaml.Type == YamlNode::Kind::Map)
    for (const auto &[Key, Item] : Inputs.ChartYaml.Items) {
      // .Chart exposes Chart.yaml's fields with Go's capitalised names.
      std::string Name = Key;
      if (!Name.empty())
        Name[0] = static_cast<char>(
            std::toupper(static_cast<unsigned char>(Name[0])));
      Value V = fromYaml(Item);
      if (Key == "version" || Key == "appVersion")
        V = Value::string(Item.Value); // "1.0" stays text
      Chart.set(Name, V);
    }
  Value Release = Value::emptyMap();
  Release.set("Name", Value::string(Inputs.ReleaseName));
  Release.set("Namespace", Value::string(Inputs.Namespace));
  Release.set("Service", Value::string("Helm"));
  Release.set("IsInstall", Value::boolean(true));
  Release.set("IsUpgrade", Value::boolean(false));
  Release.set("Revision", Value::number(1));
  Value Kube = Value::emptyMap();
  Kube.set("Version", Value::string("v1.29.0"));
  Kube.set("GitVersion", Value::string("v1.29.0"));
  Kube.set("Major", Value::string("1"));
  Kube.set("Minor", Value::string("29"));
  Value Capabilities = Value::emptyMap();
  Capabilities.set("KubeVersion", Kube);
  Value Values = fromYaml(Inputs.Values);
  if (Values.Type != Value::Kind::Map)
    Values = Value::emptyMap();
  P->Root = Value::emptyMap();
  P->Root.set("Values", Values);
  P->Root.set("Chart", Chart);
  P->Root.set("Release", Release);
  P->Root.set("Capabilities", Capabilities);
  P->Root.set("Files", Value::emptyMap());
  Value Template = Value::emptyMap();
  Template.set("BasePath",
               Value::string(Inputs.ChartYaml.text("name") + "/templates"));
  P->Root.set("Template", Template);
}

HelmRenderer::~HelmRenderer() = default;

/// A chart file parsed once: its body and the templates it defines.
struct HelmFile {
  NodeList Body;
  Definitions Defs;
  std::string Problem; ///< why it could not be parsed
};

std::shared_ptr<const HelmFile> parseHelmFile(std::string_view Text,
                                              const std::string &Name) {
  auto File = std::make_shared<HelmFile>();
  try {
    File->Body = TreeParser(segments(Text), File->Defs).parseAll();
    if (!Name.empty())
      File->Defs[Name] = std::make_shared<NodeList>(File->Body);
  } catch (const RenderStop &Stop) {
    File->Problem = Stop.what();
    File->Body.clear();
    File->Defs.clear();
  }
  return File;
}

void HelmRenderer::addDefinitions(const std::shared_ptr<const HelmFile> &File) {
  // A broken file defines nothing; the templates that use it say so.
  for (const auto &[Name, Body] : File->Defs)
    P->Defs[Name] = Body;
}

void HelmRenderer::addDefinitions(std::string_view Text,
                                  const std::string &Name) {
  addDefinitions(parseHelmFile(Text, Name));
}

HelmRendered HelmRenderer::render(const HelmFile &File) const {
  HelmRendered R;
  if (!File.Problem.empty()) {
    R.Problem = File.Problem;
    return R;
  }
  Output Out;
  Impl::Run Run{*P, &File.Defs, {}, 0, 0, {}};
  Run.Scopes.push_back({{"$", P->Root}});
  try {
    Run.render(File.Body, P->Root, Out, 0);
  } catch (const RenderStop &Stop) {
    R.Problem = Stop.what();
  }
  R.UnknownFunctions.assign(Run.Unknown.begin(), Run.Unknown.end());
  R.Text = std::move(Out.Text);
  R.Lines = std::move(Out.Lines);
  return R;
}

HelmRendered HelmRenderer::render(std::string_view Template) const {
  return render(*parseHelmFile(Template));
}

} // namespace exitbar::formats

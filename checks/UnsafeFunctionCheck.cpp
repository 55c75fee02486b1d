// UnsafeFunctionCheck.cpp - flags calls to C functions that cannot be used
// safely
// SPDX-License-Identifier: Apache-2.0

#include "UnsafeFunctionCheck.h"
#include "utils/Compat.h"
#include "utils/DeclNames.h"
#include "utils/OptionUtils.h"
#include "utils/ProjectScope.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include <algorithm>
#include <optional>
#include <string>

using namespace clang::ast_matchers;

namespace clang::tidy::exitbar {
namespace {

constexpr llvm::StringLiteral DefaultFunctions =
    "gets=fgets;strcpy=snprintf;strcat=snprintf;sprintf=snprintf;"
    "vsprintf=vsnprintf;wcscpy=swprintf;wcscat=swprintf;tmpnam=mkstemp;"
    "tempnam=mkstemp;mktemp=mkstemp";

/// Why a well-known function is unsafe; the diagnostic's middle clause.
StringRef reasonFor(StringRef Name) {
  return llvm::StringSwitch<StringRef>(Name)
      .Case("gets", "cannot limit its input to the size of the buffer")
      .Cases("strcpy", "strcat", "sprintf", "vsprintf", "wcscpy", "wcscat",
             "does not check the size of the destination buffer")
      .Cases("tmpnam", "tempnam", "mktemp",
             "returns a file name another process can create first")
      .Default("is unsafe");
}

/// The variable a call's result or an argument names: `name = tmpnam(0)`,
/// `char *name = mktemp(tmpl)`, `mktemp(tmpl)`.
const VarDecl *referencedVariable(const Expr *E) {
  if (!E)
    return nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()))
    return dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

/// True when the temporary name \p Call makes is then created exclusively
/// in the same function: `open(name, O_CREAT | O_EXCL, ...)` or
/// `fopen(name, "wx")`. Whoever creates the file first makes that open fail,
/// so the name's predictability is no race.
bool openedExclusively(const CallExpr &Call, StringRef Name, ASTContext &Ctx) {
  llvm::SmallPtrSet<const VarDecl *, 4> Names;
  if ((Name == "mktemp" || Name == "tmpnam") && Call.getNumArgs() > 0)
    if (const VarDecl *V = referencedVariable(Call.getArg(0)))
      Names.insert(V);
  const Stmt *Child = &Call;
  const FunctionDecl *Fn = nullptr;
  for (DynTypedNodeList Parents = Ctx.getParents(*Child); !Parents.empty();
       Parents = Ctx.getParents(*Child)) {
    if ((Fn = Parents[0].get<FunctionDecl>()))
      break;
    if (const auto *Var = Parents[0].get<VarDecl>()) {
      Names.insert(Var);
      Child = nullptr;
      for (DynTypedNodeList Up = Ctx.getParents(*Var); !Up.empty();
           Up = Ctx.getParents(Up[0])) {
        if ((Fn = Up[0].get<FunctionDecl>()))
          break;
      }
      break;
    }
    const auto *Parent = Parents[0].get<Stmt>();
    if (!Parent)
      break;
    if (const auto *Assign = dyn_cast<BinaryOperator>(Parent))
      if (Assign->isAssignmentOp())
        if (const VarDecl *V = referencedVariable(Assign->getLHS()))
          Names.insert(V);
    Child = Parent;
  }
  if (!Fn || !Fn->hasBody() || Names.empty())
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  auto Spelled = [&](const Expr *E) -> StringRef {
    // An implicit argument has no text (and no range to expand).
    if (E->getSourceRange().isInvalid())
      return {};
    CharSourceRange Range = SM.getExpansionRange(E->getSourceRange());
    return Lexer::getSourceText(Range, SM, Ctx.getLangOpts());
  };
  for (const auto &Found : match(
           findAll(callExpr(callee(functionDecl(
                                       hasAnyName(
                                           "::open", "::open64", "::_open",
                                           "::_wopen", "::openat", "::openat64",
                                           "::fopen", "::fopen64", "::_wfopen"))
                                       .bind("fn")))
                       .bind("open")),
           *Fn->getBody(), Ctx)) {
    const auto *Open = Found.getNodeAs<CallExpr>("open");
    StringRef OpenName =
        utils::identifierOf(Found.getNodeAs<FunctionDecl>("fn"));
    unsigned PathIndex = compat::startsWith(OpenName, "openat") ? 1 : 0;
    if (Open->getNumArgs() <= PathIndex + 1)
      continue;
    const VarDecl *Path = referencedVariable(Open->getArg(PathIndex));
    if (!Path || !Names.count(Path))
      continue;
    const Expr *Mode = Open->getArg(PathIndex + 1);
    if (OpenName.contains("fopen")) {
      if (const auto *Literal =
              dyn_cast<StringLiteral>(Mode->IgnoreParenImpCasts()))
        if (Literal->getCharByteWidth() == 1 &&
            Literal->getString().contains('x'))
          return true;
      continue;
    }
    if (Spelled(Mode).contains("EXCL"))
      return true;
  }
  return false;
}

/// Index of the format argument of each scanf-family function.
std::optional<unsigned> scanfFormatIndex(StringRef Name) {
  return llvm::StringSwitch<std::optional<unsigned>>(Name)
      .Cases("scanf", "vscanf", "wscanf", "vwscanf", 0U)
      .Cases("fscanf", "sscanf", "vfscanf", "vsscanf", 1U)
      .Cases("fwscanf", "swscanf", "vfwscanf", "vswscanf", 1U)
      .Cases("__isoc99_scanf", "__isoc99_vscanf", 0U)
      .Cases("__isoc99_fscanf", "__isoc99_sscanf", 1U)
      .Default(std::nullopt);
}

/// One `%...s` or `%...[` conversion of a scanf format with no field width.
struct UnboundedConversion {
  std::string Spec;        ///< the conversion as written, e.g. "%s"
  unsigned ArgumentNumber; ///< 0-based among the assigning conversions
  bool Positional;         ///< uses `%n$`, so ArgumentNumber is unreliable
};

/// Parses a scanf format string (C11 7.21.6.2) and returns its string
/// conversions that have neither a field width nor POSIX's `m` modifier.
std::vector<UnboundedConversion> findUnboundedConversions(StringRef Format) {
  std::vector<UnboundedConversion> Found;
  unsigned Assigning = 0;
  for (size_t I = 0; I < Format.size(); ++I) {
    if (Format[I] != '%')
      continue;
    size_t Start = I++;
    if (I < Format.size() && Format[I] == '%')
      continue;
    bool Positional = false;
    size_t Digits = I;
    while (Digits < Format.size() && llvm::isDigit(Format[Digits]))
      ++Digits;
    if (Digits < Format.size() && Format[Digits] == '$' && Digits > I) {
      Positional = true;
      I = Digits + 1;
    }
    bool Suppressed = I < Format.size() && Format[I] == '*';
    if (Suppressed)
      ++I;
    bool HasWidth = false;
    while (I < Format.size() && llvm::isDigit(Format[I])) {
      HasWidth = true;
      ++I;
    }
    bool Allocates = false;
    while (I < Format.size() && StringRef("hljztLqm").contains(Format[I])) {
      Allocates |= Format[I] == 'm';
      ++I;
    }
    if (I >= Format.size())
      break;
    char Conversion = Format[I];
    if (Conversion == '[') {
      // A scanset may start with ']' (or '^]') as an ordinary member.
      ++I;
      if (I < Format.size() && Format[I] == '^')
        ++I;
      if (I < Format.size() && Format[I] == ']')
        ++I;
      while (I < Format.size() && Format[I] != ']')
        ++I;
    }
    if (Suppressed)
      continue;
    if ((Conversion == 's' || Conversion == '[') && !HasWidth && !Allocates)
      Found.push_back(
          {Format.slice(Start, std::min(I + 1, Format.size())).str(), Assigning,
           Positional});
    ++Assigning; // every unsuppressed conversion, %n too, takes an argument
  }
  return Found;
}

/// Size of the char array an expression names, or 0 when unknown.
uint64_t charArraySize(const Expr *E, const ASTContext &Ctx) {
  const Expr *Stripped = E->IgnoreParenImpCasts();
  if (const auto *Array = Ctx.getAsConstantArrayType(Stripped->getType()))
    if (Array->getElementType()->isAnyCharacterType())
      return Array->getSize().getZExtValue();
  return 0;
}

/// The function whose body contains \p E, or null at namespace scope.
const FunctionDecl *enclosingFunction(const Expr &E, ASTContext &Ctx) {
  auto Matches = match(expr(forFunction(functionDecl().bind("f"))), E, Ctx);
  return Matches.empty() ? nullptr
                         : Matches.front().getNodeAs<FunctionDecl>("f");
}

/// An upper bound, or nothing when it cannot be proven.
using Bound = std::optional<uint64_t>;

/// The string copies whose fit the check tries to prove.
enum class CopyKind { Copy, Append, Format, None };

CopyKind copyKind(StringRef Name) {
  return llvm::StringSwitch<CopyKind>(Name)
      .Cases("strcpy", "wcscpy", CopyKind::Copy)
      .Cases("strcat", "wcscat", CopyKind::Append)
      .Case("sprintf", CopyKind::Format)
      .Default(CopyKind::None);
}

const Expr *strip(const Expr *E) { return E ? E->IgnoreParenCasts() : nullptr; }

/// The local, non-parameter variable \p E names, if any.
const VarDecl *localVariable(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(E));
  if (!Ref)
    return nullptr;
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  if (!Var || isa<ParmVarDecl>(Var) || !Var->hasLocalStorage())
    return nullptr;
  return Var;
}

/// Proves, inside one function, how long the strings a copy reads can be and
/// how large the buffers it writes are. It follows the statements that run
/// before the copy in the same or enclosing blocks, and the values a local
/// pointer is ever given; anything else (parameters, globals, aliases whose
/// writes it cannot see, loops that write the buffer) is unknown.
class CopyBounds {
public:
  CopyBounds(const FunctionDecl &Fn, ASTContext &Ctx) : Fn(Fn), Ctx(Ctx) {}

  /// Capacity in bytes of the buffer \p E points to.
  Bound capacityBytes(const Expr *E, unsigned Depth = 0) {
    if (!E || Depth > 4)
      return std::nullopt;
    const Expr *Plain = E->IgnoreParenImpCasts();
    if (const auto *Array = Ctx.getAsConstantArrayType(Plain->getType()))
      return Array->getSize().getZExtValue() *
             Ctx.getTypeSizeInChars(Array->getElementType()).getQuantity();
    const Expr *Value = strip(E);
    if (const auto *Array = Ctx.getAsConstantArrayType(Value->getType()))
      return Array->getSize().getZExtValue() *
             Ctx.getTypeSizeInChars(Array->getElementType()).getQuantity();
    if (const auto *New = dyn_cast<CXXNewExpr>(Value)) {
      if (!New->isArray())
        return std::nullopt;
      auto Count = New->getArraySize();
      if (!Count || !*Count)
        return std::nullopt;
      Bound N = constant(*Count);
      if (!N)
        return std::nullopt;
      return *N * Ctx.getTypeSizeInChars(New->getAllocatedType()).getQuantity();
    }
    if (const auto *Call = dyn_cast<CallExpr>(Value))
      return allocationBytes(*Call);
    const VarDecl *Var = localVariable(Value);
    if (!Var || !Var->getType()->isPointerType() || addressTaken(*Var))
      return std::nullopt;
    // Every value the pointer is given must have a known size; the
    // smallest one bounds what a write through it may use.
    Bound Smallest;
    bool Any = false;
    for (const Expr *Assigned : assignedValues(*Var)) {
      if (isNull(Assigned))
        continue;
      Bound Size = capacityBytes(Assigned, Depth + 1);
      if (!Size)
        return std::nullopt;
      Smallest = Smallest ? std::min(*Smallest, *Size) : *Size;
      Any = true;
    }
    return Any ? Smallest : std::nullopt;
  }

  /// Upper bound of the length (in characters, without the terminator) of
  /// the string \p E holds when \p At runs.
  Bound maxLength(const Expr *E, const Stmt &At, unsigned Depth = 0) {
    if (!E || Depth > 4)
      return std::nullopt;
    const Expr *Value = strip(E);
    if (const auto *Literal = dyn_cast<StringLiteral>(Value))
      return Literal->getLength();
    if (const auto *Cond = dyn_cast<ConditionalOperator>(Value)) {
      Bound L = maxLength(Cond->getTrueExpr(), At, Depth + 1);
      Bound R = maxLength(Cond->getFalseExpr(), At, Depth + 1);
      if (!L || !R)
        return std::nullopt;
      return std::max(*L, *R);
    }
    Bound Known;
    if (const VarDecl *Var = localVariable(Value))
      Known = contentLength(*Var, At, Depth);
    // A terminated string never outgrows its array.
    const Expr *Plain = E->IgnoreParenImpCasts();
    if (const auto *Array = Ctx.getAsConstantArrayType(Plain->getType())) {
      uint64_t Size = Array->getSize().getZExtValue();
      if (Size > 0)
        Known = Known ? std::min(*Known, Size - 1) : Size - 1;
      return Known;
    }
    if (Known)
      return Known;
    const VarDecl *Var = localVariable(Value);
    if (!Var || !Var->getType()->isPointerType() || addressTaken(*Var))
      return std::nullopt;
    Bound Longest;
    for (const Expr *Assigned : assignedValues(*Var)) {
      if (isNull(Assigned))
        continue;
      Bound Length = maxLength(Assigned, At, Depth + 1);
      if (!Length)
        return std::nullopt;
      Longest = Longest ? std::max(*Longest, *Length) : *Length;
    }
    return Longest;
  }

  /// Length of the string in \p Var when \p At runs, from the last
  /// statements before it that set or extend it.
  /// \p AtWrites: \p At itself writes the string (`strcat`), so a loop
  /// around it makes the length unknown.
  Bound contentLength(const VarDecl &Var, const Stmt &At, unsigned Depth = 0,
                      bool AtWrites = false) {
    if (Depth > 4 || addressTaken(Var))
      return std::nullopt;
    llvm::SmallPtrSet<const VarDecl *, 4> Names = aliases(Var);
    uint64_t Appended = 0;
    // A branch that may have set the string: the result is at least this.
    uint64_t AtLeast = 0;
    llvm::SmallVector<const Stmt *, 16> Walked;
    const Stmt *Child = &At;
    while (true) {
      DynTypedNodeList Parents = Ctx.getParents(*Child);
      if (Parents.empty())
        return std::nullopt;
      const auto *Parent = Parents[0].get<Stmt>();
      if (!Parent)
        return std::nullopt; // reached the function: nothing set it
      if (isa<ForStmt>(Parent) || isa<WhileStmt>(Parent) ||
          isa<DoStmt>(Parent) || isa<CXXForRangeStmt>(Parent)) {
        // Another iteration may have written it after the statements seen.
        if (AtWrites || mentionsOutside(*Parent, Names, At))
          return std::nullopt;
      } else if (const auto *If = dyn_cast<IfStmt>(Parent)) {
        if (Child != If->getCond()) {
          Effect E = effectOf(If->getCond(), Names, Depth);
          if (E.Kind == Effect::Defines)
            return std::max(E.Length + Appended, AtLeast);
          if (E.Kind == Effect::Unknown)
            return std::nullopt;
        }
      } else if (const auto *Block = dyn_cast<CompoundStmt>(Parent)) {
        llvm::SmallVector<const Stmt *, 16> Before;
        for (const Stmt *S : Block->body()) {
          if (S == Child)
            break;
          Before.push_back(S);
        }
        for (auto It = Before.rbegin(); It != Before.rend(); ++It) {
          // Control may enter at a label, past the statements above it.
          if (isa<SwitchCase>(*It) || isa<LabelStmt>(*It))
            return std::nullopt;
          // `char *copy = data;`: from here back the string is data's,
          // provided nothing seen so far used data.
          if (const VarDecl *Source = aliasSource(**It, Names)) {
            for (const Stmt *Seen : Walked)
              if (mentions(*Seen, {Source}))
                return std::nullopt;
            Names.insert(Source);
            for (const VarDecl *More : aliases(*Source))
              Names.insert(More);
            continue;
          }
          Walked.push_back(*It);
          Effect E = statementEffect(*It, Names, Depth);
          if (E.Kind == Effect::Defines)
            return std::max(E.Length + Appended, AtLeast);
          if (E.Kind == Effect::Appends)
            Appended += E.Length;
          else if (E.Kind == Effect::MaybeDefines)
            AtLeast = std::max(AtLeast, E.Length + Appended);
          else if (E.Kind == Effect::Unknown)
            return std::nullopt;
        }
      } else if (isa<SwitchCase>(Parent) || isa<LabelStmt>(Parent)) {
        return std::nullopt;
      }
      Child = Parent;
    }
  }

  /// Upper bound of the characters `sprintf(Dest, Format, ...)` writes
  /// (without the terminator); \p Why says what has no bound.
  Bound formattedLength(const CallExpr &Call, std::string &Why) {
    const auto *Format =
        dyn_cast<StringLiteral>(Call.getArg(1)->IgnoreParenImpCasts());
    if (!Format || Format->getCharByteWidth() != 1) {
      Why = "format not a literal";
      return std::nullopt;
    }
    StringRef F = Format->getString();
    unsigned Arg = 2;
    uint64_t Total = 0;
    for (size_t I = 0; I < F.size(); ++I) {
      if (F[I] != '%') {
        ++Total;
        continue;
      }
      size_t Start = I++;
      if (I < F.size() && F[I] == '%') {
        ++Total;
        continue;
      }
      bool Alternate = false;
      while (I < F.size() && StringRef("-+ #0'").contains(F[I]))
        Alternate |= F[I++] == '#';
      uint64_t Width = 0;
      std::optional<uint64_t> Precision;
      if (I < F.size() && F[I] == '*') {
        Why = "a width given by an argument";
        return std::nullopt;
      }
      while (I < F.size() && llvm::isDigit(F[I]))
        Width = Width * 10 + (F[I++] - '0');
      if (I < F.size() && F[I] == '.') {
        ++I;
        if (I < F.size() && F[I] == '*') {
          Why = "a precision given by an argument";
          return std::nullopt;
        }
        Precision = 0;
        while (I < F.size() && llvm::isDigit(F[I]))
          Precision = *Precision * 10 + (F[I++] - '0');
      }
      bool Long = false;
      while (I < F.size() && StringRef("hljztLq").contains(F[I]))
        Long |= StringRef("ljztq").contains(F[I++]);
      if (I >= F.size()) {
        Why = "a malformed format";
        return std::nullopt;
      }
      char Conv = F[I];
      std::string Spec = F.slice(Start, I + 1).str();
      Bound Length;
      switch (Conv) {
      case 'd':
      case 'i':
        Length = Long ? 20 : 11;
        break;
      case 'u':
        Length = Long ? 20 : 10;
        break;
      case 'x':
      case 'X':
        Length = (Long ? 16 : 8) + (Alternate ? 2 : 0);
        break;
      case 'o':
        Length = (Long ? 22 : 11) + (Alternate ? 1 : 0);
        break;
      case 'c':
        Length = 1;
        break;
      case 'p':
        Length = 18;
        break;
      case 's':
        if (Long) {
          Why = "'" + Spec + "' converts a wide string";
          return std::nullopt;
        }
        if (Arg < Call.getNumArgs())
          Length = maxLength(Call.getArg(Arg), Call);
        if (Precision)
          Length = Length ? std::min(*Length, *Precision) : *Precision;
        if (!Length) {
          Why = "unknown length of the string for '" + Spec + "'";
          return std::nullopt;
        }
        break;
      default:
        Why = "'" + Spec + "' has no length bound";
        return std::nullopt;
      }
      if (Precision && Conv != 's' && Conv != 'c')
        Length = std::max(*Length, *Precision + 1);
      Total += std::max(*Length, Width);
      ++Arg;
    }
    return Total;
  }

private:
  /// What a statement does to a string: nothing, sets it to at most
  /// Length characters, adds at most Length, sets it on some paths only
  /// (MaybeDefines), or something this class does not follow.
  struct Effect {
    enum { None, Defines, Appends, MaybeDefines, Unknown } Kind;
    uint64_t Length;
  };

  /// True for `do ... while` and for `for (i = C0; i < C1; ...)` with
  /// constants C0 < C1 (`<=`, `!=` likewise): the body runs at least once.
  bool runsAtLeastOnce(const Stmt &Loop) const {
    if (isa<DoStmt>(Loop))
      return true;
    const auto &For = cast<ForStmt>(Loop);
    const auto *Cond = dyn_cast_or_null<BinaryOperator>(
        For.getCond() ? For.getCond()->IgnoreParenImpCasts() : nullptr);
    if (!Cond || !For.getInit())
      return false;
    const auto *Counter =
        dyn_cast<DeclRefExpr>(Cond->getLHS()->IgnoreParenImpCasts());
    Bound Limit = constant(Cond->getRHS());
    if (!Counter || !Limit)
      return false;
    const Expr *Start = nullptr;
    if (const auto *Assign = dyn_cast<BinaryOperator>(For.getInit()))
      if (Assign->getOpcode() == BO_Assign)
        if (const auto *Ref =
                dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts()))
          if (Ref->getDecl() == Counter->getDecl())
            Start = Assign->getRHS();
    if (const auto *Decls = dyn_cast<DeclStmt>(For.getInit()))
      if (Decls->isSingleDecl() && Decls->getSingleDecl() == Counter->getDecl())
        Start = cast<VarDecl>(Decls->getSingleDecl())->getInit();
    Bound First = Start ? constant(Start) : std::nullopt;
    if (!First)
      return false;
    switch (Cond->getOpcode()) {
    case BO_LT:
    case BO_NE:
      return *First < *Limit;
    case BO_LE:
      return *First <= *Limit;
    default:
      return false;
    }
  }

  /// True when \p S can leave its loop early (`break`, `goto`, `return`)
  /// or skip the rest of an iteration (`continue`).
  static bool jumpsOut(const Stmt &S) {
    if (isa<BreakStmt>(S) || isa<ContinueStmt>(S) || isa<GotoStmt>(S) ||
        isa<ReturnStmt>(S))
      return true;
    for (const Stmt *Sub : S.children())
      if (Sub && jumpsOut(*Sub))
        return true;
    return false;
  }

  /// A `switch` on a constant: the statements from the chosen label to the
  /// first `break`, when no other label or jump sits among them.
  Effect switchEffect(const SwitchStmt &Switch,
                      const llvm::SmallPtrSet<const VarDecl *, 4> &Names,
                      unsigned Depth) {
    const auto *Body = dyn_cast_or_null<CompoundStmt>(Switch.getBody());
    Bound Value = Switch.getInit() || Switch.getConditionVariable()
                      ? std::nullopt
                      : constant(Switch.getCond());
    if (!Body || !Value || mentions(*Switch.getCond(), Names))
      return {Effect::Unknown, 0};
    // No matching case label means the default label runs.
    bool Matches = false;
    for (const Stmt *Child : Body->body())
      if (const auto *Case = dyn_cast<CaseStmt>(Child)) {
        Bound Label = constant(Case->getLHS());
        if (Case->getRHS() || !Label)
          return {Effect::Unknown, 0};
        Matches |= *Label == *Value;
      }
    llvm::SmallVector<const Stmt *, 16> Run;
    bool Running = false, Chosen = false;
    for (const Stmt *Child : Body->body()) {
      if (isa<SwitchCase>(Child) || isa<LabelStmt>(Child)) {
        if (Running)
          return {Effect::Unknown, 0}; // falls through into another label
        const auto *Case = dyn_cast<CaseStmt>(Child);
        const auto *Default = dyn_cast<DefaultStmt>(Child);
        bool Here = Matches ? Case && *constant(Case->getLHS()) == *Value
                            : Default != nullptr;
        if (!Here)
          continue;
        Running = Chosen = true;
        Child = Case ? Case->getSubStmt() : Default->getSubStmt();
        if (isa<SwitchCase>(Child))
          return {Effect::Unknown, 0};
      }
      if (!Running)
        continue;
      if (isa<BreakStmt>(Child))
        break;
      if (isa<CaseStmt>(Child) || isa<GotoStmt>(Child) ||
          isa<ReturnStmt>(Child) || isa<ContinueStmt>(Child))
        return {Effect::Unknown, 0};
      Run.push_back(Child);
    }
    if (!Chosen)
      return {Effect::Unknown, 0}; // the default label runs: not followed
    uint64_t Appended = 0;
    for (auto It = Run.rbegin(); It != Run.rend(); ++It) {
      Effect E = statementEffect(*It, Names, Depth);
      if (E.Kind == Effect::Defines)
        return {Effect::Defines, E.Length + Appended};
      if (E.Kind == Effect::Appends)
        Appended += E.Length;
      else if (E.Kind != Effect::None)
        return {Effect::Unknown, 0};
    }
    return Appended ? Effect{Effect::Appends, Appended}
                    : Effect{Effect::None, 0};
  }

  /// The local variable a pointer in \p Names is declared as a copy of
  /// (`char *copy = data;`), when \p S is such a declaration.
  const VarDecl *
  aliasSource(const Stmt &S,
              const llvm::SmallPtrSet<const VarDecl *, 4> &Names) const {
    const auto *Decls = dyn_cast<DeclStmt>(&S);
    if (!Decls || !Decls->isSingleDecl())
      return nullptr;
    const auto *Var = dyn_cast<VarDecl>(Decls->getSingleDecl());
    if (!Var || !Names.count(Var) || !Var->getType()->isPointerType())
      return nullptr;
    const VarDecl *Source = localVariable(Var->getInit());
    return Source && !Names.count(Source) ? Source : nullptr;
  }

  /// The effect of a whole statement: a block's last setting write, an
  /// `if` whose branches both set it (or whose condition is a constant).
  Effect statementEffect(const Stmt *S,
                         const llvm::SmallPtrSet<const VarDecl *, 4> &Names,
                         unsigned Depth) {
    if (!S || !mentions(*S, Names))
      return {Effect::None, 0};
    if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
      llvm::SmallVector<const Stmt *, 16> Body(Block->body_begin(),
                                               Block->body_end());
      uint64_t Appended = 0, AtLeast = 0;
      bool Maybe = false;
      for (auto It = Body.rbegin(); It != Body.rend(); ++It) {
        if (isa<SwitchCase>(*It) || isa<LabelStmt>(*It))
          return {Effect::Unknown, 0};
        Effect E = statementEffect(*It, Names, Depth);
        if (E.Kind == Effect::Defines)
          return {Effect::Defines, std::max(E.Length + Appended, AtLeast)};
        if (E.Kind == Effect::Appends)
          Appended += E.Length;
        else if (E.Kind == Effect::MaybeDefines) {
          AtLeast = std::max(AtLeast, E.Length + Appended);
          Maybe = true;
        } else if (E.Kind == Effect::Unknown)
          return E;
      }
      if (Maybe)
        return Appended ? Effect{Effect::Unknown, 0}
                        : Effect{Effect::MaybeDefines, AtLeast};
      return Appended ? Effect{Effect::Appends, Appended}
                      : Effect{Effect::None, 0};
    }
    if (const auto *Switch = dyn_cast<SwitchStmt>(S))
      return switchEffect(*Switch, Names, Depth);
    // A loop that surely runs and whose body sets the string leaves it set
    // by the last iteration.
    if (isa<ForStmt>(S) || isa<DoStmt>(S)) {
      const Stmt *Body = isa<ForStmt>(S) ? cast<ForStmt>(S)->getBody()
                                         : cast<DoStmt>(S)->getBody();
      if (!runsAtLeastOnce(*S) || !Body || jumpsOut(*Body))
        return {Effect::Unknown, 0};
      Effect E = statementEffect(Body, Names, Depth);
      return E.Kind == Effect::Defines ? E : Effect{Effect::Unknown, 0};
    }
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      if (If->getInit() || If->getConditionVariable() ||
          mentions(*If->getCond(), Names))
        return {Effect::Unknown, 0};
      bool Taken = false;
      if (!If->getCond()->isValueDependent() &&
          If->getCond()->EvaluateAsBooleanCondition(Taken, Ctx))
        return statementEffect(Taken ? If->getThen() : If->getElse(), Names,
                               Depth);
      Effect Then = statementEffect(If->getThen(), Names, Depth);
      Effect Else = statementEffect(If->getElse(), Names, Depth);
      if (Then.Kind == Effect::Unknown || Else.Kind == Effect::Unknown)
        return {Effect::Unknown, 0};
      if (Then.Kind == Effect::None && Else.Kind == Effect::None)
        return {Effect::None, 0};
      uint64_t Longest = std::max(Then.Length, Else.Length);
      if (Then.Kind == Effect::Defines && Else.Kind == Effect::Defines)
        return {Effect::Defines, Longest};
      if (Then.Kind == Effect::Appends || Else.Kind == Effect::Appends)
        return {Effect::Unknown, 0};
      return {Effect::MaybeDefines, Longest};
    }
    return effectOf(S, Names, Depth);
  }

  Bound constant(const Expr *E) const {
    Expr::EvalResult Result;
    if (E->isValueDependent() || !E->EvaluateAsInt(Result, Ctx))
      return std::nullopt;
    const llvm::APSInt &Value = Result.Val.getInt();
    if (Value.isNegative() || Value.getActiveBits() > 40)
      return std::nullopt;
    return Value.getZExtValue();
  }

  bool isNull(const Expr *E) const {
    return E->IgnoreParenCasts()->isNullPointerConstant(
               Ctx, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
  }

  /// Bytes a constant-size allocation returns: malloc(n), alloca(n),
  /// calloc(n, s), realloc(p, n).
  Bound allocationBytes(const CallExpr &Call) const {
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return std::nullopt;
    StringRef Name = utils::identifierOf(Callee);
    if ((Name == "malloc" || Name == "alloca" || Name == "__builtin_alloca" ||
         Name == "_alloca") &&
        Call.getNumArgs() == 1)
      return constant(Call.getArg(0));
    if (Name == "calloc" && Call.getNumArgs() == 2) {
      Bound N = constant(Call.getArg(0)), S = constant(Call.getArg(1));
      if (N && S)
        return *N * *S;
    }
    if (Name == "realloc" && Call.getNumArgs() == 2)
      return constant(Call.getArg(1));
    return std::nullopt;
  }

  /// The initialiser and every right-hand side assigned to \p Var.
  llvm::SmallVector<const Expr *, 4> assignedValues(const VarDecl &Var) {
    llvm::SmallVector<const Expr *, 4> Values;
    if (const Expr *Init = Var.getInit())
      Values.push_back(Init);
    for (const auto &Found :
         match(findAll(binaryOperator(isAssignmentOperator(),
                                      hasLHS(ignoringParenImpCasts(declRefExpr(
                                          to(varDecl(equalsNode(&Var)))))))
                           .bind("a")),
               *Fn.getBody(), Ctx)) {
      const auto *Assign = Found.getNodeAs<BinaryOperator>("a");
      if (Assign->getOpcode() != BO_Assign) {
        Values.push_back(Assign); // p += n: no known target any more
        continue;
      }
      Values.push_back(Assign->getRHS());
    }
    return Values;
  }

  /// True when \p Var's address is taken or it is stepped (`p++`), so that
  /// writes and values reach it in ways this class does not follow.
  bool addressTaken(const VarDecl &Var) {
    auto Ref = declRefExpr(to(varDecl(equalsNode(&Var))));
    return !match(findAll(
                      unaryOperator(hasAnyOperatorName("&", "++", "--"),
                                    hasUnaryOperand(ignoringParenImpCasts(Ref)))
                          .bind("u")),
                  *Fn.getBody(), Ctx)
                .empty();
  }

  /// \p Var, the local variables whose address a pointer \p Var is given,
  /// and the local pointers given \p Var: the names a write to the string
  /// may use.
  llvm::SmallPtrSet<const VarDecl *, 4> aliases(const VarDecl &Var) {
    llvm::SmallPtrSet<const VarDecl *, 4> Names{&Var};
    for (const Expr *Assigned : assignedValues(Var))
      if (const VarDecl *Source = localVariable(Assigned))
        Names.insert(Source);
    for (const auto &Found :
         match(findAll(varDecl(hasInitializer(ignoringParenCasts(
                                   declRefExpr(to(varDecl(equalsNode(&Var)))))))
                           .bind("v")),
               *Fn.getBody(), Ctx))
      Names.insert(Found.getNodeAs<VarDecl>("v"));
    for (const auto &Found :
         match(findAll(binaryOperator(isAssignmentOperator(),
                                      hasRHS(ignoringParenCasts(declRefExpr(
                                          to(varDecl(equalsNode(&Var)))))),
                                      hasLHS(ignoringParenImpCasts(declRefExpr(
                                          to(varDecl().bind("v"))))))),
               *Fn.getBody(), Ctx))
      Names.insert(Found.getNodeAs<VarDecl>("v"));
    return Names;
  }

  static bool refersTo(const Expr *E,
                       const llvm::SmallPtrSet<const VarDecl *, 4> &Names) {
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(E)))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        return Names.count(Var) != 0;
    return false;
  }

  /// True when \p S names one of \p Names outside the statement \p At.
  bool mentionsOutside(const Stmt &S,
                       const llvm::SmallPtrSet<const VarDecl *, 4> &Names,
                       const Stmt &At) {
    if (&S == &At)
      return false;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        if (Names.count(Var))
          return true;
    if (const auto *Decls = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          if (Names.count(Var) ||
              (Var->getInit() && mentionsOutside(*Var->getInit(), Names, At)))
            return true;
    for (const Stmt *Sub : S.children())
      if (Sub && mentionsOutside(*Sub, Names, At))
        return true;
    return false;
  }

  /// True when every use of \p Names in \p S only reads the string: an
  /// argument for a `const char *` parameter, `x[i]` read as a value, a
  /// comparison.
  bool onlyReads(const Stmt &S,
                 const llvm::SmallPtrSet<const VarDecl *, 4> &Names) {
    for (const auto &Found : match(findAll(declRefExpr().bind("r")), S, Ctx)) {
      const auto *Ref = Found.getNodeAs<DeclRefExpr>("r");
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (!Var || !Names.count(Var))
        continue;
      if (!readOnlyUse(*Ref))
        return false;
    }
    return true;
  }

  bool readOnlyUse(const DeclRefExpr &Ref) {
    const Stmt *Child = &Ref;
    while (true) {
      DynTypedNodeList Parents = Ctx.getParents(*Child);
      if (Parents.empty())
        return false;
      const auto *Parent = Parents[0].get<Stmt>();
      if (!Parent)
        return false;
      if (isa<ParenExpr>(Parent) || isa<ImplicitCastExpr>(Parent)) {
        if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Parent))
          if (Cast->getCastKind() == CK_LValueToRValue &&
              !Cast->getType()->isPointerType())
            return true;
        Child = Parent;
        continue;
      }
      if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
        const FunctionDecl *Callee = Call->getDirectCallee();
        if (!Callee)
          return false;
        for (unsigned I = 0; I < Call->getNumArgs(); ++I)
          if (Call->getArg(I) == Child) {
            if (I >= Callee->getNumParams())
              return false; // variadic: printf("%s") reads, but %n writes
            QualType Param = Callee->getParamDecl(I)->getType();
            return Param->isPointerType() &&
                   Param->getPointeeType().isConstQualified();
          }
        return false;
      }
      if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(Parent)) {
        if (Subscript->getIdx() == Child)
          return true; // used as the index
        Child = Parent;
        continue;
      }
      if (const auto *Binary = dyn_cast<BinaryOperator>(Parent))
        return Binary->isComparisonOp() || Binary->isLogicalOp();
      return false;
    }
  }

  /// What statement \p S does to the string held under \p Names.
  Effect effectOf(const Stmt *S,
                  const llvm::SmallPtrSet<const VarDecl *, 4> &Names,
                  unsigned Depth) {
    if (!S || !mentions(*S, Names))
      return {Effect::None, 0};
    if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
      if (!Decls->isSingleDecl())
        return {Effect::Unknown, 0};
      const auto *Var = dyn_cast<VarDecl>(Decls->getSingleDecl());
      if (!Var)
        return {Effect::Unknown, 0};
      if (!Names.count(Var))
        return onlyReads(*S, Names) ? Effect{Effect::None, 0}
                                    : Effect{Effect::Unknown, 0};
      // A pointer declared without a value, or set up as an alias, writes
      // nothing; an array without an initialiser holds garbage.
      if (Var->getType()->isPointerType() &&
          (!Var->getInit() || refersTo(Var->getInit(), Names)))
        return {Effect::None, 0};
      if (!Var->getInit())
        return {Effect::Unknown, 0};
      if (const auto *Literal =
              dyn_cast<StringLiteral>(Var->getInit()->IgnoreParenImpCasts()))
        return {Effect::Defines, Literal->getLength()};
      return {Effect::Unknown, 0};
    }
    const auto *E = dyn_cast<Expr>(S);
    if (!E)
      return {Effect::Unknown, 0};
    E = E->IgnoreParenImpCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
      E = Cleanups->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *Assign = dyn_cast<BinaryOperator>(E)) {
      if (Assign->getOpcode() != BO_Assign)
        return {Effect::Unknown, 0};
      const Expr *Lhs = Assign->getLHS()->IgnoreParenImpCasts();
      // `p = buf`: an alias, nothing written.
      if (refersTo(Lhs, Names) && refersTo(Assign->getRHS(), Names))
        return {Effect::None, 0};
      // `s[k] = '\0'`: the string ends at k at the latest.
      if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(Lhs))
        if (refersTo(Subscript->getBase(), Names) &&
            !mentions(*Assign->getRHS(), Names)) {
          Bound Index = constant(Subscript->getIdx());
          Bound Value = constant(Assign->getRHS());
          if (Index && Value && *Value == 0)
            return {Effect::Defines, *Index};
        }
      return {Effect::Unknown, 0};
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && Callee->getIdentifier() && Call->getNumArgs() >= 2 &&
          refersTo(Call->getArg(0), Names) &&
          !mentions(*Call->getArg(1), Names)) {
        CopyKind Kind = copyKind(utils::identifierOf(Callee));
        if (Kind == CopyKind::Copy || Kind == CopyKind::Append) {
          Bound Length = maxLength(Call->getArg(1), *Call, Depth + 1);
          if (!Length)
            return {Effect::Unknown, 0};
          return {Kind == CopyKind::Copy ? Effect::Defines : Effect::Appends,
                  *Length};
        }
        if (Kind == CopyKind::Format) {
          std::string Why;
          if (Bound Length = formattedLength(*Call, Why))
            return {Effect::Defines, *Length};
          return {Effect::Unknown, 0};
        }
      }
    }
    return onlyReads(*S, Names) ? Effect{Effect::None, 0}
                                : Effect{Effect::Unknown, 0};
  }

  static bool mentions(const Stmt &S,
                       const llvm::SmallPtrSet<const VarDecl *, 4> &Names) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        if (Names.count(Var))
          return true;
    if (const auto *Decls = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          if (Names.count(Var) ||
              (Var->getInit() && mentions(*Var->getInit(), Names)))
            return true;
    for (const Stmt *Sub : S.children())
      if (Sub && mentions(*Sub, Names))
        return true;
    return false;
  }

  const FunctionDecl &Fn;
  ASTContext &Ctx;
};

/// Why a copy's fit cannot be proven, for the diagnostic.
std::string unknownParts(bool Source, bool Destination, bool Content) {
  llvm::SmallVector<StringRef, 3> Parts;
  if (Source)
    Parts.push_back("source length");
  if (Content)
    Parts.push_back("length of the destination's current string");
  if (Destination)
    Parts.push_back("destination size");
  std::string Text = "unknown ";
  for (size_t I = 0; I < Parts.size(); ++I) {
    if (I > 0)
      Text += I + 1 == Parts.size() ? " and " : ", ";
    Text += Parts[I].str();
  }
  return Text;
}

} // namespace

UnsafeFunctionCheck::UnsafeFunctionCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Functions(utils::parsePairs(Options.get("Functions", DefaultFunctions))),
      CheckScanf(utils::readBool(Options, "CheckScanf", true)),
      CheckStreamExtraction(
          utils::readBool(Options, "CheckStreamExtraction", true)),
      Mode(Options.get("Mode", "unproven")) {
  if (Mode != "unproven" && Mode != "banned") {
    configurationDiag("invalid value '%0' for %1.Mode; expected 'unproven' "
                      "or 'banned'; using 'unproven'")
        << Mode << Name;
    Mode = "unproven";
  }
}

void UnsafeFunctionCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Functions", utils::joinPairs(Functions));
  utils::storeBool(Options, Opts, "CheckScanf", CheckScanf);
  utils::storeBool(Options, Opts, "CheckStreamExtraction",
                   CheckStreamExtraction);
  Options.store(Opts, "Mode", Mode);
}

void UnsafeFunctionCheck::registerMatchers(MatchFinder *Finder) {
  utils::limitTraversalToProject(Finder);
  // Only the C library's functions: a project's own `copy::strcpy` is not it.
  std::vector<std::string> Names;
  for (const auto &Entry : Functions) {
    Names.push_back("::" + Entry.first);
    Names.push_back("::std::" + Entry.first);
  }
  std::vector<StringRef> NameRefs(Names.begin(), Names.end());
  if (!Names.empty())
    Finder->addMatcher(
        callExpr(callee(functionDecl(hasAnyName(NameRefs)).bind("fn")),
                 unless(isExpansionInSystemHeader()))
            .bind("call"),
        this);

  if (CheckScanf)
    Finder->addMatcher(
        callExpr(callee(functionDecl(
                            hasAnyName("::scanf", "::fscanf", "::sscanf",
                                       "::vscanf", "::vfscanf", "::vsscanf",
                                       "::wscanf", "::fwscanf", "::swscanf",
                                       "::vwscanf", "::vfwscanf", "::vswscanf",
                                       "::__isoc99_scanf", "::__isoc99_fscanf",
                                       "::__isoc99_sscanf", "::std::scanf",
                                       "::std::fscanf", "::std::sscanf"))
                            .bind("scanf")),
                 unless(isExpansionInSystemHeader()))
            .bind("call"),
        this);

  // Before C++20 `istream >> char*` cannot know the buffer's size; C++20
  // replaced that overload with one taking `char (&)[N]`, so the decay below
  // only exists when the unbounded overload was chosen.
  if (CheckStreamExtraction)
    Finder->addMatcher(
        cxxOperatorCallExpr(
            hasOverloadedOperatorName(">>"),
            hasArgument(0, expr(hasType(hasUnqualifiedDesugaredType(recordType(
                               hasDeclaration(cxxRecordDecl(isSameOrDerivedFrom(
                                   hasName("::std::basic_istream"))))))))),
            // hasArgument looks through the array-to-pointer decay, which
            // check() then requires.
            hasArgument(1, expr(hasType(constantArrayType(
                                    hasElementType(isAnyCharacter()))))
                               .bind("buffer")),
            unless(isExpansionInSystemHeader()))
            .bind("extract"),
        this);
}

void UnsafeFunctionCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Extract =
          Result.Nodes.getNodeAs<CXXOperatorCallExpr>("extract")) {
    checkStreamExtraction(Extract, Result.Nodes.getNodeAs<Expr>("buffer"),
                          Result);
    return;
  }
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  if (const auto *Scanf = Result.Nodes.getNodeAs<FunctionDecl>("scanf")) {
    StringRef Name = Scanf->getName();
    if (auto Index = scanfFormatIndex(Name))
      checkScanfCall(Call, *Index, Name, *Result.Context);
    return;
  }
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  StringRef Name = utils::identifierOf(Fn);
  StringRef Replacement;
  for (const auto &Entry : Functions)
    if (Entry.first == Name)
      Replacement = Entry.second;
  if ((Name == "tmpnam" || Name == "tempnam" || Name == "mktemp") &&
      openedExclusively(*Call, Name, *Result.Context))
    return;
  SourceLocation Loc =
      Result.SourceManager->getExpansionLoc(Call->getBeginLoc());
  if (Mode == "unproven" &&
      (copyKind(Name) != CopyKind::None || Name == "vsprintf")) {
    checkCopyBounds(*Call, Name, Replacement, Loc, *Result.Context);
    return;
  }
  if (Replacement.empty())
    diag(Loc, "'%0' %1; avoid it") << Name << reasonFor(Name);
  else
    diag(Loc, "'%0' %1; use '%2' instead")
        << Name << reasonFor(Name) << Replacement;
}

void UnsafeFunctionCheck::checkCopyBounds(const CallExpr &Call, StringRef Name,
                                          StringRef Replacement,
                                          SourceLocation Loc, ASTContext &Ctx) {
  std::string Instead = Replacement.empty()
                            ? std::string("avoid it")
                            : "use '" + Replacement.str() + "' instead";
  CopyKind Kind = copyKind(Name);
  const FunctionDecl *Func = enclosingFunction(Call, Ctx);
  if (Kind == CopyKind::None || !Func || !Func->hasBody() ||
      Call.getNumArgs() < 2) {
    StringRef Why =
        Name == "vsprintf" ? "arguments in a va_list" : "not inside a function";
    diag(Loc, "'%0' %1 and the copy cannot be shown to fit (%2); %3")
        << Name << reasonFor(Name) << Why << Instead;
    return;
  }
  CopyBounds Bounds(*Func, Ctx);
  QualType Element = Call.getArg(0)
                         ->IgnoreParenImpCasts()
                         ->getType()
                         ->getPointeeOrArrayElementType()
                         ->getCanonicalTypeUnqualified();
  uint64_t ElementBytes =
      Kind == CopyKind::Format
          ? 1
          : std::max<int64_t>(1, Ctx.getTypeSizeInChars(Element).getQuantity());
  Bound Capacity = Bounds.capacityBytes(Call.getArg(0));
  if (Capacity)
    *Capacity /= ElementBytes;
  Bound Needed;
  std::string Why;
  bool SourceUnknown = false, ContentUnknown = false;
  if (Kind == CopyKind::Format) {
    if (Bound Length = Bounds.formattedLength(Call, Why))
      Needed = *Length + 1;
  } else {
    Bound Length = Bounds.maxLength(Call.getArg(1), Call);
    SourceUnknown = !Length;
    Bound Current = 0;
    if (Kind == CopyKind::Append) {
      const VarDecl *Dest = localVariable(Call.getArg(0));
      Current = Dest ? Bounds.contentLength(*Dest, Call, 0, /*AtWrites=*/true)
                     : std::nullopt;
      ContentUnknown = !Current;
    }
    if (Length && Current)
      Needed = *Current + *Length + 1;
  }
  if (Needed && Capacity) {
    if (*Needed <= *Capacity)
      return; // proven to fit: nothing to fix
    diag(Loc, "'%0' can write up to %1 %2 into a buffer of %3; %4")
        << Name << static_cast<unsigned>(*Needed)
        << (ElementBytes == 1 ? "bytes" : "wide characters")
        << static_cast<unsigned>(*Capacity) << Instead;
    return;
  }
  if (Why.empty() || !Capacity)
    Why = Why.empty() ? unknownParts(SourceUnknown, !Capacity, ContentUnknown)
                      : Why + " and unknown destination size";
  diag(Loc, "'%0' %1 and the copy cannot be shown to fit (%2); %3")
      << Name << reasonFor(Name) << Why << Instead;
}

void UnsafeFunctionCheck::checkScanfCall(const CallExpr *Call,
                                         unsigned FormatIndex, StringRef Name,
                                         const ASTContext &Ctx) {
  if (Call->getNumArgs() <= FormatIndex)
    return;
  const auto *Format =
      dyn_cast<StringLiteral>(Call->getArg(FormatIndex)->IgnoreParenImpCasts());
  // A format that is not a literal is some other check's business.
  if (!Format || Format->getCharByteWidth() != 1)
    return;
  for (const UnboundedConversion &Conv :
       findUnboundedConversions(Format->getString())) {
    unsigned ArgIndex = FormatIndex + 1 + Conv.ArgumentNumber;
    uint64_t Size = 0;
    if (!Conv.Positional && ArgIndex < Call->getNumArgs())
      Size = charArraySize(Call->getArg(ArgIndex), Ctx);
    std::string Suggestion =
        Size > 1 ? "%" + std::to_string(Size - 1) + Conv.Spec.substr(1)
                 : "%31" + Conv.Spec.substr(1);
    diag(Call->getBeginLoc(),
         "'%0' reads '%1' without a field width and can overflow the "
         "buffer; give it a width such as '%2'")
        << Name << Conv.Spec << Suggestion;
  }
}

void UnsafeFunctionCheck::checkStreamExtraction(
    const CXXOperatorCallExpr *Call, const Expr *Buffer,
    const MatchFinder::MatchResult &Result) {
  const auto *Decay = dyn_cast<ImplicitCastExpr>(Call->getArg(1));
  if (!Decay || Decay->getCastKind() != CK_ArrayToPointerDecay)
    return;
  const Expr *Stream = Call->getArg(0)->IgnoreParenImpCasts();
  // `in >> std::setw(n) >> buf`: the width is set by the previous link.
  if (const auto *Prev = dyn_cast<CXXOperatorCallExpr>(Stream))
    if (Prev->getOperator() == OO_GreaterGreater && Prev->getNumArgs() == 2)
      if (const auto *Manip =
              dyn_cast<CallExpr>(Prev->getArg(1)->IgnoreParenImpCasts()))
        if (const auto *Callee = Manip->getDirectCallee())
          if (utils::identifierOf(Callee) == "setw")
            return;
  // `in.width(n); in >> buf;` earlier in the same function.
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Stream)) {
    const FunctionDecl *Func = enclosingFunction(*Call, *Result.Context);
    if (Func && Func->getBody()) {
      auto Widths =
          match(findAll(cxxMemberCallExpr(
                            callee(cxxMethodDecl(hasName("width"))),
                            argumentCountIs(1),
                            on(declRefExpr(to(equalsNode(Ref->getDecl())))))
                            .bind("w")),
                *Func->getBody(), *Result.Context);
      for (const auto &W : Widths)
        if (Result.SourceManager->isBeforeInTranslationUnit(
                W.getNodeAs<Expr>("w")->getBeginLoc(), Call->getBeginLoc()))
          return;
    }
  }
  uint64_t Size = charArraySize(Buffer, *Result.Context);
  diag(Call->getOperatorLoc(),
       "'operator>>' into a char array of %0 bytes has no width set and can "
       "overflow it; use 'std::setw(%0)' or read into a std::string")
      << static_cast<unsigned>(Size);
}

} // namespace clang::tidy::exitbar

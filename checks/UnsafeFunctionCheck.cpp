// UnsafeFunctionCheck.cpp - flags calls to C functions that cannot be used safely
// SPDX-License-Identifier: Apache-2.0

#include "UnsafeFunctionCheck.h"
#include "utils/Compat.h"
#include "utils/OptionUtils.h"
#include "utils/ProjectScope.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSwitch.h"
#include <optional>

using namespace clang::ast_matchers;

namespace clang::tidy::exitbar {
namespace {

constexpr llvm::StringLiteral DefaultFunctions =
    "gets=fgets;strcpy=snprintf;strcat=snprintf;sprintf=snprintf;"
    "vsprintf=vsnprintf;tmpnam=mkstemp;tempnam=mkstemp;mktemp=mkstemp";

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
bool openedExclusively(const CallExpr &Call, StringRef Name,
                       ASTContext &Ctx) {
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
  for (const auto &Found :
       match(findAll(callExpr(callee(functionDecl(
                                          hasAnyName("::open", "::open64",
                                                     "::_open", "::_wopen",
                                                     "::openat", "::openat64",
                                                     "::fopen", "::fopen64",
                                                     "::_wfopen"))
                                          .bind("fn")))
                         .bind("open")),
             *Fn->getBody(), Ctx)) {
    const auto *Open = Found.getNodeAs<CallExpr>("open");
    StringRef OpenName = Found.getNodeAs<FunctionDecl>("fn")->getName();
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
    while (Digits < Format.size() && isdigit(Format[Digits]))
      ++Digits;
    if (Digits < Format.size() && Format[Digits] == '$' && Digits > I) {
      Positional = true;
      I = Digits + 1;
    }
    bool Suppressed = I < Format.size() && Format[I] == '*';
    if (Suppressed)
      ++I;
    bool HasWidth = false;
    while (I < Format.size() && isdigit(Format[I])) {
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
      Found.push_back({Format.slice(Start, std::min(I + 1, Format.size())).str(),
                       Assigning, Positional});
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

} // namespace

UnsafeFunctionCheck::UnsafeFunctionCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Functions(utils::parsePairs(Options.get("Functions", DefaultFunctions))),
      CheckScanf(utils::readBool(Options, "CheckScanf", true)),
      CheckStreamExtraction(
          utils::readBool(Options, "CheckStreamExtraction", true)) {}

void UnsafeFunctionCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Functions", utils::joinPairs(Functions));
  utils::storeBool(Options, Opts, "CheckScanf", CheckScanf);
  utils::storeBool(Options, Opts, "CheckStreamExtraction",
                   CheckStreamExtraction);
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
            hasArgument(0, expr(hasType(hasUnqualifiedDesugaredType(
                               recordType(hasDeclaration(cxxRecordDecl(
                                   isSameOrDerivedFrom(
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
  StringRef Name = Fn->getName();
  StringRef Replacement;
  for (const auto &Entry : Functions)
    if (Entry.first == Name)
      Replacement = Entry.second;
  if ((Name == "tmpnam" || Name == "tempnam" || Name == "mktemp") &&
      openedExclusively(*Call, Name, *Result.Context))
    return;
  SourceLocation Loc = Result.SourceManager->getExpansionLoc(Call->getBeginLoc());
  if (Replacement.empty())
    diag(Loc, "'%0' %1; avoid it") << Name << reasonFor(Name);
  else
    diag(Loc, "'%0' %1; use '%2' instead")
        << Name << reasonFor(Name) << Replacement;
}

void UnsafeFunctionCheck::checkScanfCall(const CallExpr *Call,
                                         unsigned FormatIndex, StringRef Name,
                                         const ASTContext &Ctx) {
  if (Call->getNumArgs() <= FormatIndex)
    return;
  const auto *Format = dyn_cast<StringLiteral>(
      Call->getArg(FormatIndex)->IgnoreParenImpCasts());
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
      if (const auto *Manip = dyn_cast<CallExpr>(
              Prev->getArg(1)->IgnoreParenImpCasts()))
        if (const auto *Callee = Manip->getDirectCallee())
          if (Callee->getName() == "setw")
            return;
  // `in.width(n); in >> buf;` earlier in the same function.
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Stream)) {
    const FunctionDecl *Func = enclosingFunction(*Call, *Result.Context);
    if (Func && Func->getBody()) {
      auto Widths = match(
          findAll(cxxMemberCallExpr(
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

// StubImplementationCheck.cpp - flags functions shipped as stubs
// SPDX-License-Identifier: Apache-2.0

#include "StubImplementationCheck.h"
#include "utils/Compat.h"
#include "utils/DeclNames.h"
#include "utils/IdentifierWords.h"
#include "utils/Locations.h"
#include "utils/OptionUtils.h"
#include "utils/ProjectScope.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include <functional>
#include <optional>
#include <utility>

using namespace clang::ast_matchers;

namespace clang::tidy::exitbar {
namespace {

constexpr llvm::StringLiteral DefaultMarkers =
    "not implemented;not yet implemented;unimplemented;not yet supported;"
    "not supported yet;implement me;stub;stubbed";
constexpr llvm::StringLiteral DefaultCommentTags = "TODO;FIXME;NYI";

/// Longer strings are usage texts or documentation that may mention a
/// missing feature; a stub's message is short.
constexpr size_t MaxMessageLength = 120;

/// How a top-level statement of a body contributes to its being a stub.
enum class Kind {
  Ignorable,      ///< `;`, `(void)param;`, a disabled assert
  Report,         ///< prints or logs a "not implemented" message
  Log,            ///< prints or logs something else
  Throw,          ///< `throw ...;`
  Abort,          ///< a call that does not return, a failing assert
  Return,         ///< `return;`
  ReturnDefault,  ///< `return 0;`, `return nullptr;`, `return {};`, ...
  ReturnConstant, ///< `return -1;` and other constants
  Other           ///< real work: not a stub
};

/// Finds \p Phrase in \p Text as whole words, ignoring case and treating any
/// run of punctuation as one separator, so "Not-Implemented",
/// "not_implemented" and "NotImplemented" all contain "not implemented".
/// Returns the match as written in \p Text.
std::optional<StringRef> findWords(StringRef Text, StringRef Phrase) {
  std::string Norm;
  std::vector<size_t> Origin;
  for (size_t I = 0; I < Text.size(); ++I) {
    if (llvm::isAlnum(Text[I])) {
      Norm += llvm::toLower(Text[I]);
      Origin.push_back(I);
    } else if (!Norm.empty() && Norm.back() != ' ') {
      Norm += ' ';
      Origin.push_back(I);
    }
  }
  std::string Wanted = StringRef(Phrase).lower();
  std::string Joined;
  for (char C : Wanted)
    if (C != ' ')
      Joined += C;
  for (const std::string &Needle : {Wanted, Joined}) {
    for (size_t Pos = Norm.find(Needle); Pos != std::string::npos;
         Pos = Norm.find(Needle, Pos + 1)) {
      size_t End = Pos + Needle.size();
      bool Starts = Pos == 0 || Norm[Pos - 1] == ' ';
      bool Ends = End == Norm.size() || Norm[End] == ' ';
      if (!Starts || !Ends)
        continue;
      // Quote it as written unless punctuation split it ("not (yet)
      // supported"): then the phrase itself reads better.
      StringRef Written = Text.slice(Origin[Pos], Origin[End - 1] + 1);
      bool Plain = llvm::all_of(Written, [](char C) {
        return llvm::isAlnum(C) || C == ' ' || C == '_' || C == '-';
      });
      return Plain ? Written : Phrase;
    }
  }
  return std::nullopt;
}

/// True for `0`, `0.0`, `'\0'`, `false`, `nullptr`, `NULL`, `""`, `{}`,
/// `T()`, `T{}`, `std::nullopt` and copies of them.
bool isDefaultValue(const Expr *E) {
  for (int Depth = 0; Depth < 16 && E; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
      continue;
    }
    if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = B->getSubExpr();
      continue;
    }
    if (const auto *C = dyn_cast<ExplicitCastExpr>(E)) {
      E = C->getSubExpr();
      continue;
    }
    if (const auto *I = dyn_cast<IntegerLiteral>(E))
      return I->getValue() == 0;
    if (const auto *F = dyn_cast<FloatingLiteral>(E))
      return F->getValue().isZero();
    if (const auto *C = dyn_cast<CharacterLiteral>(E))
      return C->getValue() == 0;
    if (const auto *B = dyn_cast<CXXBoolLiteralExpr>(E))
      return !B->getValue();
    if (isa<CXXNullPtrLiteralExpr, GNUNullExpr, CXXScalarValueInitExpr,
            ImplicitValueInitExpr>(E))
      return true;
    if (const auto *S = dyn_cast<StringLiteral>(E))
      return S->getLength() == 0;
    if (const auto *L = dyn_cast<InitListExpr>(E)) {
      if (L->getNumInits() == 0)
        return true;
      if (L->getNumInits() != 1)
        return false;
      E = L->getInit(0);
      continue;
    }
    if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
      if (C->getNumArgs() == 0)
        return true;
      // A copy of a default value, or a string made from "".
      if (C->getNumArgs() != 1)
        return false;
      E = C->getArg(0);
      continue;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      return Var && Var->getName() == "nullopt" && Var->isInStdNamespace();
    }
    return false;
  }
  return false;
}

/// The name of the outermost macro whose expansion starts at \p Loc.
StringRef macroNameAt(SourceLocation Loc, const SourceManager &SM,
                      const LangOptions &LO) {
  if (!Loc.isMacroID())
    return {};
  Token Tok;
  if (Lexer::getRawToken(SM.getExpansionLoc(Loc), Tok, SM, LO) ||
      !Tok.is(tok::raw_identifier))
    return {};
  return Tok.getRawIdentifier();
}

/// Where the block of comment lines right above \p Off starts (\p Off when
/// there is none), so `// TODO: implement` above a definition counts.
unsigned precedingCommentStart(StringRef Buf, unsigned Off) {
  auto LineStartOf = [&](size_t Pos) {
    size_t NewLine = Buf.rfind('\n', Pos);
    return NewLine == StringRef::npos ? size_t(0) : NewLine + 1;
  };
  size_t Cur = LineStartOf(Off);
  if (!Buf.slice(Cur, Off).trim().empty())
    return Off; // code before the declaration on its line
  size_t Result = Off;
  while (Cur > 0) {
    size_t PrevEnd = Cur - 1;
    size_t PrevStart = LineStartOf(PrevEnd);
    StringRef Line = Buf.slice(PrevStart, PrevEnd).trim();
    if (compat::startsWith(Line, "//")) {
      Result = Cur = PrevStart;
      continue;
    }
    if (!compat::endsWith(Line, "*/"))
      break;
    size_t Open = Buf.substr(0, PrevEnd).rfind("/*");
    if (Open == StringRef::npos)
      break;
    size_t OpenLine = LineStartOf(Open);
    if (!Buf.slice(OpenLine, Open).trim().empty())
      break;
    Result = Cur = OpenLine;
  }
  return static_cast<unsigned>(Result);
}

/// Calls \p Visit for every raw token (comments included) of \p FID that
/// starts in [Begin, End).
template <typename Fn>
void lexRange(const SourceManager &SM, const LangOptions &LO, FileID FID,
              unsigned Begin, unsigned End, Fn Visit) {
  StringRef Buf = SM.getBufferData(FID);
  if (Begin >= Buf.size())
    return;
  Lexer Lex(SM.getLocForStartOfFile(FID), LO, Buf.begin(), Buf.begin() + Begin,
            Buf.end());
  Lex.SetCommentRetentionState(true);
  Token Tok;
  while (true) {
    bool AtEnd = Lex.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof) || SM.getFileOffset(Tok.getLocation()) >= End)
      return;
    Visit(Tok,
          StringRef(SM.getCharacterData(Tok.getLocation()), Tok.getLength()));
    if (AtEnd)
      return;
  }
}

/// Finds the shape of a body and the markers in its messages.
class BodyAnalysis {
public:
  using Marker = StubImplementationCheck::Marker;
  using PhraseFinder = std::function<std::string(StringRef)>;

  BodyAnalysis(ASTContext &Ctx, PhraseFinder FindPhrase)
      : Ctx(Ctx), SM(Ctx.getSourceManager()),
        FindPhrase(std::move(FindPhrase)) {}

  Kind classify(const Stmt *S) {
    if (isa<NullStmt>(S))
      return Kind::Ignorable;
    StringRef Macro = macroNameAt(S->getBeginLoc(), SM, Ctx.getLangOpts());
    if (!Macro.empty()) {
      std::string Found = FindPhrase(Macro);
      // `NOT_IMPLEMENTED();`, `TODO();`: the macro's name says it, and its
      // message (if any) says more.
      if (!Found.empty()) {
        Kind K = isa<Expr>(S) ? classifyExpr(cast<Expr>(S)) : Kind::Report;
        if (K == Kind::Throw || K == Kind::Abort)
          collectMessages(S);
        else if (K == Kind::Other || K == Kind::Ignorable)
          K = Kind::Report;
        noteMessage(Found, S->getBeginLoc());
        return K;
      }
    }
    if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      const Expr *Value = Return->getRetValue();
      if (!Value)
        return Kind::Return;
      if (Value->isValueDependent() || Value->isTypeDependent())
        return isDefaultValue(Value) ? Kind::ReturnDefault : Kind::Other;
      if (isDefaultValue(Value))
        return Kind::ReturnDefault;
      Expr::EvalResult Ignored;
      if (Value->getType()->isIntegralOrEnumerationType() &&
          Value->EvaluateAsInt(Ignored, Ctx))
        return Kind::ReturnConstant;
      return Kind::Other;
    }
    if (const auto *E = dyn_cast<Expr>(S)) {
      Kind K = classifyExpr(E);
      if (K == Kind::Throw)
        if (const auto *Throw = dyn_cast<CXXThrowExpr>(E->IgnoreImplicit()))
          noteThrownType(Throw);
      if (K == Kind::Throw || K == Kind::Abort)
        collectMessages(S);
      if (K == Kind::Other && (isLogging(E) || hasLoggingWord(Macro)))
        return Kind::Log;
      return K;
    }
    // Logging macros expand to `if`/`do` statements.
    if (S->getBeginLoc().isMacroID() && isa<IfStmt, DoStmt, WhileStmt>(S) &&
        !containsReturn(S)) {
      if (collectMessages(S))
        return Kind::Report;
      if (hasLoggingWord(Macro))
        return Kind::Log;
    }
    return Kind::Other;
  }

  /// The first marker found in a message, if any.
  std::optional<Marker> Message;

private:
  Kind classifyExpr(const Expr *E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (isa<CXXThrowExpr>(E))
      return Kind::Throw;
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
      if (Cast->getType()->isVoidType()) {
        const Expr *Sub = Cast->getSubExpr()->IgnoreParenImpCasts();
        if (Sub->isValueDependent() || !Sub->HasSideEffects(Ctx))
          return Kind::Ignorable;
        return classifyExpr(Sub);
      }
    if (const auto *Cond = dyn_cast<ConditionalOperator>(E)) {
      // An assert: `cond ? void(0) : __assert_fail(...)`.
      bool Value;
      if (!Cond->getCond()->isValueDependent() &&
          Cond->getCond()->EvaluateAsBooleanCondition(Value, Ctx))
        return classifyExpr(Value ? Cond->getTrueExpr() : Cond->getFalseExpr());
    }
    if (const auto *Op = dyn_cast<BinaryOperator>(E)) {
      if (Op->getOpcode() == BO_Comma) {
        Kind L = classifyExpr(Op->getLHS());
        Kind R = classifyExpr(Op->getRHS());
        if (L == Kind::Throw || L == Kind::Abort)
          return L;
        if (R == Kind::Throw || R == Kind::Abort)
          return R;
        if (L == Kind::Other || R == Kind::Other)
          return Kind::Other;
        return L == Kind::Report || R == Kind::Report ? Kind::Report
                                                      : Kind::Ignorable;
      }
      // Another assert: `(void)(cond || (fail(...), 0))`.
      bool Value;
      if (Op->isLogicalOp() && !Op->getLHS()->isValueDependent() &&
          Op->getLHS()->EvaluateAsBooleanCondition(Value, Ctx)) {
        if (Value == (Op->getOpcode() == BO_LOr))
          return Kind::Ignorable;
        return classifyExpr(Op->getRHS());
      }
    }
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (Callee->isNoReturn())
          return Kind::Abort;
    if ((isa<CallExpr>(E) || isa<CXXConstructExpr>(E)) && collectMessages(E))
      return Kind::Report;
    return Kind::Other;
  }

  /// True when an identifier names printing or logging (`fprintf`,
  /// `LOG_WARN`, `qWarning`, `logger`, `spdlog::info`).
  static bool hasLoggingWord(StringRef Name) {
    static const llvm::StringSet<> Words = {
        "log",    "logger",  "logging", "print", "printf", "fprintf",
        "puts",   "warn",    "warning", "trace", "debug",  "info",
        "notice", "verbose", "cout",    "cerr",  "clog",   "perror"};
    return llvm::any_of(utils::splitIdentifier(Name),
                        [](const std::string &W) { return Words.contains(W); });
  }

  /// `fprintf(stderr, ...)`, `logger->warn(...)`, `std::cerr << ...`.
  static bool isLogging(const Expr *E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    // The stream at the start of a `<<` chain.
    while (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (Op->getOperator() != OO_LessLess || Op->getNumArgs() != 2)
        return false;
      E = Op->getArg(0)->IgnoreImplicit()->IgnoreParens();
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return Ref->getDecl()->getDeclName().isIdentifier() &&
             hasLoggingWord(utils::identifierOf(Ref->getDecl()));
    const auto *Call = dyn_cast<CallExpr>(E);
    if (!Call)
      return false;
    if (const auto *Callee = Call->getDirectCallee())
      if (Callee->getDeclName().isIdentifier() &&
          hasLoggingWord(utils::identifierOf(Callee)))
        return true;
    // `logger.warn(...)`, `LogMessage(...).stream()`.
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      if (const auto *Record = Member->getRecordDecl())
        return Record->getDeclName().isIdentifier() &&
               hasLoggingWord(Record->getName());
    return false;
  }

  /// True when a string literal under \p S has a space: a sentence, not a
  /// name such as "Logger::flush".
  static bool hasProse(const Stmt *S) {
    if (const auto *Literal = dyn_cast<StringLiteral>(S))
      return Literal->getCharByteWidth() == 1 &&
             Literal->getString().trim().contains(' ');
    for (const Stmt *Child : S->children())
      if (Child && !isa<PredefinedExpr>(Child) && hasProse(Child))
        return true;
    return false;
  }

  static bool containsReturn(const Stmt *S) {
    if (isa<ReturnStmt>(S))
      return true;
    for (const Stmt *Child : S->children())
      if (Child && containsReturn(Child))
        return true;
    return false;
  }

  /// Records the first marker in the string literals under \p S; true when
  /// one was found there.
  bool collectMessages(const Stmt *S) {
    if (isa<PredefinedExpr>(S))
      return false; // __func__ and __PRETTY_FUNCTION__
    if (const auto *Literal = dyn_cast<StringLiteral>(S)) {
      if (Literal->getCharByteWidth() != 1 ||
          Literal->getLength() > MaxMessageLength)
        return false;
      // A predefined macro such as __FILE__ can expand to a file name that
      // contains a stub phrase; it is no message. getImmediateMacroName()
      // reads an expansion record, which a file location does not have.
      if (Literal->getBeginLoc().isMacroID()) {
        StringRef Macro = Lexer::getImmediateMacroName(Literal->getBeginLoc(),
                                                       SM, Ctx.getLangOpts());
        if (compat::startsWith(Macro, "__") && compat::endsWith(Macro, "__"))
          return false;
      }
      if (FindPhrase(Literal->getString()).empty())
        return false;
      if (!Message)
        Message = Marker{Literal->getString().trim().str(),
                         Literal->getBeginLoc(), true, false, true};
      return true;
    }
    bool Found = false;
    for (const Stmt *Child : S->children())
      if (Child)
        Found |= collectMessages(Child);
    return Found;
  }

  void noteMessage(StringRef Text, SourceLocation Loc) {
    if (!Message)
      Message = Marker{Text.str(), Loc, true, false, true};
  }

  /// `throw NotImplementedError();`: the type says it, unless a message
  /// says more: `throw NotImplementedException("this buffer cannot grow")`
  /// is a deliberate refusal that happens to use that type.
  void noteThrownType(const CXXThrowExpr *Throw) {
    if (Message || !Throw->getSubExpr() || hasProse(Throw->getSubExpr()))
      return;
    const auto *Record = Throw->getSubExpr()->getType()->getAsCXXRecordDecl();
    if (!Record || !Record->getDeclName().isIdentifier())
      return;
    // "NotImplementedError" is one word to the phrase finder; split it.
    std::string Words;
    for (const std::string &Word : utils::splitIdentifier(Record->getName()))
      Words += Word + " ";
    if (!FindPhrase(Words).empty())
      Message = Marker{Record->getName().str(), Throw->getBeginLoc(), true,
                       true, true};
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  PhraseFinder FindPhrase;
};

/// Records the ranges of code that conditional compilation skipped.
class SkippedRangeCollector : public PPCallbacks {
public:
  explicit SkippedRangeCollector(std::vector<SourceRange> &Ranges)
      : Ranges(Ranges) {}
  void SourceRangeSkipped(SourceRange Range, SourceLocation) override {
    Ranges.push_back(Range);
  }

private:
  std::vector<SourceRange> &Ranges;
};

} // namespace

StubImplementationCheck::StubImplementationCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Markers(utils::parseList(Options.get("Markers", DefaultMarkers))),
      CommentTags(
          utils::parseList(Options.get("CommentTags", DefaultCommentTags))),
      CheckCommentMarkers(
          utils::readBool(Options, "CheckCommentMarkers", true)) {}

void StubImplementationCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Markers", utils::joinList(Markers));
  Options.store(Opts, "CommentTags", utils::joinList(CommentTags));
  utils::storeBool(Options, Opts, "CheckCommentMarkers", CheckCommentMarkers);
}

std::string StubImplementationCheck::findPhrase(StringRef Text) const {
  for (const std::string &Phrase : Markers)
    if (auto Found = findWords(Text, Phrase))
      return Found->str();
  // In a message a tag counts in any case: "todo", "Fixme".
  for (const std::string &Tag : CommentTags)
    if (auto Found = findWords(Text, Tag))
      return Found->str();
  return {};
}

std::optional<StubImplementationCheck::Marker>
StubImplementationCheck::findCommentMarker(StringRef Text) const {
  for (const std::string &Phrase : Markers)
    if (auto Found = findWords(Text, Phrase))
      return Marker{Found->str(), {}, false, false, /*Strong=*/true};
  // In prose "todo" is a word; as a tag it is upper case (TODO), or written
  // `todo:`, `todo(name)`, `\todo`, `@todo`.
  for (size_t I = 0; I < Text.size();) {
    if (!llvm::isAlnum(Text[I])) {
      ++I;
      continue;
    }
    size_t End = I;
    while (End < Text.size() && llvm::isAlnum(Text[End]))
      ++End;
    StringRef Word = Text.slice(I, End);
    char Before = I > 0 ? Text[I - 1] : ' ';
    char After = End < Text.size() ? Text[End] : ' ';
    for (const std::string &Tag : CommentTags)
      if (Word == Tag ||
          (Word.equals_insensitive(Tag) &&
           (After == ':' || After == '(' || Before == '\\' || Before == '@')))
        return Marker{
            Word.str(),
            {},
            false,
            false,
            compat::containsInsensitive(Text.substr(End), "implement")};
    I = End;
  }
  return std::nullopt;
}

void StubImplementationCheck::registerPPCallbacks(
    const SourceManager &SM, Preprocessor *PP, Preprocessor *ModuleExpanderPP) {
  SkippedRanges.clear();
  PP->addPPCallbacks(std::make_unique<SkippedRangeCollector>(SkippedRanges));
}

void StubImplementationCheck::registerMatchers(MatchFinder *Finder) {
  utils::limitTraversalToProject(Finder);
  Finder->addMatcher(
      functionDecl(isDefinition(), hasBody(compoundStmt()),
                   unless(isImplicit()), unless(isDefaulted()),
                   unless(isDeleted()),
                   unless(ast_matchers::isTemplateInstantiation()),
                   unless(cxxMethodDecl(ofClass(cxxRecordDecl(isLambda())))),
                   unless(isExpansionInSystemHeader()))
          .bind("fn"),
      this);
}

void StubImplementationCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *F = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  const auto *Body = dyn_cast_or_null<CompoundStmt>(F->getBody());
  if (!Body)
    return;
  // A constructor that initialises members does work.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(F))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten())
        return;
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  const LangOptions &LO = Ctx.getLangOpts();

  BodyAnalysis Analysis(Ctx, [this](StringRef T) { return findPhrase(T); });
  Kind Terminal = Kind::Ignorable; // the first Throw or Abort
  Kind Returned = Kind::Ignorable;
  bool Reports = false;
  bool Logs = false;
  auto ParamRef = declRefExpr(to(parmVarDecl(hasDeclContext(equalsNode(F)))));
  for (const Stmt *S : Body->body()) {
    Kind K = Analysis.classify(S);
    if (K == Kind::Ignorable)
      continue;
    if (Returned != Kind::Ignorable || K == Kind::Other)
      return;
    // `void fail(const std::string &What) { throw NotImplemented(What); }`
    // is a helper that stubs call; a stub ignores its parameters.
    if (!match(findAll(ParamRef), *S, Ctx).empty())
      return;
    switch (K) {
    case Kind::Report:
    case Kind::Log:
      if (Terminal != Kind::Ignorable)
        return;
      (K == Kind::Report ? Reports : Logs) = true;
      break;
    case Kind::Throw:
    case Kind::Abort:
      if (Terminal == Kind::Ignorable)
        Terminal = K;
      break;
    default: // the returns
      Returned = K;
      break;
    }
  }

  // Markers in comments above, inside or around the definition, and strings
  // in the body's text that the preprocessor removed, such as the message
  // of a disabled `assert(!"TODO")`. Strings the AST still has were judged
  // above with the statements they belong to.
  llvm::DenseSet<unsigned> LiveStrings;
  for (const auto &Found :
       match(findAll(stringLiteral().bind("s")), *Body, Ctx)) {
    const auto *Literal = Found.getNodeAs<StringLiteral>("s");
    for (unsigned I = 0; I < Literal->getNumConcatenated(); ++I) {
      // Only strings spelled in a file: a #name string's offset is in the
      // <scratch space> and would shadow an unrelated offset of this file.
      SourceLocation Spelled = SM.getSpellingLoc(Literal->getStrTokenLoc(I));
      if (auto Offset = utils::fileOffset(SM, Spelled))
        if (SM.getFileEntryForID(SM.getFileID(Spelled)))
          LiveStrings.insert(*Offset);
    }
  }
  std::optional<Marker> Comment;
  std::optional<Marker> Text;
  auto IsSkipped = [&](SourceLocation Loc) {
    return llvm::any_of(SkippedRanges, [&](SourceRange R) {
      return !SM.isBeforeInTranslationUnit(Loc, R.getBegin()) &&
             SM.isBeforeInTranslationUnit(Loc, R.getEnd());
    });
  };
  auto Scan = [&](SourceLocation From, SourceLocation To, bool Strings) {
    if (From.isMacroID() || To.isMacroID() || !From.isValid() ||
        SM.getFileID(From) != SM.getFileID(To))
      return;
    FileID FID = SM.getFileID(From);
    unsigned Begin = SM.getFileOffset(From);
    Begin = precedingCommentStart(SM.getBufferData(FID), Begin);
    unsigned BodyBegin =
        SM.getFileOffset(SM.getExpansionLoc(Body->getBeginLoc()));
    lexRange(
        SM, LO, FID, Begin, SM.getFileOffset(To) + 1,
        [&](const Token &Tok, StringRef Spelling) {
          if (IsSkipped(Tok.getLocation()))
            return;
          if (Tok.is(tok::comment) && (!Comment || !Comment->Strong)) {
            // The first strong marker, else the first marker.
            if (auto Found = findCommentMarker(Spelling))
              if (!Comment || Found->Strong) {
                Comment = Found;
                Comment->Loc = Tok.getLocation();
              }
          } else if (Strings && !Text && tok::isStringLiteral(Tok.getKind()) &&
                     SM.getFileOffset(Tok.getLocation()) >= BodyBegin &&
                     Spelling.size() <= MaxMessageLength &&
                     !LiveStrings.count(SM.getFileOffset(Tok.getLocation()))) {
            std::string Found = findPhrase(Spelling);
            if (!Found.empty())
              Text = Marker{Found, Tok.getLocation(), true, false, true};
          }
        });
  };
  if (CheckCommentMarkers || Terminal != Kind::Ignorable) {
    for (const FunctionDecl *Redecl : F->redecls()) {
      if (Redecl == F || utils::isInSystemHeader(SM, Redecl->getLocation()))
        continue;
      SourceLocation Begin = Redecl->getOuterLocStart();
      Scan(Begin, Begin, /*Strings=*/false);
    }
    Scan(F->getOuterLocStart(), Body->getEndLoc(), /*Strings=*/true);
  }

  std::string Action;
  const std::optional<Marker> *Used = &Analysis.Message;
  if (Terminal != Kind::Ignorable) {
    if (!Analysis.Message)
      Used = Comment ? &Comment : &Text;
    Action = Terminal == Kind::Throw ? "only throws" : "only aborts";
  } else if (Reports) {
    Action = "only reports";
  } else if (Returned != Kind::ReturnConstant && CheckCommentMarkers) {
    Used = Comment ? &Comment : &Text;
    // A bare TODO above `log("saving"); return false;` may be about the
    // log; "TODO: implement" is about the function.
    if (Logs && *Used && !(*Used)->Strong)
      return;
    if (Logs)
      Action = Returned == Kind::ReturnDefault
                   ? "only logs and returns a default value"
                   : "only logs";
    else
      Action = Returned == Kind::ReturnDefault ? "only returns a default value"
                                               : "does nothing";
  }
  if (Action.empty() || !*Used)
    return;
  const Marker &M = **Used;

  std::string Marked;
  if (M.IsTypeName) {
    Marked = " '" + M.Text + "'";
  } else if (Used == &Analysis.Message) {
    // A stringified assert, `false && "TODO: write it"`, shows its string.
    StringRef Quoted = M.Text;
    size_t Open = Quoted.find('"');
    size_t Close = Quoted.rfind('"');
    if (Open != StringRef::npos && Close > Open + 1)
      Quoted = Quoted.slice(Open + 1, Close);
    std::string Shown =
        Quoted.size() > 60 ? Quoted.substr(0, 57).str() + "..." : Quoted.str();
    Marked = (Terminal == Kind::Abort ? " with \"" : " \"") + Shown + "\"";
  } else {
    Marked = " and is marked '" + M.Text + "'";
  }
  // The version of the function that conditional compilation chose where a
  // platform or configuration lacks a feature (`#ifdef HAVE_MLOCKALL ...
  // #else warn(...) #endif`, a "stub for non-Mac systems" after the `#if`
  // that defines the real one) is a fallback, not unfinished code. Throwing
  // and aborting stubs are still reported: they fail where they run.
  if (Terminal == Kind::Ignorable && isConfigurationFallback(*F, *Body, SM))
    return;
  SourceLocation Loc = SM.getExpansionLoc(F->getLocation());
  diag(Loc, "'%0' is a stub that %1%2; implement it or remove it before "
            "release")
      << F->getNameAsString() << Action << Marked;
  if (!M.InMessage &&
      SM.getExpansionLineNumber(M.Loc) != SM.getExpansionLineNumber(Loc))
    diag(M.Loc, "marked '%0' here", DiagnosticIDs::Note) << M.Text;
}

bool StubImplementationCheck::isConfigurationFallback(
    const FunctionDecl &F, const Stmt &Body, const SourceManager &SM) const {
  SourceLocation Begin = SM.getExpansionLoc(F.getOuterLocStart());
  SourceLocation End = SM.getExpansionLoc(Body.getEndLoc());
  FileID FID = SM.getFileID(Begin);
  if (FID != SM.getFileID(End))
    return false;
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return false;
  StringRef Name = F.getDeclName().isIdentifier() ? F.getName() : StringRef();
  for (SourceRange R : SkippedRanges) {
    SourceLocation RB = R.getBegin();
    if (SM.getFileID(RB) != FID)
      continue;
    // Skipped code inside the definition: `#ifdef HAVE_X real #else stub`.
    if (!SM.isBeforeInTranslationUnit(RB, Begin) &&
        SM.isBeforeInTranslationUnit(RB, End))
      return true;
    if (Name.empty())
      continue;
    // A definition of the same name in a skipped branch: the name, an
    // argument list, then a body before any `;` (not a call or prototype).
    unsigned From = SM.getFileOffset(RB);
    unsigned To = std::min<size_t>(SM.getFileOffset(R.getEnd()), Buffer.size());
    if (From >= To)
      continue;
    StringRef Text = Buffer.slice(From, To);
    for (size_t Pos = Text.find(Name); Pos != StringRef::npos;
         Pos = Text.find(Name, Pos + 1)) {
      if (Pos > 0 && utils::isIdentifierChar(Text[Pos - 1]))
        continue;
      StringRef After = Text.drop_front(Pos + Name.size());
      if (After.empty() || utils::isIdentifierChar(After.front()))
        continue;
      if (!compat::startsWith(After.ltrim(" \t"), "("))
        continue;
      size_t Stop = After.find_first_of(";{");
      if (Stop != StringRef::npos && After[Stop] == '{')
        return true;
    }
  }
  return false;
}

} // namespace clang::tidy::exitbar

// CommandInjectionCheck.cpp - flags shell commands built from untrusted input
// SPDX-License-Identifier: Apache-2.0

#include "CommandInjectionCheck.h"
#include "utils/Callee.h"
#include "utils/IdentifierWords.h"
#include "utils/OptionUtils.h"
#include "utils/ProjectScope.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::exitbar {
namespace {

/// The models' sinks this check looks at (checks/models/*.json): commands,
/// and writes that may go to a command's standard input.
constexpr llvm::StringLiteral CommandSinks = "command";
constexpr llvm::StringLiteral CommandInputSinks = "command-input";

/// True for programs that run their "-c" (cmd.exe: "/c") argument as a
/// shell script.
bool isShell(StringRef Program) {
  StringRef Base = Program.substr(Program.find_last_of("/\\") + 1);
  std::string Lower = Base.lower();
  StringRef Name(Lower);
  Name.consume_back(".exe");
  return llvm::StringSwitch<bool>(Name)
      .Cases("sh", "bash", "dash", "zsh", "ksh", "ash", true)
      .Cases("csh", "tcsh", "mksh", "fish", "busybox", true)
      .Cases("cmd", "powershell", "pwsh", true)
      .Default(false);
}

/// True for "-c" and combined flags that include it ("-ec", "-lc"), and for
/// cmd.exe's "/c" and "/k".
bool isCommandFlag(StringRef Arg) {
  if (Arg.equals_insensitive("/c") || Arg.equals_insensitive("/k") ||
      Arg.equals_insensitive("-command"))
    return true;
  if (Arg.size() < 2 || Arg[0] != '-' || Arg[1] == '-')
    return false;
  return Arg.drop_front().contains('c') &&
         llvm::all_of(Arg.drop_front(),
                      [](char C) { return llvm::isAlpha(C); });
}

/// The string an expression spells, if it is a literal; wide literals
/// (`L"cmd.exe"`) when they are plain ASCII.
std::optional<std::string> literalText(const Expr *E) {
  const auto *S = dyn_cast_or_null<StringLiteral>(taint::stripWrappers(E));
  if (!S)
    return std::nullopt;
  if (S->getCharByteWidth() == 1)
    return S->getString().str();
  std::string Text;
  for (unsigned I = 0; I < S->getLength(); ++I) {
    uint32_t Unit = S->getCodeUnit(I);
    if (Unit == 0 || Unit > 0x7f)
      return std::nullopt;
    Text.push_back(static_cast<char>(Unit));
  }
  return Text;
}

bool isNullElement(const Expr *E) {
  E = taint::stripWrappers(E);
  if (isa<CXXNullPtrLiteralExpr, GNUNullExpr>(E))
    return true;
  if (const auto *I = dyn_cast<IntegerLiteral>(E))
    return I->getValue() == 0;
  return false;
}

/// True for parameters whose name says they hold a whole command or
/// program (`cmd`, `command`, `shellCmd`, `script`, `program`).
bool namesACommand(const ParmVarDecl &P) {
  static const std::vector<std::string> Phrases = {
      "cmd",    "command", "cmdline", "command line",
      "script", "shell",   "program", "prog"};
  return !utils::firstPhraseIn(P.getName(), Phrases).empty();
}

/// True when the data reaches the sink from a parameter without being joined
/// with any other text (`system(cmd)`, `execv(argv[0], argv)`, `char *c =
/// *cmdPtr; popen(c, "r")`), or from a parameter that is a command by name
/// (`popen(("cat f | " + cmd).c_str(), "r")`): the function runs what its
/// caller gives it, and the callers are where commands get built.
bool isForwardedParameter(const taint::Trace &T) {
  if (T.Source.K != taint::Origin::Kind::Parameter || T.Source.Remote)
    return false;
  return !T.Combined || (T.Source.Param && namesACommand(*T.Source.Param));
}

/// \p Message as clang prints it with \p Callee for its "%0".
std::string withCallee(StringRef Message, StringRef Callee) {
  std::string Text = Message.str();
  if (size_t At = Text.find("%0"); At != std::string::npos)
    Text.replace(At, 2, Callee.str());
  return Text;
}

} // namespace

CommandInjectionCheck::CommandInjectionCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ParameterPolicy(
          llvm::StringRef(Options.get("Parameters", "all")).trim().lower()),
      Shared(taint::TaintOptions::read(Options)),
      FlagForwardedParameters(
          utils::readBool(Options, "FlagForwardedParameters", false)),
      Taint([&] {
        std::string Error;
        taint::Config C = Shared.config("command", Error);
        if (!Error.empty())
          configurationDiag("%0: %1", DiagnosticIDs::Error) << Name << Error;
        C.ParameterPolicy =
            llvm::StringSwitch<taint::Config::Parameters>(ParameterPolicy)
                .Case("named", taint::Config::Parameters::Named)
                .Case("none", taint::Config::Parameters::None)
                .Default(taint::Config::Parameters::All);
        return C;
      }()),
      Summaries(Name) {}

void CommandInjectionCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Parameters", ParameterPolicy);
  Shared.store(Options, Opts);
  utils::storeBool(Options, Opts, "FlagForwardedParameters",
                   FlagForwardedParameters);
}

void CommandInjectionCheck::registerMatchers(MatchFinder *Finder) {
  utils::limitTraversalToProject(Finder);
  // The models' command sinks by their last name component, which keeps
  // the matcher cheap; check() keeps the ones the models mean (the C
  // library's `system`, not a project's own `Shell::system`).
  std::vector<std::string> Names =
      Taint.config().Models->sinkNames(CommandSinks);
  std::vector<StringRef> NameRefs(Names.begin(), Names.end());
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName(NameRefs)).bind("sink")),
               unless(isExpansionInSystemHeader()))
          .bind("call"),
      this);
  // The same functions through a pointer or a macro over one (see
  // utils/Callee.h).
  Finder->addMatcher(callExpr(unless(callee(functionDecl())),
                              unless(isExpansionInSystemHeader()))
                         .bind("indirect"),
                     this);
  // Writes to a stream, which matter when the stream is a pipe to a
  // command (checkCommandInput).
  std::vector<std::string> Writers =
      Taint.config().Models->sinkNames(CommandInputSinks);
  std::vector<StringRef> WriterRefs(Writers.begin(), Writers.end());
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName(WriterRefs)).bind("writer")),
               unless(isExpansionInSystemHeader()))
          .bind("write"),
      this);
  // What the summaries that link flows across units need.
  Summaries.registerMatchers(Finder, this);
}

void CommandInjectionCheck::check(const MatchFinder::MatchResult &Result) {
  if (Summaries.record(Taint, Result))
    return;
  if (const auto *Write = Result.Nodes.getNodeAs<CallExpr>("write")) {
    checkCommandInput(*Write, *Result.Nodes.getNodeAs<FunctionDecl>("writer"),
                      *Result.Context);
    return;
  }
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const taint::ModelSet &Models = *Taint.config().Models;
  std::string Name;
  const taint::FunctionModel *Model = nullptr;
  if (const auto *Sink = Result.Nodes.getNodeAs<FunctionDecl>("sink")) {
    Name = Sink->getName().str();
    Model = Models.find(Sink);
  } else if ((Call = Result.Nodes.getNodeAs<CallExpr>("indirect"))) {
    Name = utils::calledApiName(*Call, *Result.Context);
    Model = Name.empty() ? nullptr : Models.find(Name);
  }
  const taint::SinkModel *Spec = Model ? Model->sink(CommandSinks) : nullptr;
  if (!Call || !Spec || Call->getNumArgs() == 0)
    return;
  ASTContext &Ctx = *Result.Context;
  const FunctionDecl *Fn = taint::enclosingFunction(*Call, Ctx);
  if (!Fn)
    return;
  const SourceManager &SM = *Result.SourceManager;

  // Reports what reaches \p Arg here; true when it did. Whatever the unit
  // knows, the parameters that reach it are summarised for the callers
  // other units have.
  auto Examine = [&](const Expr *Arg, StringRef Message, StringRef Subject) {
    Summaries.recordSink(Taint, *Call, *Arg, *Fn, withCallee(Message, Name),
                         /*NeedsRemoteOrAppended=*/false, Ctx);
    auto T = Taint.find(*Arg, *Fn, Ctx, Call);
    if (!T || (!FlagForwardedParameters && isForwardedParameter(*T)))
      return false;
    report(*Call, Name, *Arg, *T, Message, Subject, SM);
    return true;
  };

  if (Spec->Program < 0) {
    // system, popen: the arguments are shell command lines.
    for (unsigned Index : Spec->Arguments)
      if (Index < Call->getNumArgs() &&
          Examine(Call->getArg(Index),
                  "'%0' runs a shell command built from untrusted input; "
                  "validate the input against an allow-list, or run a fixed "
                  "program with execv/posix_spawn and pass the input as an "
                  "argument",
                  "the command"))
        return;
    return;
  }
  unsigned Program = static_cast<unsigned>(Spec->Program);
  if (Program >= Call->getNumArgs())
    return;
  if (Examine(Call->getArg(Program),
              "'%0' runs a program named by untrusted input; run a fixed "
              "program or check the name against an allow-list",
              "the program"))
    return;
  // A fixed shell with untrusted input after "-c" is system() again; untrusted
  // arguments to any other fixed program are not parsed by a shell.
  if (const Expr *Script = shellCommand(*Call, *Spec, *Fn, Ctx))
    Examine(Script,
            "'%0' passes untrusted input to a shell as its command; run a "
            "fixed program and pass the input as a separate argument",
            "the command");
}

std::string CommandInjectionCheck::commandReading(const Expr &Stream,
                                                  const CallExpr &Write,
                                                  const FunctionDecl &Fn,
                                                  ASTContext &Ctx) {
  const Expr *E = taint::stripWrappers(&Stream);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
      if (const Expr *Value = Taint.lastAssignedValue(*V, Write, Fn, Ctx))
        E = taint::stripWrappers(Value);
  const auto *Open = dyn_cast_or_null<CallExpr>(E);
  if (!Open || Open->getNumArgs() < 2)
    return "";
  std::string Name;
  if (const FunctionDecl *Callee = Open->getDirectCallee())
    Name = Callee->getName().str();
  else
    Name = utils::calledApiName(*Open, Ctx);
  const taint::FunctionModel *Model =
      Name.empty() ? nullptr : Taint.config().Models->find(Name);
  const taint::SinkModel *Runs = Model ? Model->sink(CommandSinks) : nullptr;
  // popen(command, mode): a shell command with a mode; "w" pipes into it.
  auto Mode = literalText(Open->getArg(1));
  if (!Runs || Runs->Program >= 0 || !Mode ||
      Mode->find('w') == std::string::npos)
    return "";
  return Name;
}

void CommandInjectionCheck::checkCommandInput(const CallExpr &Write,
                                              const FunctionDecl &Writer,
                                              ASTContext &Ctx) {
  const taint::FunctionModel *Model = Taint.config().Models->find(&Writer);
  const taint::SinkModel *Spec =
      Model ? Model->sink(CommandInputSinks) : nullptr;
  if (!Spec || Spec->Stream < 0 ||
      static_cast<unsigned>(Spec->Stream) >= Write.getNumArgs())
    return;
  const FunctionDecl *Fn = taint::enclosingFunction(Write, Ctx);
  if (!Fn)
    return;
  std::string Command = commandReading(
      *Write.getArg(static_cast<unsigned>(Spec->Stream)), Write, *Fn, Ctx);
  if (Command.empty())
    return;
  llvm::SmallVector<unsigned, 8> Data(Spec->Arguments.begin(),
                                      Spec->Arguments.end());
  if (Spec->Rest && !Data.empty())
    for (unsigned I = Data.back() + 1; I < Write.getNumArgs(); ++I)
      Data.push_back(I);
  // The command reads its input as lines of its own language (xauth's
  // "add" lines in CVE-2016-3115, sendmail's headers): a newline in the
  // data starts a line the data's sender wrote.
  std::string Message =
      "'%0' writes untrusted input to the standard input of the command '" +
      Command +
      "' started, which reads it as commands or headers of its own; reject "
      "newlines and other control characters in the input, or check it "
      "against an allow-list";
  std::string Name = Writer.getName().str();
  for (unsigned Index : Data) {
    if (Index >= Write.getNumArgs())
      continue;
    const Expr *Arg = Write.getArg(Index);
    Summaries.recordSink(Taint, Write, *Arg, *Fn, withCallee(Message, Name),
                         /*NeedsRemoteOrAppended=*/false, Ctx);
    auto T = Taint.find(*Arg, *Fn, Ctx, &Write, /*LineBreaksSuffice=*/true);
    if (!T || (!FlagForwardedParameters && isForwardedParameter(*T)))
      continue;
    report(Write, Name, *Arg, *T, Message, "the input", Ctx.getSourceManager());
    return;
  }
}

const Expr *CommandInjectionCheck::shellCommand(const CallExpr &Call,
                                                const taint::SinkModel &Exec,
                                                const FunctionDecl &Fn,
                                                ASTContext &Ctx) {
  if (Exec.Program < 0 || Exec.Argv < 0 ||
      static_cast<unsigned>(Exec.Argv) >= Call.getNumArgs())
    return nullptr;
  unsigned ProgramIndex = static_cast<unsigned>(Exec.Program);
  // The literal a constant-initialised variable holds (`const char *sh =
  // "/bin/sh"`) counts as the program too.
  auto Text = [&](const Expr *E) -> std::optional<std::string> {
    if (auto Lit = literalText(E))
      return Lit;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(taint::stripWrappers(E)))
      if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
        if (const Expr *Value = Taint.lastAssignedValue(*V, Call, Fn, Ctx))
          return literalText(Value);
    return std::nullopt;
  };

  llvm::SmallVector<const Expr *, 8> Elements;
  const Expr *Array = nullptr;
  if (Exec.List) {
    for (unsigned I = Exec.Argv; I < Call.getNumArgs(); ++I)
      Elements.push_back(Call.getArg(I));
  } else {
    // `char *args[] = {"sh", "-c", cmd, NULL}`, or a vector of them.
    const Expr *E = taint::stripWrappers(Call.getArg(Exec.Argv));
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
      E = taint::stripWrappers(Member->getImplicitObjectArgument());
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!V)
      return nullptr;
    Array = Ref;
    const Expr *Init = Taint.lastAssignedValue(*V, Call, Fn, Ctx);
    Init = Init ? taint::stripWrappers(Init) : nullptr;
    if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Init))
      if (Construct->getNumArgs() >= 1)
        Init = taint::stripWrappers(Construct->getArg(0));
    if (const auto *List = dyn_cast_or_null<CXXStdInitializerListExpr>(Init))
      Init = taint::stripWrappers(List->getSubExpr());
    const auto *InitList = dyn_cast_or_null<InitListExpr>(Init);
    if (!InitList)
      return nullptr;
    for (const Expr *Element : InitList->inits())
      Elements.push_back(Element);
  }
  if (Elements.empty())
    return nullptr;

  auto Program = Text(Call.getArg(ProgramIndex));
  auto Argv0 = Text(Elements.front());
  if (!(Program && isShell(*Program)) && !(Argv0 && isShell(*Argv0)))
    return nullptr;
  for (size_t I = 1; I < Elements.size(); ++I) {
    auto Flag = literalText(Elements[I]);
    if (!Flag || !isCommandFlag(*Flag))
      continue;
    // The script is the next element; when the initializer leaves it empty
    // (`args[2] = cmd;` later), look at the whole array.
    if (I + 1 < Elements.size() && !isNullElement(Elements[I + 1]))
      return Elements[I + 1];
    return Array;
  }
  return nullptr;
}

void CommandInjectionCheck::report(const CallExpr &Call, StringRef Callee,
                                   const Expr &Arg, const taint::Trace &T,
                                   StringRef Message, StringRef Subject,
                                   const SourceManager &SM) {
  diag(SM.getExpansionLoc(Call.getBeginLoc()), Message)
      << Callee << Arg.getSourceRange();
  const VarDecl *Via = T.Chain.empty() ? nullptr : T.Chain.front();
  if (Via && Via != T.Source.Param)
    diag(SM.getExpansionLoc(T.Source.Loc), "'%0' comes from %1",
         DiagnosticIDs::Note)
        << Via->getName() << taint::describeOrigin(T.Source);
  else
    diag(SM.getExpansionLoc(T.Source.Loc), "%0 comes from %1",
         DiagnosticIDs::Note)
        << Subject << taint::describeOrigin(T.Source);
  taint::notePath(*this, T, SM);
}

void CommandInjectionCheck::onEndOfTranslationUnit() {
  Summaries.flush();
  Taint.clear();
}

} // namespace clang::tidy::exitbar

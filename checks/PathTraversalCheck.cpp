// PathTraversalCheck.cpp - flags file access through untrusted paths
// SPDX-License-Identifier: Apache-2.0

#include "PathTraversalCheck.h"
#include "utils/Callee.h"
#include "utils/Compat.h"
#include "utils/DeclNames.h"
#include "utils/OptionUtils.h"
#include "utils/ProjectScope.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::exitbar {
namespace {

/// The models' sinks this check looks at (checks/models/*.json).
constexpr llvm::StringLiteral PathSinks = "path";

/// `std::ifstream` for `std::basic_ifstream<char>`: the name users write.
std::string streamName(const CXXRecordDecl *RD) {
  StringRef Name = RD->getName();
  if (Name.consume_front("basic_"))
    return "std::" + Name.str();
  return RD->getQualifiedNameAsString();
}

} // namespace

PathTraversalCheck::PathTraversalCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Shared(taint::TaintOptions::read(Options)),
      FlagLocalWholePaths(
          utils::readBool(Options, "FlagLocalWholePaths", false)),
      Taint([&] {
        std::string Error;
        // The models' path sanitizers (basename, std::filesystem::path's
        // filename) become clean functions: the last component alone cannot
        // leave the directory it is put in.
        taint::Config C = Shared.config(PathSinks, Error);
        if (!Error.empty())
          configurationDiag("%0: %1", DiagnosticIDs::Error) << Name << Error;
        // Ordinary parameters are how programs pass their own paths around;
        // only those named or typed as request data are untrusted.
        C.ParameterPolicy = taint::Config::Parameters::Named;
        return C;
      }()),
      Summaries(Name) {}

void PathTraversalCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Shared.store(Options, Opts);
  utils::storeBool(Options, Opts, "FlagLocalWholePaths", FlagLocalWholePaths);
}

void PathTraversalCheck::registerMatchers(MatchFinder *Finder) {
  utils::limitTraversalToProject(Finder);
  // Unqualified names keep the matchers cheap on every call and
  // construction of the translation unit; check() then keeps the ones the
  // models mean (the C library's, std::filesystem's) and the standard
  // streams' own.
  std::vector<std::string> Names = Taint.config().Models->sinkNames(PathSinks);
  std::vector<StringRef> NameRefs(Names.begin(), Names.end());
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName(NameRefs)).bind("callee")),
               unless(isExpansionInSystemHeader()))
          .bind("call"),
      this);
  // The same functions through a pointer or a macro over one (see
  // utils/Callee.h).
  Finder->addMatcher(callExpr(unless(callee(functionDecl())),
                              unless(isExpansionInSystemHeader()))
                         .bind("indirect"),
                     this);
  auto FileStream = cxxRecordDecl(hasAnyName("basic_ifstream", "basic_ofstream",
                                             "basic_fstream", "basic_filebuf"))
                        .bind("stream");
  Finder->addMatcher(
      cxxConstructExpr(hasDeclaration(cxxConstructorDecl(ofClass(FileStream))),
                       unless(argumentCountIs(0)),
                       unless(isExpansionInSystemHeader()))
          .bind("construct"),
      this);
  Finder->addMatcher(
      cxxMemberCallExpr(
          callee(cxxMethodDecl(hasName("open"), ofClass(FileStream))),
          unless(isExpansionInSystemHeader()))
          .bind("open"),
      this);
  // What the summaries that link flows across units need.
  Summaries.registerMatchers(Finder, this);
}

void PathTraversalCheck::check(const MatchFinder::MatchResult &Result) {
  if (Summaries.record(Taint, Result))
    return;
  if (const auto *Stream = Result.Nodes.getNodeAs<CXXRecordDecl>("stream"))
    if (!Stream->isInStdNamespace())
      return;
  const Expr *Sink = nullptr;
  llvm::SmallVector<const Expr *, 2> Paths;
  std::string Subject;
  StringRef Verb = "opens";

  const auto *Indirect = Result.Nodes.getNodeAs<CallExpr>("indirect");
  if (const auto *Call =
          Indirect ? Indirect : Result.Nodes.getNodeAs<CallExpr>("call")) {
    Sink = Call;
    const taint::ModelSet &Models = *Taint.config().Models;
    const taint::FunctionModel *Model = nullptr;
    if (Indirect) {
      Subject = utils::calledApiName(*Call, *Result.Context);
      Model = Subject.empty() ? nullptr : Models.find(Subject);
    } else {
      const auto *Callee = Result.Nodes.getNodeAs<FunctionDecl>("callee");
      Model = Models.find(Callee);
      const DeclContext *DC = Callee->getDeclContext()->getRedeclContext();
      Subject = DC->isTranslationUnit() ? utils::identifierOf(Callee).str()
                                        : taint::modelName(*Callee);
    }
    const taint::SinkModel *Spec = Model ? Model->sink(PathSinks) : nullptr;
    if (!Spec)
      return;
    Verb = Spec->Action;
    for (unsigned Index : Spec->Arguments)
      if (Index < Call->getNumArgs())
        Paths.push_back(Call->getArg(Index));
  } else if (const auto *Construct =
                 Result.Nodes.getNodeAs<CXXConstructExpr>("construct")) {
    const auto *Ctor = Construct->getConstructor();
    // Only the constructors that take a file name, not copies or moves.
    if (!Ctor || Ctor->isCopyOrMoveConstructor() ||
        !taint::isStringLike(Ctor->getParamDecl(0)->getType()))
      return;
    Sink = Construct;
    Paths.push_back(Construct->getArg(0));
    Subject = streamName(Result.Nodes.getNodeAs<CXXRecordDecl>("stream"));
  } else if (const auto *Open =
                 Result.Nodes.getNodeAs<CXXMemberCallExpr>("open")) {
    if (Open->getNumArgs() == 0)
      return;
    Sink = Open;
    Paths.push_back(Open->getArg(0));
    Subject = streamName(Result.Nodes.getNodeAs<CXXRecordDecl>("stream"));
  }
  if (!Sink)
    return;
  const FunctionDecl *Fn = taint::enclosingFunction(*Sink, *Result.Context);
  if (!Fn)
    return;

  const SourceManager &SM = *Result.SourceManager;
  std::string Message = "'" + Subject + "' " + Verb.str() +
                        " a path built from untrusted input; resolve it with "
                        "realpath or std::filesystem::canonical and check "
                        "that it stays inside the intended directory";
  for (const Expr *Path : Paths)
    Summaries.recordSink(Taint, *Sink, *Path, *Fn, Message,
                         /*NeedsRemoteOrAppended=*/!FlagLocalWholePaths,
                         *Result.Context);
  for (const Expr *Path : Paths) {
    auto T = Taint.find(*Path, *Fn, *Result.Context, Sink);
    // A whole path from the command line, the environment or a local file
    // is how programs are told which file to use; it becomes traversal when
    // it is put under a directory it could climb out of, or when it comes
    // from another party.
    if (!T || !(T->Source.Remote || T->Appended || FlagLocalWholePaths))
      continue;
    diag(SM.getExpansionLoc(Sink->getBeginLoc()),
         "'%0' %1 a path built from untrusted input; resolve it with "
         "realpath or std::filesystem::canonical and check that it stays "
         "inside the intended directory")
        << Subject << Verb << Path->getSourceRange();
    const VarDecl *Via = T->Chain.empty() ? nullptr : T->Chain.front();
    if (Via && Via != T->Source.Param)
      diag(SM.getExpansionLoc(T->Source.Loc), "'%0' comes from %1",
           DiagnosticIDs::Note)
          << Via->getName() << taint::describeOrigin(T->Source);
    else
      diag(SM.getExpansionLoc(T->Source.Loc), "the path comes from %0",
           DiagnosticIDs::Note)
          << taint::describeOrigin(T->Source);
    taint::notePath(*this, *T, SM);
    return;
  }
}

void PathTraversalCheck::onEndOfTranslationUnit() {
  Summaries.flush();
  Taint.clear();
}

} // namespace clang::tidy::exitbar

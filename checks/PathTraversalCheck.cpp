// PathTraversalCheck.cpp - flags file access through untrusted paths
// SPDX-License-Identifier: Apache-2.0

#include "PathTraversalCheck.h"
#include "utils/Compat.h"
#include "utils/OptionUtils.h"
#include "utils/ProjectScope.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::exitbar {
namespace {

/// A file operation: what it does to the file and which arguments are paths.
struct PathSink {
  StringRef Verb;
  llvm::SmallVector<unsigned, 2> Paths;
};

/// The file operations of the C library and POSIX, by name.
std::optional<PathSink> cSink(StringRef Name) {
  return llvm::StringSwitch<std::optional<PathSink>>(Name)
      .Cases("fopen", "fopen64", "freopen", "freopen64", "open",
             PathSink{"opens", {0}})
      .Cases("open64", "opendir", PathSink{"opens", {0}})
      .Cases("openat", "openat64", PathSink{"opens", {1}})
      .Cases("creat", "creat64", "mkdir", PathSink{"creates", {0}})
      .Case("mkdirat", PathSink{"creates", {1}})
      .Cases("unlink", "remove", "rmdir", PathSink{"removes", {0}})
      .Case("unlinkat", PathSink{"removes", {1}})
      .Case("rename", PathSink{"renames", {0, 1}})
      .Cases("renameat", "renameat2", PathSink{"renames", {1, 3}})
      .Cases("truncate", "truncate64", PathSink{"truncates", {0}})
      // The Windows C runtime and the Win32 file API.
      .Cases("_open", "_wopen", "_sopen", "_wsopen", "_wfopen", "_wfreopen",
             PathSink{"opens", {0}})
      .Cases("_fsopen", "_wfsopen", "CreateFileA", "CreateFileW",
             PathSink{"opens", {0}})
      .Cases("_sopen_s", "_wsopen_s", "fopen_s", "_wfopen_s",
             PathSink{"opens", {1}})
      .Cases("_creat", "_wcreat", "_mkdir", "_wmkdir", "CreateDirectoryA",
             "CreateDirectoryW", PathSink{"creates", {0}})
      .Cases("_unlink", "_wunlink", "_wremove", "_rmdir", "_wrmdir",
             PathSink{"removes", {0}})
      .Cases("DeleteFileA", "DeleteFileW", "RemoveDirectoryA",
             "RemoveDirectoryW", PathSink{"removes", {0}})
      .Cases("_wrename", "MoveFileA", "MoveFileW", "MoveFileExA",
             "MoveFileExW", PathSink{"renames", {0, 1}})
      .Cases("CopyFileA", "CopyFileW", PathSink{"copies", {0, 1}})
      .Default(std::nullopt);
}

/// The operations of std::filesystem (and Boost.Filesystem), by name.
std::optional<PathSink> filesystemSink(StringRef Name) {
  return llvm::StringSwitch<std::optional<PathSink>>(Name)
      .Cases("remove", "remove_all", PathSink{"removes", {0}})
      .Case("rename", PathSink{"renames", {0, 1}})
      .Cases("copy", "copy_file", PathSink{"copies", {0, 1}})
      .Cases("create_directory", "create_directories", PathSink{"creates", {0}})
      .Default(std::nullopt);
}

/// True for std::filesystem (std::__fs::filesystem in libc++) and
/// boost::filesystem.
bool isFilesystemNamespace(const DeclContext *DC) {
  const auto *NS = dyn_cast<NamespaceDecl>(DC);
  while (NS && NS->isInline())
    NS = dyn_cast<NamespaceDecl>(NS->getParent());
  if (!NS || NS->getName() != "filesystem")
    return false;
  const auto *Parent = dyn_cast<NamespaceDecl>(NS->getParent());
  if (Parent && Parent->getName() == "__fs")
    Parent = dyn_cast<NamespaceDecl>(Parent->getParent());
  while (Parent && Parent->isInline())
    Parent = dyn_cast<NamespaceDecl>(Parent->getParent());
  return Parent &&
         (Parent->getName() == "std" || Parent->getName() == "boost") &&
         Parent->getParent()->getRedeclContext()->isTranslationUnit();
}

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
    : ClangTidyCheck(Name, Context),
      UntrustedParameters(
          Options.get("UntrustedParameters", taint::DefaultUntrustedParameters)),
      RequestTypes(Options.get("RequestTypes", taint::DefaultRequestTypes)),
      Validators(Options.get("Validators", taint::DefaultValidators)),
      FlagLocalWholePaths(
          utils::readBool(Options, "FlagLocalWholePaths", false)),
      TrustProjectChecks(utils::readBool(Options, "TrustProjectChecks", true)),
      Taint([&] {
        taint::Config C;
        // Ordinary parameters are how programs pass their own paths around;
        // only those named or typed as request data are untrusted.
        C.ParameterPolicy = taint::Config::Parameters::Named;
        C.UntrustedWords = utils::parseList(UntrustedParameters);
        C.RequestTypes = utils::parseList(RequestTypes);
        C.Validators = utils::parseList(Validators);
        C.ProjectFunctionsValidate = TrustProjectChecks;
        // The last component alone cannot leave the directory it is put in.
        C.CleanFunctions = {
            "basename", "__xpg_basename", "g_path_get_basename", "filename",
            "stem",     "extension",      "PathFindFileName*"};
        return C;
      }()),
      Summaries(Name) {}

void PathTraversalCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "UntrustedParameters", UntrustedParameters);
  Options.store(Opts, "RequestTypes", RequestTypes);
  Options.store(Opts, "Validators", Validators);
  utils::storeBool(Options, Opts, "FlagLocalWholePaths", FlagLocalWholePaths);
  utils::storeBool(Options, Opts, "TrustProjectChecks", TrustProjectChecks);
}

void PathTraversalCheck::registerMatchers(MatchFinder *Finder) {
  utils::limitTraversalToProject(Finder);
  // Unqualified names keep the matchers cheap on every call and
  // construction of the translation unit; check() then keeps the C
  // library's, std::filesystem's and the standard streams' own.
  Finder->addMatcher(
      callExpr(
          callee(functionDecl(
                     hasAnyName("fopen", "fopen64", "freopen", "freopen64",
                                "open", "open64", "openat", "openat64", "creat",
                                "creat64", "unlink", "unlinkat", "remove",
                                "rename", "renameat", "renameat2", "mkdir",
                                "mkdirat", "rmdir", "truncate", "truncate64",
                                "opendir", "remove_all", "copy", "copy_file",
                                "create_directory", "create_directories",
                                // The Windows C runtime and Win32.
                                "_open", "_wopen", "_sopen", "_wsopen",
                                "_wfopen", "_wfreopen", "_fsopen", "_wfsopen",
                                "_sopen_s", "_wsopen_s", "fopen_s",
                                "_wfopen_s", "_creat", "_wcreat", "_mkdir",
                                "_wmkdir", "_unlink", "_wunlink", "_wremove",
                                "_rmdir", "_wrmdir", "_wrename", "CreateFileA",
                                "CreateFileW", "CreateDirectoryA",
                                "CreateDirectoryW", "DeleteFileA",
                                "DeleteFileW", "RemoveDirectoryA",
                                "RemoveDirectoryW", "MoveFileA", "MoveFileW",
                                "MoveFileExA", "MoveFileExW", "CopyFileA",
                                "CopyFileW"))
                     .bind("callee")),
          unless(isExpansionInSystemHeader()))
          .bind("call"),
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

  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call")) {
    Sink = Call;
    std::optional<PathSink> Spec;
    const auto *Callee = Result.Nodes.getNodeAs<FunctionDecl>("callee");
    const DeclContext *DC = Callee->getDeclContext()->getRedeclContext();
    if (DC->isTranslationUnit()) {
      Spec = cSink(Callee->getName());
      Subject = Callee->getName().str();
    } else if (isFilesystemNamespace(DC)) {
      Spec = filesystemSink(Callee->getName());
      Subject = Callee->getQualifiedNameAsString();
      // libc++ spells it std::__fs::filesystem; users write std::filesystem.
      if (compat::startsWith(Subject, "std::__fs::"))
        Subject = "std::" + Subject.substr(11);
    }
    if (!Spec)
      return;
    Verb = Spec->Verb;
    for (unsigned Index : Spec->Paths)
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

// CompilePlugin.cpp - the exitbar-* checks inside a Clang compile: a clang
// plugin action that runs clang-tidy's checks on the AST the compiler
// already built, instead of a second parse in a clang-tidy process
// SPDX-License-Identifier: Apache-2.0
//
// Loaded as
//   clang++ -fplugin=libExitBarCompilePlugin-14.so
//     -Xclang -add-plugin -Xclang exitbar
//     -Xclang -plugin-arg-exitbar -Xclang output=<file> ... -c a.cpp
// by `exitbar compile` (tools/libexitbar/collect/CompileChecks.cpp), which
// reads <file>. Modelled on clang-tidy's own plugin (clang-tidy/plugin/
// ClangTidyPlugin.cpp), with three differences:
//  - the diagnostics are not handed to the compiler's diagnostics engine,
//    where -Werror would turn a finding into a failed compile; the gate
//    decides, not the compile;
//  - they are printed exactly as clang-tidy prints them (handleErrors), into
//    the output file, so one reader serves both ways of running the checks;
//    a compile that did not write the file (a compiler cache that replayed
//    the object, a clang that did not load the plugin) did not analyse;
//  - the header filter and the check list come from the launcher, as they
//    come to clang-tidy on its command line; `.clang-tidy` files apply as
//    they do there, and `config=<YAML>` replaces them as clang-tidy's
//    `--config` does (the check suite runs inside the compile that way:
//    lit-tests/utils/check_exitbar_tidy.py --compile-plugin).

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/DynamicLibrary.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <dlfcn.h>
#include <fcntl.h>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace clang::tidy::exitbar {
namespace {

/// \p Path made absolute against the compile's working folder, as
/// clang-tidy names files (it runs in the build folder the compiler ran in).
void makeAbsolute(std::string &Path) {
  if (Path.empty())
    return;
  llvm::SmallString<256> Absolute(Path);
  if (!llvm::sys::fs::make_absolute(Absolute)) {
    llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
    Path = std::string(Absolute.str());
  }
}

/// Prints \p Errors as clang-tidy prints them on its standard output, into
/// the file \p Path. handleErrors writes to llvm::outs() and nowhere else,
/// so standard output is pointed at the file for the call: a compile with
/// -o writes nothing else there. Returns false when the file could not be
/// written.
bool printErrors(std::vector<ClangTidyError> Errors, ClangTidyContext &Context,
                 const std::string &Path) {
  for (ClangTidyError &Error : Errors) {
    makeAbsolute(Error.Message.FilePath);
    for (tooling::DiagnosticMessage &Note : Error.Notes)
      makeAbsolute(Note.FilePath);
  }
  int File =
      ::open(Path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (File < 0)
    return false;
  llvm::outs().flush();
  int Saved = ::dup(STDOUT_FILENO);
  bool Redirected = Saved >= 0 && ::dup2(File, STDOUT_FILENO) >= 0;
  if (Redirected) {
    unsigned WarningsAsErrors = 0;
    handleErrors(Errors, Context, FB_NoFix, WarningsAsErrors,
                 llvm::vfs::getRealFileSystem());
    llvm::outs().flush();
    ::dup2(Saved, STDOUT_FILENO);
  }
  if (Saved >= 0)
    ::close(Saved);
  return ::close(File) == 0 && Redirected;
}

/// Whether the check list \p Checks (clang-tidy's globs, as the launcher
/// and the `.clang-tidy` files give them, merged in that order: a later
/// glob wins) can enable a check of a module other than ExitBar's: a
/// positive glob after the last `-*` that does not start with `exitbar-`
/// or name clang-tidy's built-in `clang-diagnostic-` and `clang-analyzer-`
/// checks. Conservative: `*`, `c*` or `clang-*` count.
bool needsOtherModules(llvm::StringRef Checks) {
  std::vector<llvm::StringRef> Globs;
  llvm::SmallVector<llvm::StringRef, 8> Items;
  Checks.split(Items, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Item : Items) {
    llvm::SmallVector<llvm::StringRef, 2> Lines;
    Item.split(Lines, '\n', -1, /*KeepEmpty=*/false);
    for (llvm::StringRef Glob : Lines)
      if (!(Glob = Glob.trim()).empty())
        Globs.push_back(Glob);
  }
  bool Needed = false;
  for (llvm::StringRef Glob : Globs) {
    if (Glob == "-*")
      Needed = false;
    else if (!Glob.startswith("-") && !Glob.startswith("exitbar-") &&
             !Glob.startswith("clang-diagnostic-") &&
             !Glob.startswith("clang-analyzer-"))
      Needed = true;
  }
  return Needed;
}

/// Loads clang-tidy's other modules (libExitBarTidyModules-<major>.so,
/// beside this plugin) once per process; they register themselves with the
/// module registry of the clang-tidy core in this plugin. An empty string
/// when they are loaded, else why not.
std::string loadOtherModules() {
  static std::string Error = [] {
    Dl_info Self;
    if (!::dladdr(reinterpret_cast<void *>(&needsOtherModules), &Self) ||
        !Self.dli_fname)
      return std::string("cannot find the compile plugin's own path");
    llvm::SmallString<256> Path(Self.dli_fname);
    llvm::sys::path::remove_filename(Path);
    llvm::sys::path::append(Path, "libExitBarTidyModules-" +
                                      std::to_string(LLVM_VERSION_MAJOR) +
                                      ".so");
    std::string Message;
    if (llvm::sys::DynamicLibrary::getPermanentLibrary(Path.c_str(), &Message)
            .isValid())
      return std::string();
    return "cannot load " + std::string(Path.str()) + ": " + Message;
  }();
  return Error;
}

/// Owns the clang-tidy context and its diagnostics for as long as the
/// compiler keeps the AST consumer, and prints the findings once the
/// translation unit has been analysed.
class ChecksConsumer : public MultiplexConsumer {
public:
  ChecksConsumer(std::unique_ptr<ClangTidyContext> Context,
                 std::unique_ptr<ClangTidyDiagnosticConsumer> Diagnostics,
                 std::unique_ptr<DiagnosticsEngine> Engine,
                 std::vector<std::unique_ptr<ASTConsumer>> Consumers,
                 std::string OutputPath, DiagnosticsEngine &CompilerDiags)
      : MultiplexConsumer(std::move(Consumers)), Context(std::move(Context)),
        Diagnostics(std::move(Diagnostics)), Engine(std::move(Engine)),
        OutputPath(std::move(OutputPath)), CompilerDiags(CompilerDiags) {}

  void HandleTranslationUnit(ASTContext &Ast) override {
    // The checks' matchers and their end-of-unit work run here.
    MultiplexConsumer::HandleTranslationUnit(Ast);
    // A unit with compile errors produces no object; the launcher reports
    // the compile's failure, and an analysis of broken code says nothing.
    if (CompilerDiags.hasErrorOccurred())
      return;
    if (!printErrors(Diagnostics->take(), *Context, OutputPath)) {
      unsigned Id = CompilerDiags.getCustomDiagID(
          DiagnosticsEngine::Error,
          "exitbar: cannot write the checks' output file '%0'");
      CompilerDiags.Report(Id) << OutputPath;
    }
  }

private:
  std::unique_ptr<ClangTidyContext> Context;
  std::unique_ptr<ClangTidyDiagnosticConsumer> Diagnostics;
  std::unique_ptr<DiagnosticsEngine> Engine;
  std::string OutputPath;
  DiagnosticsEngine &CompilerDiags;
};

class CompilePluginAction : public PluginASTAction {
public:
  bool ParseArgs(const CompilerInstance &Compiler,
                 const std::vector<std::string> &Args) override {
    ClangTidyOptions Overrides;
    // The checks as the launcher passes them to clang-tidy; findings in
    // headers are reported for the project's own headers only.
    Overrides.WarningsAsErrors = "-*";
    Overrides.HeaderFilterRegex = "";
    llvm::Optional<ClangTidyOptions> Config;
    for (const std::string &Arg : Args) {
      llvm::StringRef A(Arg);
      if (A.consume_front("checks="))
        Overrides.Checks = A.str();
      else if (A.consume_front("header-filter="))
        Overrides.HeaderFilterRegex = A.str();
      else if (A.consume_front("output="))
        OutputPath = A.str();
      else if (A.consume_front("config=")) {
        llvm::ErrorOr<ClangTidyOptions> Parsed =
            parseConfiguration(llvm::MemoryBufferRef(A, "config"));
        if (!Parsed) {
          reportArgumentError(Compiler, "invalid config=: " +
                                            Parsed.getError().message());
          return false;
        }
        Config = std::move(*Parsed);
      } else {
        reportArgumentError(Compiler, "unknown argument '" + Arg + "'");
        return false;
      }
    }
    if (OutputPath.empty()) {
      reportArgumentError(Compiler, "no output=<file> argument");
      return false;
    }
    if (Config)
      Options = std::make_unique<ConfigOptionsProvider>(
          ClangTidyGlobalOptions(), ClangTidyOptions::getDefaults(),
          std::move(*Config), std::move(Overrides));
    else
      Options = std::make_unique<FileOptionsProvider>(
          ClangTidyGlobalOptions(), ClangTidyOptions::getDefaults(),
          std::move(Overrides));
    return true;
  }

  std::unique_ptr<ASTConsumer>
  CreateASTConsumer(CompilerInstance &Compiler, llvm::StringRef File) override {
    auto Context = std::make_unique<ClangTidyContext>(std::move(Options));
    // The factory below lists the checks of every module registered by
    // then; other modules than ExitBar's are loaded only when asked for.
    if (needsOtherModules(
            Context->getOptionsForFile(File).Checks.getValueOr(""))) {
      std::string Error = loadOtherModules();
      if (!Error.empty()) {
        // The compile fails with the error, and `exitbar compile` records
        // the unit as not analysed. Clang takes no null consumer.
        reportArgumentError(Compiler, Error);
        return std::make_unique<ASTConsumer>();
      }
    }
    // No external engine: the findings stay out of the compiler's own
    // diagnostics (and out of its -Werror) and are printed at the end.
    auto Diagnostics = std::make_unique<ClangTidyDiagnosticConsumer>(*Context);
    auto Engine = std::make_unique<DiagnosticsEngine>(
        new DiagnosticIDs, new DiagnosticOptions, Diagnostics.get(),
        /*ShouldOwnClient=*/false);
    Context->setDiagnosticsEngine(Engine.get());
    ClangTidyASTConsumerFactory Factory(*Context);
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(Factory.createASTConsumer(Compiler, File));
    return std::make_unique<ChecksConsumer>(
        std::move(Context), std::move(Diagnostics), std::move(Engine),
        std::move(Consumers), OutputPath, Compiler.getDiagnostics());
  }

  // Run beside code generation, on the compiler's own AST.
  ActionType getActionType() override { return AddAfterMainAction; }

private:
  static void reportArgumentError(const CompilerInstance &Compiler,
                                  const std::string &Message) {
    DiagnosticsEngine &Diags = Compiler.getDiagnostics();
    unsigned Id =
        Diags.getCustomDiagID(DiagnosticsEngine::Error, "exitbar plugin: %0");
    Diags.Report(Id) << Message;
  }

  std::unique_ptr<ClangTidyOptionsProvider> Options;
  std::string OutputPath;
};

} // namespace
} // namespace clang::tidy::exitbar

static clang::FrontendPluginRegistry::Add<
    clang::tidy::exitbar::CompilePluginAction>
    X("exitbar", "runs the exitbar-* clang-tidy checks during the compile");

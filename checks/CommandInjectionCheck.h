// CommandInjectionCheck.h - flags shell commands built from untrusted input
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_COMMANDINJECTIONCHECK_H
#define EXITBAR_CHECKS_COMMANDINJECTIONCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/Taint.h"
#include "utils/TaintOptions.h"
#include "utils/TaintSummaries.h"

namespace clang::tidy::exitbar {

/// Flags system, popen, exec and posix_spawn calls whose command or program
/// comes from untrusted input.
///
/// For the user-facing documentation see:
/// docs/checks/exitbar-command-injection.md
class CommandInjectionCheck : public ClangTidyCheck {
public:
  CommandInjectionCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// Reports \p T at \p Call of \p Callee and notes its path; \p Arg is
  /// the argument that carries it, \p Subject what the note calls it ("the
  /// command").
  void report(const CallExpr &Call, StringRef Callee, const Expr &Arg,
              const taint::Trace &T, StringRef Message, StringRef Subject,
              const SourceManager &SM);
  /// The command after "-c" when \p Call (of an exec-family sink \p Exec)
  /// runs a shell, else null.
  const Expr *shellCommand(const CallExpr &Call, const taint::SinkModel &Exec,
                           const FunctionDecl &Fn, ASTContext &Ctx);

  /// Writes of untrusted data to \p Write's stream when that stream is a
  /// pipe into a command (`FILE *p = popen("xauth -q -", "w"); fprintf(p,
  /// "add %s\n", data)`).
  void checkCommandInput(const CallExpr &Write, const FunctionDecl &Writer,
                         ASTContext &Ctx);
  /// The function that started the command \p Stream pipes into (popen
  /// with a "w" mode), or "" when it is not such a pipe.
  std::string commandReading(const Expr &Stream, const CallExpr &Write,
                             const FunctionDecl &Fn, ASTContext &Ctx);

  std::string ParameterPolicy;
  taint::TaintOptions Shared;
  const bool FlagForwardedParameters;
  taint::TaintAnalysis Taint;
  taint::SummaryRecorder Summaries;
};

} // namespace clang::tidy::exitbar

#endif // EXITBAR_CHECKS_COMMANDINJECTIONCHECK_H

// Taint.h - tracks untrusted data through a unit for injection checks
// SPDX-License-Identifier: Apache-2.0
//
// The analysis answers one question for a check: "does the value of this
// expression, where it is evaluated, come from untrusted input, without
// having been validated first?" Inside a function it is cheap: one walk over
// the body, cached, then on-demand queries that follow each variable back to
// the definitions that reach the use in evaluation order. A definition kills
// earlier ones only when it dominates the use (it is not inside a branch,
// loop body, case or lambda that the use is outside of), and definitions
// later in a loop body reach uses earlier in it. Across functions of the
// unit it is compositional: each function gets a summary per slot (its
// return value and each out-parameter) of the sources and the parameters
// that reach it, computed on demand, memoised, and iterated on recursion;
// a parameter that reaches a sink is followed to the unit's call sites of
// its function (direct calls, lambdas, std::function and function-pointer
// variables initialised from a function), a few levels up.

#ifndef EXITBAR_CHECKS_UTILS_TAINT_H
#define EXITBAR_CHECKS_UTILS_TAINT_H

#include "TaintModels.h"
#include "utils/AstNav.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy {
class ClangTidyCheck;
} // namespace clang::tidy

namespace clang::tidy::exitbar::taint {

/// The default of the taint checks' UntrustedParameters option
/// (exitbar-command-injection, exitbar-path-traversal): parameter name
/// phrases that mark a parameter as remote input. The request classes,
/// validators and library functions come from the models (TaintModels.h).
constexpr llvm::StringLiteral DefaultUntrustedParameters =
    "request;req;client;remote;upload;query;payload;untrusted;tainted;"
    "user input";

/// Where untrusted data enters a function.
struct Origin {
  enum class Kind {
    Parameter,   ///< a parameter the policy marks untrusted
    CommandLine, ///< main's argv
    Environment, ///< getenv and friends, main's envp
    Input,       ///< read from a file, a terminal or a stream
    Network,     ///< received from a socket or a TLS connection
    /// From another translation unit: the return value of a function it
    /// defines, or a global variable; only the queries for cross-unit
    /// summaries see it (externalValueReaching).
    External,
  };
  Kind K = Kind::Input;
  /// The parameter's name, or the function that produced the data.
  std::string Name;
  /// The parameter's declaration or the call that produced the data.
  SourceLocation Loc;
  /// The parameter, for Kind::Parameter and main's parameters.
  const ParmVarDecl *Param = nullptr;
  /// True for data from another party: the network or a request parameter.
  bool Remote = false;
  /// Kind::External: the function called, or the global variable read.
  const FunctionDecl *Function = nullptr;
  const VarDecl *Global = nullptr;
  /// Kind::External from a function: the parameter it wrote the data
  /// through, or -1 for its return value.
  int OutParameter = -1;
};

/// One hop of a flow after its origin: an assignment, a call that passes the
/// data on, a value returned; what the note at \p Loc says.
struct Step {
  SourceLocation Loc;
  std::string Text;
};

/// How untrusted data reaches an expression.
struct Trace {
  Origin Source;
  /// The hops from the origin to the queried expression, in the order the
  /// data takes them, across functions of the translation unit.
  std::vector<Step> Steps;
  /// The variables the data went through, from the queried expression back
  /// to the origin; empty when the expression is the source itself.
  llvm::SmallVector<const VarDecl *, 4> Chain;
  /// True when the data was placed after other content on the way, as in
  /// `"/srv/files/" + name` or `strcat(path, name)`.
  bool Appended = false;
  /// True when the data was joined with other text on the way, before or
  /// after it: a command or path was built from it rather than passed on.
  bool Combined = false;
};

/// What a check treats as untrusted and as validated.
struct Config {
  /// Which parameters of ordinary functions carry untrusted data.
  enum class Parameters {
    All,   ///< every string-like parameter
    Named, ///< string-like parameters whose names have an UntrustedWords phrase
    None,  ///< none (main's parameters and request objects still do)
  };
  Parameters ParameterPolicy = Parameters::All;
  /// Identifier phrases (see utils::identifierHasPhrase) that mark a
  /// parameter as remote input whatever the policy, e.g. "request".
  std::vector<std::string> UntrustedWords;
  /// Glob patterns of class names whose parameters are remote requests
  /// (`const HttpRequest &req`, also through pointers and smart pointers);
  /// their fields and methods are untrusted.
  std::vector<std::string> RequestTypes;
  /// Glob patterns (`*` wildcard, case-insensitive) of functions that
  /// validate what they are given when used in a guard: `if (!isSafe(p))
  /// return;`, `if (p.find("..") != npos) return;`, or `validate(p);` when
  /// they return void.
  std::vector<std::string> Validators;
  /// Glob patterns of functions and methods whose result never carries taint
  /// although their argument or object does (`basename`, `filename` for
  /// paths).
  std::vector<std::string> CleanFunctions;
  /// A call of the project's own function (declared outside system headers)
  /// in a guard validates what it reads, whatever its name.
  bool ProjectFunctionsValidate = true;
  /// What libraries do with untrusted data; never null in a Config a
  /// check built (TaintOptions.h), the built-in models when left empty.
  std::shared_ptr<const ModelSet> Models;
  /// The threat models whose sources count: remote data by default; main's
  /// argv and envp, getenv, the standard input and files with `local`.
  ThreatSet Threats = Remote;
};

/// Untrusted-data queries over function bodies, cached per function; one
/// instance per check and translation unit.
class TaintAnalysis {
public:
  explicit TaintAnalysis(Config C);
  ~TaintAnalysis();
  TaintAnalysis(const TaintAnalysis &) = delete;
  TaintAnalysis &operator=(const TaintAnalysis &) = delete;

  /// The untrusted data that \p E carries where it is evaluated, if any,
  /// ignoring data that a guard before \p At (or around it) validated. \p F
  /// is the function containing both (a lambda's enclosing function is
  /// analysed with it); \p At defaults to \p E. With \p LineBreaksSuffice,
  /// a guard that rejects line breaks (`if (strpbrk(s, "\r\n")) return;`)
  /// validates too: enough for input a command reads line by line.
  /// Example: `if (auto T = Taint.find(*Call->getArg(0), *Fn, Ctx)) ...`
  std::optional<Trace> find(const Expr &E, const FunctionDecl &F,
                            ASTContext &Ctx, const Stmt *At = nullptr,
                            bool LineBreaksSuffice = false);

  /// The parameters of \p F (of the function around it, for a lambda)
  /// whose data \p E carries where \p At is evaluated, whatever the
  /// parameter policy says of them: what a summary of \p F across
  /// translation units needs. At most the first eight parameters.
  /// Example: `for (auto &[K, T] : Taint.parametersReaching(*Arg, *Fn, Ctx))`
  llvm::SmallVector<std::pair<unsigned, Trace>, 2>
  parametersReaching(const Expr &E, const FunctionDecl &F, ASTContext &Ctx,
                     const Stmt *At = nullptr);

  /// The value from another translation unit (Origin::Kind::External: a
  /// function's return value, a global variable) that \p E carries where
  /// \p At is evaluated, if any: what links a source returned or stored in
  /// one unit to a sink in another.
  std::optional<Trace> externalValueReaching(const Expr &E,
                                             const FunctionDecl &F,
                                             ASTContext &Ctx,
                                             const Stmt *At = nullptr);

  /// The untrusted data that \p F returns (\p Slot -1) or leaves in what
  /// its parameter \p Slot points to, from a source inside it (or inside
  /// what it calls), not from its parameters.
  std::optional<Trace> sourceReachingSlot(const FunctionDecl &F, int Slot,
                                          ASTContext &Ctx);

  /// The definition of \p V that reaches \p At: its initializer or the
  /// right-hand side of the last plain assignment before it; null if none.
  const Expr *lastAssignedValue(const VarDecl &V, const Stmt &At,
                                const FunctionDecl &F, ASTContext &Ctx);

  /// Forgets every analysed function (at the end of a translation unit).
  void clear();

  const Config &config() const { return Cfg; }

private:
  class FunctionIndex;
  struct SlotSummary;
  /// A call of a function of the unit, and the function it is in.
  struct CallSite {
    const CallExpr *Call;
    const FunctionDecl *Caller;
    unsigned Offset; ///< see resolveCall
  };

  FunctionIndex &indexFor(const FunctionDecl &F, ASTContext &Ctx);
  /// The calls of \p F in the unit's own (non-system) code.
  llvm::ArrayRef<CallSite> callSites(const FunctionDecl &F, ASTContext &Ctx);
  /// What reaches slot \p Slot of \p F (-1: the return value; k: what
  /// out-parameter k points to when \p F returns).
  const SlotSummary &summary(const FunctionDecl &F, int Slot, ASTContext &Ctx,
                             unsigned Depth);
  /// The strongest untrusted data a call site of \p P's function passes to
  /// \p P, if any call site passes any.
  std::optional<Trace> callerTaint(const ParmVarDecl &P, ASTContext &Ctx,
                                   unsigned Depth);

  /// What the other functions of the unit that use global \p V leave in
  /// it, for a read in \p Reader that writes none.
  std::optional<Trace> globalTaint(const VarDecl &V, const FunctionDecl &Reader,
                                   ASTContext &Ctx, unsigned Depth);

  /// A data member of the class whose methods are analysed, as a variable
  /// those methods share (created once per field, not part of the AST's
  /// declarations); null for an unnamed field.
  const VarDecl *fieldVariable(const FieldDecl &F, ASTContext &Ctx);
  /// What the other methods of \p F's class defined in the unit (its
  /// constructors among them) leave in member \p F from sources, for a
  /// read in \p Reader that writes none first: an object's methods may run
  /// in any order after its constructor.
  std::optional<Trace> fieldTaint(const FieldDecl &F,
                                  const FunctionDecl &Reader, ASTContext &Ctx,
                                  unsigned Depth);

  Config Cfg;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<FunctionIndex>> Cache;
  bool SitesBuilt = false;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<CallSite, 2>> Sites;
  llvm::DenseMap<std::pair<const FunctionDecl *, int>,
                 std::unique_ptr<SlotSummary>>
      Summaries;
  /// Functions whose callers are being searched (recursion guard).
  llvm::SmallPtrSet<const FunctionDecl *, 8> Searching;
  /// callerTaint's answers, per parameter.
  llvm::DenseMap<const ParmVarDecl *, std::optional<Trace>> CallerCache;
  /// The functions (outside lambdas) that use each file-level variable,
  /// built with the call sites.
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const FunctionDecl *, 2>>
      GlobalUsers;
  /// globalTaint's recursion guard and answers.
  llvm::SmallPtrSet<const VarDecl *, 8> SearchingGlobals;
  llvm::DenseMap<const VarDecl *, std::optional<Trace>> GlobalCache;
  /// fieldVariable's variables, and fieldTaint's answers per reader.
  llvm::DenseMap<const FieldDecl *, const VarDecl *> FieldVariables;
  llvm::DenseMap<std::pair<const FieldDecl *, const FunctionDecl *>,
                 std::optional<Trace>>
      FieldCache;
};

/// Emits one note per step of \p T, in order, after the note at its origin.
/// Example: `taint::notePath(*this, *T, SM);`
void notePath(ClangTidyCheck &Check, const Trace &T, const SourceManager &SM);

/// True when \p Text matches \p Pattern, where `*` matches any run of
/// characters; ASCII case is ignored.
/// Example: globMatch("is*valid*", "isValidPath") == true
bool globMatch(llvm::StringRef Pattern, llvm::StringRef Text);

/// True when \p Text matches any of \p Patterns (see globMatch).
bool globMatchAny(const std::vector<std::string> &Patterns,
                  llvm::StringRef Text);

/// True for character pointers and arrays and string classes: a single
/// text, as opposed to a container of texts.
bool isText(QualType T);

/// True for character pointers and arrays, string classes (std::string,
/// string_view, filesystem::path, QString, ...), and standard containers of
/// them, which can carry text from a source to a sink.
bool isStringLike(QualType T);

using utils::enclosingFunction;
using utils::enclosingNonLambda;
using utils::stripWrappers;

/// How the note at a trace's origin describes it: "parameter 'user'",
/// "'getenv'", "the command line ('argv')".
std::string describeOrigin(const Origin &O);

/// The function a call runs and the index of its first argument that binds
/// to the function's first parameter: a direct callee; a lambda's or
/// std::function's call operator when the object is a variable initialised
/// from a lambda (1: the object is argument 0 of the operator call); a
/// function named by the initializer of a function-pointer variable.
/// Example: `auto [Fn, Offset] = resolveCall(*Call);`
std::pair<const FunctionDecl *, unsigned> resolveCall(const CallExpr &Call);

} // namespace clang::tidy::exitbar::taint

#endif // EXITBAR_CHECKS_UTILS_TAINT_H

// TaintModels.h - what libraries do with untrusted data, read from data files
// SPDX-License-Identifier: Apache-2.0
//
// The taint checks know libraries through models: which functions bring
// untrusted data in (sources, each with its threat model), which pass it
// on (propagators), which are dangerous to give it (sinks, by kind), which
// make it harmless for a kind of sink (sanitizers), which validate it in a
// guard (validators) and which classes are requests. The models live in
// JSON files per library (checks/models/*.json, built into the plugin and
// installed to share/exitbar/models for reading); a project adds its own
// files with the `exitbar.TaintModels` option, without rebuilding anything.
// The format is in docs/checks/taint-models.md.

#ifndef EXITBAR_CHECKS_UTILS_TAINTMODELS_H
#define EXITBAR_CHECKS_UTILS_TAINTMODELS_H

#include "clang/AST/Decl.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::exitbar::taint {

/// Where untrusted data comes from, as CodeQL's threat models name it.
/// `remote` is analysed by default; `local` (the other four) on request.
enum Threat : unsigned {
  Remote = 1U << 0,      ///< the network, a request, a TLS connection
  CommandArgs = 1U << 1, ///< main's argv
  Environment = 1U << 2, ///< getenv and main's envp
  Stdin = 1U << 3,       ///< the standard input, a terminal
  File = 1U << 4,        ///< files and file descriptors
};
using ThreatSet = unsigned;
constexpr ThreatSet LocalThreats = CommandArgs | Environment | Stdin | File;
constexpr ThreatSet AllThreats = Remote | LocalThreats;

/// The threat models a `;`- or `,`-separated list names: `remote`, `local`,
/// `all`, or the single kinds (`commandargs`, `environment`, `stdin`,
/// `file`). On an unknown name, sets \p Error and returns 0.
/// Example: parseThreatModels("remote;local", Err) == AllThreats
ThreatSet parseThreatModels(llvm::StringRef List, std::string &Error);

/// A place a call reads or writes: its return value, one argument, or an
/// argument and every one after it.
struct Slot {
  enum Kind { Return, Argument, ArgumentsFrom, AllArguments } K = Return;
  unsigned Index = 0;
  /// True when argument \p I of a call is (part of) this slot.
  bool covers(unsigned I) const {
    return (K == Argument && I == Index) ||
           (K == ArgumentsFrom && I >= Index) || K == AllArguments;
  }
};

/// The call brings untrusted data into \p Into.
struct SourceModel {
  Slot Into;
  Threat Kind = Remote;
};

/// The call copies what \p From carries into \p To.
struct PropagatorModel {
  Slot From;
  Slot To;
  bool Appends = false; ///< `strcat`: added after what \p To held
};

/// The call is dangerous when an argument carries untrusted data.
struct SinkModel {
  std::string Kind;   ///< "command", "path", or a project's own kind
  std::string Action; ///< path sinks: "opens", "removes", ... (the message)
  llvm::SmallVector<unsigned, 2> Arguments;
  /// Command sinks of the exec family: the program argument, the first
  /// argument of its argv, and whether argv is a variadic list.
  int Program = -1;
  int Argv = -1;
  bool List = false;
  /// Command-input sinks (fprintf, fputs, fwrite): the stream argument
  /// written to, and whether every argument after the last of Arguments
  /// is data too (fprintf's values).
  int Stream = -1;
  bool Rest = false;
};

/// Everything the models say about one function.
struct FunctionModel {
  llvm::SmallVector<SourceModel, 1> Sources;
  llvm::SmallVector<PropagatorModel, 1> Propagators;
  llvm::SmallVector<SinkModel, 1> Sinks;
  /// The sink kinds the function's result is harmless for.
  llvm::SmallVector<std::string, 1> SanitizedKinds;

  /// The sink of kind \p Kind, or null.
  const SinkModel *sink(llvm::StringRef Kind) const;
};

/// The models of every library, looked up by function.
class ModelSet {
public:
  /// Adds the models in \p Text, read from \p File; on a malformed file
  /// sets \p Error to "<file>: <JSON pointer>: <what is wrong>" and adds
  /// nothing.
  bool add(llvm::StringRef Text, llvm::StringRef File, std::string &Error);

  /// What the models say of \p FD: by its qualified name (inline
  /// namespaces left out, `std::filesystem` for libc++'s
  /// `std::__fs::filesystem`), and by its plain name when it is a C
  /// library function (declared at global scope or in namespace std).
  const FunctionModel *find(const FunctionDecl *FD) const;
  /// What the models say of the function named \p Name (plain or
  /// qualified), for calls through pointers and macros.
  const FunctionModel *find(llvm::StringRef Name) const;

  /// The last component of every function with a sink of kind \p Kind:
  /// what a check's matcher looks for before find() confirms it.
  std::vector<std::string> sinkNames(llvm::StringRef Kind) const;
  /// The name globs of functions whose results are harmless for \p Kind.
  std::vector<std::string> sanitizers(llvm::StringRef Kind) const;
  /// The name globs of validating functions.
  const std::vector<std::string> &validators() const { return Validators; }
  /// The class name globs of request objects.
  const std::vector<std::string> &requestTypes() const { return RequestTypes; }
  /// Functions whose results are predictable (statistical generators such
  /// as `rand`, or a project's own copy of one): a plain name is a C
  /// function, a `ns::name` a qualified one. Read by exitbar-insecure-random.
  const std::vector<std::string> &weakGenerators() const {
    return WeakGenerators;
  }

private:
  llvm::StringMap<FunctionModel> ByPlainName;
  llvm::StringMap<FunctionModel> ByQualifiedName;
  std::vector<std::pair<std::string, std::string>> Sanitizers; // glob, kind
  std::vector<std::string> Validators;
  std::vector<std::string> RequestTypes;
  std::vector<std::string> WeakGenerators;
};

/// The models built into the plugin, plus the files (or folders of .json
/// files) that \p ProjectFiles lists (`;`-separated). Loaded once per list
/// and shared. On a file that cannot be read or parsed, returns the
/// built-in models alone and sets \p Error.
std::shared_ptr<const ModelSet> loadModels(llvm::StringRef ProjectFiles,
                                           std::string &Error);

/// True for functions of the C library, the only ones plain model names
/// match: declared at global scope (possibly inside `extern "C"`) or in
/// namespace std, and not methods.
bool isLibraryFunction(const FunctionDecl *FD);

/// \p FD's qualified name as models spell it: `std::filesystem::remove`,
/// `fmt::format`, `boost::asio::basic_stream_socket::read_some`.
std::string modelName(const FunctionDecl &FD);

} // namespace clang::tidy::exitbar::taint

#endif // EXITBAR_CHECKS_UTILS_TAINTMODELS_H

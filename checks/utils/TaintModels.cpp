// TaintModels.cpp - what libraries do with untrusted data, read from data files
// SPDX-License-Identifier: Apache-2.0

#include "TaintModels.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>

namespace clang::tidy::exitbar::taint {
namespace {

/// The model files of checks/models, generated into the build by
/// cmake/EmbedTaintModels.cmake: {file name, text} pairs.
struct EmbeddedModel {
  const char *Name;
  const char *Text;
};
#include "TaintModelsBuiltin.inc"

/// A malformed model: what is wrong and where (a JSON pointer).
struct ModelError {
  std::string Pointer;
  std::string Message;
};

/// "arg2" -> {Argument, 2}; "arg1+" -> {ArgumentsFrom, 1}; "args";
/// "return".
std::optional<Slot> slotNamed(llvm::StringRef Text) {
  Slot S;
  if (Text == "return")
    return S;
  if (Text == "args") {
    S.K = Slot::AllArguments;
    return S;
  }
  if (!Text.consume_front("arg"))
    return std::nullopt;
  S.K = Text.consume_back("+") ? Slot::ArgumentsFrom : Slot::Argument;
  if (Text.empty() || Text.getAsInteger(10, S.Index) || S.Index > 31)
    return std::nullopt;
  return S;
}

std::optional<Threat> threatNamed(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<Threat>>(Name.lower())
      .Case("remote", Remote)
      .Case("commandargs", CommandArgs)
      .Case("environment", Environment)
      .Case("stdin", Stdin)
      .Case("file", File)
      .Default(std::nullopt);
}

/// Reads one model file's JSON into FunctionModels by name; throws
/// ModelError.
class ModelReader {
public:
  explicit ModelReader(const llvm::json::Object &Root) : Root(Root) {}

  std::map<std::string, FunctionModel> Functions;
  std::vector<std::pair<std::string, std::string>> Sanitizers;
  std::vector<std::string> Validators;
  std::vector<std::string> RequestTypes;
  std::vector<std::string> WeakGenerators;

  void read() {
    const llvm::json::Value *Version = Root.get("schema_version");
    if (!Version || !Version->getAsInteger() || *Version->getAsInteger() != 1)
      throw ModelError{"/schema_version", "expected schema_version 1"};
    static const char *const Known[] = {
        "schema_version", "library",        "description", "sources",
        "propagators",    "sinks",          "sanitizers",  "validators",
        "request_types",  "weak_generators"};
    for (const auto &Member : Root)
      if (!llvm::is_contained(Known, llvm::StringRef(Member.first)))
        throw ModelError{"/" + llvm::StringRef(Member.first).str(),
                         "unknown member (a misspelt one would be ignored)"};
    forEachEntry(
        "sources", [&](const llvm::json::Object &E, const std::string &At) {
          SourceModel M;
          M.Into = slot(E, "into", At);
          auto Kind = threatNamed(string(E, "threat", At));
          if (!Kind)
            throw ModelError{At + "/threat",
                             "expected remote, commandargs, environment, stdin "
                             "or file"};
          M.Kind = *Kind;
          for (const std::string &F : functions(E, At))
            Functions[F].Sources.push_back(M);
        });
    forEachEntry(
        "propagators", [&](const llvm::json::Object &E, const std::string &At) {
          PropagatorModel M;
          M.From = slot(E, "from", At);
          M.To = slot(E, "to", At);
          if (M.To.K == Slot::AllArguments)
            throw ModelError{At + "/to", "data cannot go to every argument"};
          M.Appends = optionalBool(E, "appends", At);
          for (const std::string &F : functions(E, At))
            Functions[F].Propagators.push_back(M);
        });
    forEachEntry("sinks", [&](const llvm::json::Object &E,
                              const std::string &At) {
      SinkModel M;
      M.Kind = string(E, "kind", At).str();
      M.Action = optionalString(E, "action", "opens").str();
      if (const llvm::json::Value *Args = E.get("arguments")) {
        const llvm::json::Array *List = Args->getAsArray();
        if (!List || List->empty())
          throw ModelError{At + "/arguments",
                           "expected a non-empty array of argument indices"};
        for (size_t I = 0; I < List->size(); ++I) {
          auto Index = (*List)[I].getAsInteger();
          if (!Index || *Index < 0 || *Index > 31)
            throw ModelError{At + "/arguments/" + std::to_string(I),
                             "expected an argument index from 0 to 31"};
          M.Arguments.push_back(static_cast<unsigned>(*Index));
        }
      }
      M.Program = optionalIndex(E, "program", At);
      M.Argv = optionalIndex(E, "argv", At);
      M.List = optionalBool(E, "list", At);
      M.Stream = optionalIndex(E, "stream", At);
      M.Rest = optionalBool(E, "rest", At);
      if (M.Arguments.empty() && M.Program < 0)
        throw ModelError{At, "a sink needs \"arguments\" or \"program\""};
      for (const std::string &F : functions(E, At))
        Functions[F].Sinks.push_back(M);
    });
    forEachEntry("sanitizers",
                 [&](const llvm::json::Object &E, const std::string &At) {
                   std::vector<std::string> Kinds = strings(E, "sinks", At);
                   for (const std::string &F : functions(E, At))
                     for (const std::string &K : Kinds)
                       Sanitizers.emplace_back(F, K);
                 });
    Validators = strings(Root, "validators", "", /*Required=*/false);
    RequestTypes = strings(Root, "request_types", "", /*Required=*/false);
    WeakGenerators = strings(Root, "weak_generators", "", /*Required=*/false);
  }

private:
  template <typename Fn> void forEachEntry(llvm::StringRef Key, Fn Visit) {
    const llvm::json::Value *V = Root.get(Key);
    if (!V)
      return;
    const llvm::json::Array *List = V->getAsArray();
    if (!List)
      throw ModelError{"/" + Key.str(), "expected an array"};
    for (size_t I = 0; I < List->size(); ++I) {
      std::string At = "/" + Key.str() + "/" + std::to_string(I);
      const llvm::json::Object *E = (*List)[I].getAsObject();
      if (!E)
        throw ModelError{At, "expected an object"};
      for (const auto &Member : *E)
        if (!isEntryMember(Key, Member.first))
          throw ModelError{At + "/" + llvm::StringRef(Member.first).str(),
                           "unknown member (a misspelt one would be "
                           "ignored)"};
      Visit(*E, At);
    }
  }

  /// The members an entry of the list \p Key may have.
  static bool isEntryMember(llvm::StringRef Key, llvm::StringRef Member) {
    if (Member == "functions" || Member == "comment")
      return true;
    if (Key == "sources")
      return Member == "into" || Member == "threat";
    if (Key == "propagators")
      return Member == "from" || Member == "to" || Member == "appends";
    if (Key == "sinks")
      return Member == "kind" || Member == "arguments" || Member == "action" ||
             Member == "program" || Member == "argv" || Member == "list" ||
             Member == "stream" || Member == "rest";
    return Key == "sanitizers" && Member == "sinks";
  }

  static llvm::StringRef string(const llvm::json::Object &E,
                                llvm::StringRef Key, const std::string &At) {
    const llvm::json::Value *V = E.get(Key);
    if (!V || !V->getAsString() || V->getAsString()->empty())
      throw ModelError{At + "/" + Key.str(), "expected a non-empty string"};
    return *V->getAsString();
  }

  static llvm::StringRef optionalString(const llvm::json::Object &E,
                                        llvm::StringRef Key,
                                        llvm::StringRef Default) {
    const llvm::json::Value *V = E.get(Key);
    if (!V || !V->getAsString())
      return Default;
    return *V->getAsString();
  }

  static bool optionalBool(const llvm::json::Object &E, llvm::StringRef Key,
                           const std::string &At) {
    const llvm::json::Value *V = E.get(Key);
    if (!V)
      return false;
    auto B = V->getAsBoolean();
    if (!B)
      throw ModelError{At + "/" + Key.str(), "expected true or false"};
    return *B;
  }

  static int optionalIndex(const llvm::json::Object &E, llvm::StringRef Key,
                           const std::string &At) {
    const llvm::json::Value *V = E.get(Key);
    if (!V)
      return -1;
    auto Index = V->getAsInteger();
    if (!Index || *Index < 0 || *Index > 31)
      throw ModelError{At + "/" + Key.str(),
                       "expected an argument index from 0 to 31"};
    return static_cast<int>(*Index);
  }

  static Slot slot(const llvm::json::Object &E, llvm::StringRef Key,
                   const std::string &At) {
    auto S = slotNamed(string(E, Key, At));
    if (!S)
      throw ModelError{At + "/" + Key.str(),
                       "expected return, args, argN or argN+"};
    return *S;
  }

  static std::vector<std::string> strings(const llvm::json::Object &E,
                                          llvm::StringRef Key,
                                          const std::string &At,
                                          bool Required = true) {
    const llvm::json::Value *V = E.get(Key);
    if (!V && !Required)
      return {};
    const llvm::json::Array *List = V ? V->getAsArray() : nullptr;
    if (!List || (Required && List->empty()))
      throw ModelError{At + "/" + Key.str(),
                       "expected a non-empty array of strings"};
    std::vector<std::string> Out;
    for (size_t I = 0; I < List->size(); ++I) {
      auto S = (*List)[I].getAsString();
      if (!S || S->empty())
        throw ModelError{At + "/" + Key.str() + "/" + std::to_string(I),
                         "expected a non-empty string"};
      Out.push_back(S->str());
    }
    return Out;
  }

  static std::vector<std::string> functions(const llvm::json::Object &E,
                                            const std::string &At) {
    return strings(E, "functions", At);
  }

  const llvm::json::Object &Root;
};

void mergeModels(FunctionModel &Into, const FunctionModel &From) {
  Into.Sources.append(From.Sources.begin(), From.Sources.end());
  Into.Propagators.append(From.Propagators.begin(), From.Propagators.end());
  Into.Sinks.append(From.Sinks.begin(), From.Sinks.end());
  Into.SanitizedKinds.append(From.SanitizedKinds.begin(),
                             From.SanitizedKinds.end());
}

/// Adds the model files under \p Path (a file, or a folder's *.json files
/// in name order) to \p Set.
bool addModelPath(ModelSet &Set, llvm::StringRef Path, std::string &Error) {
  std::vector<std::string> Files;
  if (llvm::sys::fs::is_directory(Path)) {
    std::error_code Ec;
    for (llvm::sys::fs::directory_iterator It(Path, Ec), End; It != End && !Ec;
         It.increment(Ec))
      if (llvm::sys::path::extension(It->path()) == ".json")
        Files.push_back(It->path());
    if (Ec) {
      Error = Path.str() + ": cannot list the folder: " + Ec.message();
      return false;
    }
    std::sort(Files.begin(), Files.end());
  } else {
    Files.push_back(Path.str());
  }
  for (const std::string &File : Files) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer) {
      Error = File + ": cannot read the taint model file: " +
              Buffer.getError().message();
      return false;
    }
    if (!Set.add((*Buffer)->getBuffer(), File, Error))
      return false;
  }
  return true;
}

/// \p Path, relative to the project's source folder when `exitbar tidy`
/// says where that is, else to the working folder.
std::string resolveModelPath(llvm::StringRef Path) {
  const char *SourceDir = std::getenv("EXITBAR_SOURCE_DIR");
  if (llvm::sys::path::is_absolute(Path) || !SourceDir || !*SourceDir)
    return Path.str();
  llvm::SmallString<256> Full(SourceDir);
  llvm::sys::path::append(Full, Path);
  return std::string(Full.str());
}

} // namespace

bool isLibraryFunction(const FunctionDecl *FD) {
  if (!FD || isa<CXXMethodDecl>(FD))
    return false;
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  return DC->isTranslationUnit() || FD->isInStdNamespace();
}

ThreatSet parseThreatModels(llvm::StringRef List, std::string &Error) {
  ThreatSet Set = 0;
  std::string Separated = List.str();
  std::replace(Separated.begin(), Separated.end(), ',', ';');
  llvm::SmallVector<llvm::StringRef, 4> Names;
  llvm::StringRef(Separated).split(Names, ';', -1, false);
  for (llvm::StringRef Name : Names) {
    Name = Name.trim();
    if (Name.empty())
      continue;
    std::string Lower = Name.lower();
    if (Lower == "local")
      Set |= LocalThreats;
    else if (Lower == "all")
      Set |= AllThreats;
    else if (auto T = threatNamed(Lower))
      Set |= *T;
    else {
      Error = "unknown threat model '" + Name.str() +
              "'; expected remote, local, all, commandargs, environment, "
              "stdin or file";
      return 0;
    }
  }
  return Set;
}

const SinkModel *FunctionModel::sink(llvm::StringRef Kind) const {
  for (const SinkModel &S : Sinks)
    if (S.Kind == Kind)
      return &S;
  return nullptr;
}

bool ModelSet::add(llvm::StringRef Text, llvm::StringRef File,
                   std::string &Error) {
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Text);
  if (!Parsed) {
    // llvm::json reports "[line:column, byte=N]: message".
    Error = File.str() + ": " + llvm::toString(Parsed.takeError());
    return false;
  }
  const llvm::json::Object *Root = Parsed->getAsObject();
  if (!Root) {
    Error = File.str() + ": expected a JSON object";
    return false;
  }
  ModelReader Reader(*Root);
  try {
    Reader.read();
  } catch (const ModelError &E) {
    Error = File.str() + ": " + (E.Pointer.empty() ? "/" : E.Pointer) + ": " +
            E.Message;
    return false;
  }
  for (auto &[Name, Model] : Reader.Functions) {
    llvm::StringRef N(Name);
    N.consume_front("::");
    auto &Map = N.contains("::") ? ByQualifiedName : ByPlainName;
    mergeModels(Map[N], Model);
  }
  Sanitizers.insert(Sanitizers.end(), Reader.Sanitizers.begin(),
                    Reader.Sanitizers.end());
  Validators.insert(Validators.end(), Reader.Validators.begin(),
                    Reader.Validators.end());
  RequestTypes.insert(RequestTypes.end(), Reader.RequestTypes.begin(),
                      Reader.RequestTypes.end());
  WeakGenerators.insert(WeakGenerators.end(), Reader.WeakGenerators.begin(),
                        Reader.WeakGenerators.end());
  return true;
}

const FunctionModel *ModelSet::find(const FunctionDecl *FD) const {
  if (!FD || !FD->getIdentifier())
    return nullptr;
  if (!ByQualifiedName.empty()) {
    auto It = ByQualifiedName.find(modelName(*FD));
    if (It != ByQualifiedName.end())
      return &It->second;
  }
  if (!isLibraryFunction(FD))
    return nullptr;
  auto It = ByPlainName.find(FD->getName());
  return It == ByPlainName.end() ? nullptr : &It->second;
}

const FunctionModel *ModelSet::find(llvm::StringRef Name) const {
  Name.consume_front("::");
  const auto &Map = Name.contains("::") ? ByQualifiedName : ByPlainName;
  auto It = Map.find(Name);
  return It == Map.end() ? nullptr : &It->second;
}

std::vector<std::string> ModelSet::sinkNames(llvm::StringRef Kind) const {
  std::vector<std::string> Names;
  auto Collect = [&](const llvm::StringMap<FunctionModel> &Map) {
    for (const auto &Entry : Map)
      if (Entry.getValue().sink(Kind)) {
        llvm::StringRef Name = Entry.getKey();
        size_t Colons = Name.rfind("::");
        Names.push_back(
            (Colons == llvm::StringRef::npos ? Name : Name.substr(Colons + 2))
                .str());
      }
  };
  Collect(ByPlainName);
  Collect(ByQualifiedName);
  std::sort(Names.begin(), Names.end());
  Names.erase(std::unique(Names.begin(), Names.end()), Names.end());
  return Names;
}

std::vector<std::string> ModelSet::sanitizers(llvm::StringRef Kind) const {
  std::vector<std::string> Globs;
  for (const auto &[Glob, K] : Sanitizers)
    if (K == Kind)
      Globs.push_back(Glob);
  return Globs;
}

std::shared_ptr<const ModelSet> loadModels(llvm::StringRef ProjectFiles,
                                           std::string &Error) {
  // Every taint check of a clang-tidy process asks for the same list.
  static std::mutex Lock;
  static std::map<std::string,
                  std::pair<std::shared_ptr<const ModelSet>, std::string>>
      Loaded;
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Loaded.find(ProjectFiles.str());
  if (It != Loaded.end()) {
    Error = It->second.second;
    return It->second.first;
  }
  auto Builtin = std::make_shared<ModelSet>();
  for (const EmbeddedModel &M : BuiltinModels) {
    std::string BuiltinError;
    // A defect of ours, but reported like a project's bad file: every lit
    // test of the taint checks would then fail on the configuration error.
    if (!Builtin->add(M.Text, M.Name, BuiltinError))
      Error = "built-in " + BuiltinError;
  }
  std::shared_ptr<const ModelSet> Result = Builtin;
  llvm::SmallVector<llvm::StringRef, 4> Paths;
  ProjectFiles.split(Paths, ';', -1, false);
  if (!Paths.empty() && Error.empty()) {
    auto WithProject = std::make_shared<ModelSet>(*Builtin);
    bool Ok = true;
    for (llvm::StringRef Path : Paths)
      if (!Path.trim().empty() &&
          !addModelPath(*WithProject, resolveModelPath(Path.trim()), Error)) {
        Ok = false;
        break;
      }
    if (Ok)
      Result = WithProject;
  }
  Loaded[ProjectFiles.str()] = {Result, Error};
  return Result;
}

std::string modelName(const FunctionDecl &FD) {
  llvm::SmallVector<llvm::StringRef, 6> Parts;
  Parts.push_back(FD.getName());
  for (const DeclContext *DC = FD.getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      // Inline namespaces (fmt::v10, std::__1, std::__cxx11) are not part
      // of the name users write; neither is libc++'s std::__fs.
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      if (NS->getName() == "__fs" && NS->getParent()->isStdNamespace())
        continue;
      Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (!RD->getIdentifier())
        return "";
      Parts.push_back(RD->getName());
    } else if (isa<LinkageSpecDecl>(DC)) {
      continue;
    } else if (!isa<TranslationUnitDecl>(DC)) {
      return ""; // a function-local class
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Name.empty())
      Name += "::";
    Name += *It;
  }
  return Name;
}

} // namespace clang::tidy::exitbar::taint

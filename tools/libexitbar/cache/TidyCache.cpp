// TidyCache.cpp - the findings cache of `exitbar tidy`: keys, entries, eviction
// SPDX-License-Identifier: Apache-2.0
//
// Modelled on ccache's direct mode: the direct key hashes what is known
// before the analysis; the entry lists every file the analysis read with the
// SHA-256 of its content then, and is a hit only while all still match.

#include "exitbar/TidyCache.h"
#include "exitbar/Digest.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace exitbar {
namespace {

constexpr const char *Magic = "exitbar-tidy-cache 1 ";
constexpr size_t MaxVariants = 8;

/// Path, size and modification time: a rebuilt or upgraded binary is
/// another tool (ccache's compiler_check=mtime).
std::string identityOf(const std::string &Path) {
  std::error_code Ec;
  fs::path Real = fs::canonical(Path, Ec);
  if (Ec)
    return Path + " (missing)";
  auto Size = fs::file_size(Real, Ec);
  auto Time = fs::last_write_time(Real, Ec).time_since_epoch().count();
  return Real.string() + ' ' + std::to_string(Size) + ' ' +
         std::to_string(Time);
}

/// \p Program as runProcess finds it: itself when it names a folder, else
/// the first executable of that name in PATH.
std::string resolveProgram(const std::string &Program) {
  if (Program.find('/') != std::string::npos)
    return Program;
  const char *Path = std::getenv("PATH");
  std::stringstream In(Path ? Path : "");
  std::string Dir;
  std::error_code Ec;
  while (std::getline(In, Dir, ':'))
    if (fs::path Candidate = fs::path(Dir.empty() ? "." : Dir) / Program;
        fs::is_regular_file(Candidate, Ec))
      return Candidate.string();
  return Program;
}

std::string contentHash(const std::string &Path) {
  std::error_code Ec;
  if (!fs::is_regular_file(Path, Ec))
    return "missing";
  try {
    return sha256Hex(readFile(Path));
  } catch (const Error &) {
    return "unreadable";
  }
}

/// The body of entry text \p Text when its digest holds, else nothing.
std::optional<nlohmann::json> verifiedBody(const std::string &Text) {
  size_t Newline = Text.find('\n');
  std::string_view Head(Text.data(), std::min(Newline, Text.size()));
  if (Newline == std::string::npos || Head.rfind(Magic, 0) != 0)
    return std::nullopt;
  std::string_view Body(Text.data() + Newline + 1, Text.size() - Newline - 1);
  if (Head.substr(std::string_view(Magic).size()) != sha256Hex(Body))
    return std::nullopt;
  try {
    return nlohmann::json::parse(Body);
  } catch (const nlohmann::json::exception &) {
    return std::nullopt;
  }
}

} // namespace

TidyCache::TidyCache(std::string Dir, std::uint64_t MaxBytes,
                     std::string RemoteUrl)
    : Dir(std::move(Dir)), MaxBytes(MaxBytes), RemoteUrl(std::move(RemoteUrl)) {
}

namespace {

/// The variant of entry text \p Text (of \p DirectKey) whose files all
/// still have their content; Outcome Corrupt when the text is damaged or
/// of another key.
std::optional<CachedAnalysis> matchEntry(const std::string &Text,
                                         const std::string &DirectKey,
                                         const std::string &Path,
                                         CacheOutcome &Outcome) {
  std::optional<nlohmann::json> Body = verifiedBody(Text);
  // An entry of another key (a planted or misplaced file) is as good as a
  // corrupted one: never replayed.
  if (!Body || !Body->is_object() || Body->value("key", "") != DirectKey) {
    Outcome = CacheOutcome::Corrupt;
    return std::nullopt;
  }
  std::map<std::string, std::string> Hashes;
  try {
    for (const nlohmann::json &V : Body->at("variants")) {
      bool Same = true;
      for (const nlohmann::json &F : V.at("files")) {
        const std::string &File = F.at(0).get_ref<const std::string &>();
        auto [It, New] = Hashes.try_emplace(File);
        if (New)
          It->second = contentHash(File);
        if (It->second != F.at(1).get_ref<const std::string &>()) {
          Same = false;
          break;
        }
      }
      if (!Same)
        continue;
      CachedAnalysis A;
      A.ExitCode = V.at("exit_code").get<int>();
      A.Output = V.at("output").get<std::string>();
      A.Evidence = findingsFromJson(V.at("evidence"), Path);
      Outcome = CacheOutcome::Hit;
      return A;
    }
  } catch (const nlohmann::json::exception &) {
    Outcome = CacheOutcome::Corrupt;
  } catch (const Error &) {
    Outcome = CacheOutcome::Corrupt;
  }
  return std::nullopt;
}

} // namespace

std::string TidyCache::entryPath(const std::string &DirectKey) const {
  return (fs::path(Dir) / DirectKey.substr(0, 2) / (DirectKey + ".entry"))
      .string();
}

std::optional<CachedAnalysis> TidyCache::lookup(const std::string &DirectKey,
                                                CacheOutcome &Outcome) {
  Outcome = CacheOutcome::Miss;
  std::string Path = entryPath(DirectKey);
  std::error_code Ec;
  if (fs::exists(Path, Ec)) {
    try {
      if (auto A = matchEntry(readFile(Path), DirectKey, Path, Outcome)) {
        // Least recently used goes first when the folder is over its bound.
        fs::last_write_time(Path, fs::file_time_type::clock::now(), Ec);
        return A;
      }
    } catch (const Error &) {
      // Evicted meanwhile: a miss.
    }
  }
  if (RemoteUrl.empty())
    return std::nullopt;
  // The server's entry is checked exactly like a local one.
  std::optional<std::string> Text = httpGet(RemoteUrl, DirectKey + ".entry");
  if (!Text)
    return std::nullopt;
  CacheOutcome Remote = CacheOutcome::Miss;
  std::optional<CachedAnalysis> A =
      matchEntry(*Text, DirectKey, RemoteUrl + "/" + DirectKey, Remote);
  if (Remote == CacheOutcome::Corrupt)
    Outcome = CacheOutcome::Corrupt;
  if (!A)
    return std::nullopt;
  Outcome = CacheOutcome::RemoteHit;
  writeFileAtomically(Path, *Text, Durability::BuildProduct);
  evict();
  return A;
}

void TidyCache::store(const std::string &DirectKey,
                      const std::vector<std::string> &Files,
                      const CachedAnalysis &A) {
  nlohmann::json FileList = nlohmann::json::array();
  for (const std::string &F : Files)
    FileList.push_back({F, contentHash(F)});
  nlohmann::json Variant{{"files", FileList},
                         {"exit_code", A.ExitCode},
                         {"output", A.Output},
                         {"evidence", A.Evidence}};
  nlohmann::json Variants = nlohmann::json::array({Variant});
  std::string Path = entryPath(DirectKey);
  std::error_code Ec;
  if (fs::exists(Path, Ec)) {
    try {
      if (auto Old = verifiedBody(readFile(Path));
          Old && Old->value("key", "") == DirectKey)
        for (const nlohmann::json &V : Old->at("variants"))
          if (Variants.size() < MaxVariants && V.at("files") != FileList)
            Variants.push_back(V);
    } catch (const std::exception &) {
      // A corrupted or vanished entry is simply replaced.
    }
  }
  std::string Body =
      nlohmann::json{{"key", DirectKey}, {"variants", Variants}}.dump();
  std::string Text = Magic + sha256Hex(Body) + '\n' + Body;
  writeFileAtomically(Path, Text, Durability::BuildProduct);
  // Best effort: a server that is down or refuses leaves the local entry.
  if (!RemoteUrl.empty())
    httpPut(RemoteUrl, DirectKey + ".entry", Text);
  evict();
}

void TidyCache::evict() {
  struct Item {
    fs::file_time_type Time;
    std::uint64_t Size;
    fs::path Path;
  };
  std::vector<Item> Entries;
  std::uint64_t Total = 0;
  auto Now = fs::file_time_type::clock::now();
  std::error_code Ec;
  for (auto It = fs::recursive_directory_iterator(Dir, Ec);
       !Ec && It != fs::recursive_directory_iterator(); It.increment(Ec)) {
    std::error_code E2;
    if (!It->is_regular_file(E2))
      continue;
    auto Time = It->last_write_time(E2);
    auto Size = It->file_size(E2);
    if (E2)
      continue;
    if (It->path().extension() != ".entry") {
      // A temporary file of a store killed before its rename.
      if (Now - Time > std::chrono::minutes(10))
        fs::remove(It->path(), E2);
      continue;
    }
    Entries.push_back({Time, Size, It->path()});
    Total += Size;
  }
  if (Total <= MaxBytes)
    return;
  std::sort(Entries.begin(), Entries.end(),
            [](const Item &A, const Item &B) { return A.Time < B.Time; });
  std::uint64_t Target = MaxBytes / 10 * 9;
  for (const Item &I : Entries) {
    if (Total <= Target)
      break;
    std::error_code E2;
    if (fs::remove(I.Path, E2))
      Total -= I.Size;
  }
}

std::vector<std::string> taintModelPaths(const std::string &ConfigText) {
  // Both CheckOptions spellings: `exitbar.TaintModels: a.json;b` and
  // `{key: exitbar-path-traversal.TaintModels, value: 'a.json'}`.
  static const std::regex Option(
      R"(TaintModels['"]?\s*(?:,\s*value\s*:|:)[ \t]*(['"]?)([^'"\n},]*)\1)");
  std::vector<std::string> Paths;
  for (auto It =
           std::sregex_iterator(ConfigText.begin(), ConfigText.end(), Option);
       It != std::sregex_iterator(); ++It) {
    std::istringstream List((*It)[2].str());
    std::string Item;
    while (std::getline(List, Item, ';')) {
      size_t Begin = Item.find_first_not_of(" \t");
      size_t End = Item.find_last_not_of(" \t\r");
      if (Begin != std::string::npos)
        Paths.push_back(Item.substr(Begin, End - Begin + 1));
    }
  }
  return Paths;
}

std::string tidyDirectKey(const std::string &ClangTidy,
                          const std::vector<std::string> &Arguments,
                          const std::string &Source,
                          const std::string &SourceDir,
                          const std::vector<std::string> &ModelDirs) {
  std::string Text = "exitbar-tidy-cache 1\n";
  auto Add = [&Text](const std::string &Name, const std::string &Value) {
    Text += Name + '=' + std::to_string(Value.size()) + ':' + Value + '\n';
  };
  std::error_code Ec;
  Add("exitbar", identityOf(fs::read_symlink("/proc/self/exe", Ec).string()));
  Add("clang-tidy", identityOf(resolveProgram(ClangTidy)));
  Add("cwd", fs::current_path(Ec).string());
  Add("source-dir", SourceDir);
  // The project's taint model files (checks/utils/TaintModels.h), named
  // in any configuration clang-tidy reads; relative to the source folder.
  std::vector<std::string> ModelFiles;
  auto AddModelsOf = [&](const std::string &ConfigText) {
    for (std::string Path : taintModelPaths(ConfigText)) {
      if (fs::path(Path).is_relative() && !SourceDir.empty())
        Path = (fs::absolute(SourceDir) / Path).lexically_normal().string();
      ModelFiles.push_back(Path);
    }
  };
  for (size_t I = 0; I < Arguments.size(); ++I) {
    const std::string &Arg = Arguments[I];
    Add("arg", Arg);
    AddModelsOf(Arg);
    for (std::string Option :
         {"--load", "-load", "--config-file", "-config-file"}) {
      std::string Value;
      if (Arg.rfind(Option + "=", 0) == 0)
        Value = Arg.substr(Option.size() + 1);
      else if (Arg == Option && I + 1 < Arguments.size())
        Value = Arguments[I + 1];
      else
        continue;
      Add(Option, Option.find("load") != std::string::npos
                      ? identityOf(Value)
                      : contentHash(Value));
      if (Option.find("config-file") != std::string::npos &&
          fs::is_regular_file(Value, Ec))
        AddModelsOf(readFile(Value));
    }
  }
  // Every .clang-tidy that may apply: clang-tidy takes the closest, which
  // may inherit its parents' (InheritParentConfig); all of them count.
  for (fs::path D = fs::absolute(Source).parent_path();; D = D.parent_path()) {
    fs::path Config = D / ".clang-tidy";
    if (fs::is_regular_file(Config, Ec)) {
      Add("config " + Config.string(), contentHash(Config.string()));
      AddModelsOf(readFile(Config.string()));
    }
    if (D == D.parent_path())
      break;
  }
  for (const std::string &File : ModelFiles)
    if (fs::is_regular_file(File, Ec))
      Add("taint model " + File, contentHash(File));
    else
      Add("taint model " + File, "absent"); // a folder: listed below
  std::vector<std::string> Dirs = ModelDirs;
  for (const std::string &File : ModelFiles)
    if (fs::is_directory(File, Ec))
      Dirs.push_back(File);
  for (const std::string &Models : Dirs) {
    if (!fs::is_directory(Models, Ec))
      continue;
    std::vector<std::string> Files;
    for (auto It = fs::recursive_directory_iterator(Models, Ec);
         !Ec && It != fs::recursive_directory_iterator(); It.increment(Ec))
      if (It->is_regular_file())
        Files.push_back(It->path().string());
    std::sort(Files.begin(), Files.end());
    for (const std::string &F : Files)
      Add("model " + F, contentHash(F));
  }
  return sha256Hex(Text);
}

std::vector<std::string> readHeaderList(const std::string &Text) {
  std::vector<std::string> Files;
  std::istringstream In(Text);
  std::string Line;
  while (std::getline(In, Line)) {
    // `-H` prints ". a.h", ".. b.h" by depth; the file has bare paths,
    // which may themselves start with a dot ("./a.h").
    size_t Dots = Line.find_first_not_of('.');
    size_t Start = Dots != std::string::npos && Dots > 0 && Line[Dots] == ' '
                       ? Dots + 1
                       : 0;
    std::string File = Line.substr(Start);
    if (!File.empty())
      Files.push_back(fs::absolute(File).lexically_normal().string());
  }
  std::sort(Files.begin(), Files.end());
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
  return Files;
}

std::uint64_t parseCacheSize(const std::string &Text) {
  size_t End = 0;
  unsigned long long Value = 0;
  try {
    Value = std::stoull(Text, &End);
  } catch (const std::exception &) {
    End = 0;
  }
  std::string Unit = End ? Text.substr(End) : "";
  std::uint64_t Scale = 1;
  if (Unit == "K" || Unit == "k")
    Scale = 1ULL << 10;
  else if (Unit == "M")
    Scale = 1ULL << 20;
  else if (Unit == "G")
    Scale = 1ULL << 30;
  else if (!Unit.empty())
    End = 0;
  if (End == 0 || Value == 0)
    throw Error("usage.cache.size", "", "",
                "cache size '" + Text +
                    "' is not a positive number of bytes with an optional "
                    "K, M or G");
  return Value * Scale;
}

} // namespace exitbar

// TidyCache.h - the findings cache of `exitbar tidy`
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_TIDYCACHE_H
#define EXITBAR_TIDYCACHE_H

#include "exitbar/Evidence.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace exitbar {

/// What a cached analysis replays: clang-tidy's output and exit code, and
/// the translation unit's findings fragment.
struct CachedAnalysis {
  int ExitCode = 0;
  std::string Output;
  FindingsEvidence Evidence;
};

/// How a lookup went, for the statistics.
enum class CacheOutcome { Hit, RemoteHit, Miss, Corrupt };

/// A folder of analysis results keyed, as ccache's direct mode keys
/// compilations, in two steps: what is known before the analysis (the
/// command line, the tools' and the check configuration's identity: the
/// "direct key"), then the content of every file the analysis read, listed
/// in the entry. Entries are written atomically and carry their key and a
/// SHA-256 of their content; a torn, corrupted or foreign entry is a miss.
class TidyCache {
public:
  /// \p Dir is created when missing; \p MaxBytes bounds the folder (oldest
  /// entries are evicted first after each store).
  /// Example: TidyCache C("/home/u/.cache/exitbar", 1 << 30);
  /// \p RemoteUrl (`http://host:port/path`, optional) is a shared cache
  /// server: looked up after a local miss, given every entry stored.
  TidyCache(std::string Dir, std::uint64_t MaxBytes,
            std::string RemoteUrl = "");

  /// The entry for \p DirectKey whose files all still have the content they
  /// had, or nothing. Marks the entry as recently used.
  /// Example: if (auto A = C.lookup(K, Outcome)) replay(*A);
  std::optional<CachedAnalysis> lookup(const std::string &DirectKey,
                                       CacheOutcome &Outcome);

  /// Stores \p A for \p DirectKey with the contents of \p Files (every file
  /// the analysis read, the source included) as they are now. Keeps up to
  /// eight variants per direct key (a branch switched back and forth).
  /// Example: C.store(K, {"a.cpp", "a.h"}, A);
  void store(const std::string &DirectKey,
             const std::vector<std::string> &Files, const CachedAnalysis &A);

  /// Removes the least recently used entries until the folder holds at most
  /// 90 % of the bound, and temporary files older than ten minutes (left
  /// by an interrupted store).
  void evict();

  /// Where the entry of \p DirectKey lives.
  std::string entryPath(const std::string &DirectKey) const;

private:
  std::string Dir;
  std::uint64_t MaxBytes;
  std::string RemoteUrl;
};

/// The body of `GET <BaseUrl>/<Key>` when the server answers 200; nothing
/// when it cannot be reached or answers otherwise.
/// Example: auto Blob = httpGet("http://127.0.0.1:8080/exitbar", Key);
std::optional<std::string> httpGet(const std::string &BaseUrl,
                                   const std::string &Key);
/// `PUT <BaseUrl>/<Key>` with \p Blob; true on a 2xx answer.
bool httpPut(const std::string &BaseUrl, const std::string &Key,
             const std::string &Blob);
/// True for an `http://host[:port][/path]` URL.
bool isHttpCacheUrl(const std::string &Url);

/// The paths a clang-tidy configuration text (a `.clang-tidy` file, a
/// `--config` value) gives the taint checks' `TaintModels` option, in
/// either CheckOptions spelling; what the cache key hashes besides it.
/// Example: taintModelPaths("exitbar.TaintModels: 'a.json;m'") == {"a.json",
/// "m"}
std::vector<std::string> taintModelPaths(const std::string &ConfigText);

/// What determines an analysis's result before it runs, hashed: the cache
/// format, exitbar's own binary, the clang-tidy binary and every plugin it
/// loads (path, size, modification time), the working folder, the source
/// folder, clang-tidy's whole command line, every `.clang-tidy` file from
/// the source's folder up to the root and any `--config-file` (content),
/// and the taint model files (content).
/// Example: std::string K = tidyDirectKey(Options.ClangTidy, Args, Src, ...);
std::string tidyDirectKey(const std::string &ClangTidy,
                          const std::vector<std::string> &Arguments,
                          const std::string &Source,
                          const std::string &SourceDir,
                          const std::vector<std::string> &ModelDirs);

/// Reads the header list clang writes with `-header-include-file` (one path
/// a line, or with leading dots as `-H` prints them).
std::vector<std::string> readHeaderList(const std::string &Text);

/// The default bound of the cache: EXITBAR_CACHE_MAX_SIZE's parse, else 5 GiB.
/// Parses "500M", "2G", "1048576". Throws Error (usage.cache.size).
std::uint64_t parseCacheSize(const std::string &Text);

} // namespace exitbar

#endif // EXITBAR_TIDYCACHE_H

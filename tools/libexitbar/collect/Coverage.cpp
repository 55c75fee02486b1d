// Coverage.cpp - `exitbar collect coverage`: gcov over a build tree, merged and
// filtered
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Coverage.h"
#include "exitbar/Error.h"
#include "exitbar/Process.h"
#include "formats/gcda/Read.h"
#include "formats/gcov-json/Read.h"
#include "formats/lcov/Read.h"
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cxxabi.h>
#include <filesystem>
#include <fnmatch.h>
#include <fstream>
#include <mutex>
#include <thread>

namespace fs = std::filesystem;

namespace exitbar {
namespace {

/// The most files one gcov run gets: enough to amortise process start-up.
constexpr size_t MaxBatchSize = 32;

/// Files per gcov run: at least four batches per worker, so that parsing one
/// batch's JSON overlaps the next gcov run and no worker is left with one
/// large batch at the end (50 files on 2 cores: 7 per batch, not 32 + 18).
size_t batchSize(size_t Files, unsigned Jobs) {
  size_t Wanted = (Files + Jobs * 4 - 1) / (Jobs * 4);
  return std::clamp<size_t>(Wanted, 1, MaxBatchSize);
}

std::vector<std::string> findNotesFiles(const std::string &BuildDir) {
  std::vector<std::string> Found;
  std::error_code Ec;
  fs::recursive_directory_iterator It(
      BuildDir, fs::directory_options::skip_permission_denied, Ec);
  if (Ec)
    throw Error("input.coverage.build-dir", BuildDir, "",
                "cannot read the build folder: " + Ec.message());
  for (auto End = fs::recursive_directory_iterator(); It != End;
       It.increment(Ec)) {
    if (Ec)
      break;
    const fs::path &P = It->path();
    // CMake's compiler identification objects are not the project's code.
    if (It->is_directory() &&
        P.filename().string().rfind("CompilerId", 0) == 0) {
      It.disable_recursion_pending();
      continue;
    }
    if (P.extension() == ".gcno")
      Found.push_back(fs::absolute(P).lexically_normal().string());
  }
  std::sort(Found.begin(), Found.end());
  return Found;
}

bool matchesAny(const std::vector<std::string> &Globs,
                const std::string &Path) {
  return std::any_of(Globs.begin(), Globs.end(), [&](const std::string &G) {
    return ::fnmatch(G.c_str(), Path.c_str(), 0) == 0;
  });
}

bool isInside(const fs::path &Path, const fs::path &Dir) {
  auto Rel = Path.lexically_relative(Dir);
  return !Rel.empty() && *Rel.begin() != "..";
}

} // namespace

CoverageEvidence filterCoverage(const CoverageEvidence &E,
                                const CoverageOptions &Options) {
  CoverageEvidence Out;
  Out.Tool = E.Tool;
  fs::path Source = fs::absolute(Options.SourceDir).lexically_normal();
  fs::path Build = Options.BuildDir.empty()
                       ? fs::path()
                       : fs::absolute(Options.BuildDir).lexically_normal();
  // An in-source build has no separate build folder to leave out.
  bool DropBuild =
      !Options.BuildDir.empty() && Build != Source && !isInside(Source, Build);
  for (const auto &[File, Cov] : E.Files) {
    fs::path Path = fs::path(File).lexically_normal();
    if (Path.is_relative())
      Path = (Source / Path).lexically_normal();
    // Generated sources in the build folder are not the project's code,
    // even when the build folder sits inside the source folder.
    if (DropBuild && isInside(Path, Build))
      continue;
    std::string Relative = isInside(Path, Source)
                               ? Path.lexically_relative(Source).string()
                               : Path.string();
    bool Keep = Options.Filters.empty() ? isInside(Path, Source)
                                        : matchesAny(Options.Filters, Relative);
    if (!Keep || matchesAny(Options.Excludes, Relative))
      continue;
    Out.Files[Relative].merge(Cov);
  }
  return Out;
}

CoverageEvidence collectGcovCoverage(const CoverageOptions &Options) {
  std::vector<std::string> Notes = findNotesFiles(Options.BuildDir);
  unsigned Jobs = Options.Jobs
                      ? Options.Jobs
                      : std::max(1U, std::thread::hardware_concurrency());
  const size_t BatchSize = batchSize(Notes.size(), Jobs);
  std::vector<std::vector<std::string>> Batches;
  for (size_t I = 0; I < Notes.size(); I += BatchSize)
    Batches.emplace_back(Notes.begin() + static_cast<long>(I),
                         Notes.begin() + static_cast<long>(std::min(
                                             I + BatchSize, Notes.size())));

  Jobs = std::min<unsigned>(Jobs, static_cast<unsigned>(Batches.size()));
  std::vector<CoverageEvidence> Results(Batches.size());
  std::vector<std::exception_ptr> Failures(Batches.size());
  std::atomic<size_t> Next{0};
  std::mutex ProgressMutex;
  size_t Done = 0;
  auto Work = [&] {
    for (size_t B; (B = Next++) < Batches.size();) {
      try {
        for (const std::string &Notes : Batches[B])
          formats::checkGcovFiles(Notes);
        std::vector<std::string> Argv{Options.Gcov, "--json-format", "--stdout",
                                      "--branch-probabilities"};
        Argv.insert(Argv.end(), Batches[B].begin(), Batches[B].end());
        // gcov says "cannot open data file" for every compiled-but-never-run
        // file: expected, and those files still count with zero hits.
        ProcessResult R = runProcess(Argv, /*DiscardStderr=*/true);
        if (R.ExitCode != 0)
          throw Error("input.gcov.failed", Batches[B].front(), "",
                      Options.Gcov + " exited with code " +
                          std::to_string(R.ExitCode) +
                          " (corrupt or mismatched .gcno/.gcda?)");
        Results[B] = formats::readGcovJson(R.Stdout, Batches[B].front());
        if (Options.Progress) {
          std::lock_guard<std::mutex> Lock(ProgressMutex);
          Options.Progress(++Done, Batches.size());
        }
      } catch (...) {
        Failures[B] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> Threads;
  for (unsigned J = 1; J < Jobs; ++J)
    Threads.emplace_back(Work);
  Work();
  for (std::thread &T : Threads)
    T.join();
  for (const std::exception_ptr &F : Failures)
    if (F)
      std::rethrow_exception(F);

  CoverageEvidence All;
  All.Tool = "gcov";
  for (const CoverageEvidence &R : Results)
    All.merge(R);
  return filterCoverage(All, Options);
}

namespace {

/// ELF executables and shared libraries of the build tree: the objects whose
/// coverage mappings llvm-cov needs (it skips those without one).
std::vector<std::string> findBinaries(const std::string &BuildDir) {
  std::vector<std::string> Found;
  std::error_code Ec;
  fs::recursive_directory_iterator It(
      BuildDir, fs::directory_options::skip_permission_denied, Ec);
  for (auto End = fs::recursive_directory_iterator(); !Ec && It != End;
       It.increment(Ec)) {
    const fs::path &P = It->path();
    if (It->is_directory(Ec)) {
      // CMake's compiler checks and try_compile projects.
      if (P.filename() == "CMakeFiles")
        It.disable_recursion_pending();
      continue;
    }
    if (!It->is_regular_file(Ec))
      continue;
    std::string Name = P.filename().string();
    bool Shared = Name.find(".so") != std::string::npos;
    bool Executable = (It->status(Ec).permissions() & fs::perms::owner_exec) !=
                      fs::perms::none;
    if (!Shared && !Executable)
      continue;
    char Magic[4] = {};
    std::ifstream In(P, std::ios::binary);
    if (In.read(Magic, 4) && Magic[0] == 0x7f && Magic[1] == 'E' &&
        Magic[2] == 'L' && Magic[3] == 'F')
      Found.push_back(fs::absolute(P).lexically_normal().string());
  }
  std::sort(Found.begin(), Found.end());
  return Found;
}

std::vector<std::string> findProfiles(const std::string &BuildDir) {
  std::vector<std::string> Found;
  std::error_code Ec;
  fs::recursive_directory_iterator It(
      BuildDir, fs::directory_options::skip_permission_denied, Ec);
  for (auto End = fs::recursive_directory_iterator(); !Ec && It != End;
       It.increment(Ec))
    if (It->path().extension() == ".profraw")
      Found.push_back(It->path().string());
  std::sort(Found.begin(), Found.end());
  return Found;
}

/// llvm-cov names C++ functions by their mangled names; gcov demangles.
void demangleFunctions(CoverageEvidence &E) {
  for (auto &[Path, F] : E.Files) {
    std::map<std::string, FunctionCoverage> Named;
    for (auto &[Name, Fn] : F.Functions) {
      int Status = 0;
      char *Demangled =
          Name.rfind("_Z", 0) == 0
              ? abi::__cxa_demangle(Name.c_str(), nullptr, nullptr, &Status)
              : nullptr;
      FunctionCoverage &Out =
          Named[Demangled && Status == 0 ? Demangled : Name];
      std::free(Demangled);
      Out.Line = Fn.Line;
      addHits(Out.Hits, Fn.Hits);
    }
    F.Functions = std::move(Named);
  }
}

} // namespace

CoverageEvidence collectLlvmCoverage(const CoverageOptions &Options) {
  // exitbar_enable(COVERAGE) sends the tests' profiles to exitbar/profiles;
  // other .profraw files in the tree (benchmark runs) are not test coverage.
  fs::path Own = fs::path(Options.BuildDir) / "exitbar" / "profiles";
  std::error_code Ec;
  std::vector<std::string> Profiles =
      findProfiles(fs::is_directory(Own, Ec) ? Own.string() : Options.BuildDir);
  if (Profiles.empty())
    throw Error("input.llvm-cov.no-profiles", Options.BuildDir, "",
                "no .profraw files: run the tests of a build compiled with "
                "-fprofile-instr-generate -fcoverage-mapping first");
  std::vector<std::string> Binaries = findBinaries(Options.BuildDir);
  if (Binaries.empty())
    throw Error("input.llvm-cov.no-binaries", Options.BuildDir, "",
                "no executables or shared libraries in the build folder");
  fs::path Merged =
      fs::path(Options.BuildDir) / "exitbar" / "coverage.profdata";
  fs::create_directories(Merged.parent_path());
  std::vector<std::string> Merge{Options.LlvmProfdata, "merge", "-sparse", "-o",
                                 Merged.string()};
  Merge.insert(Merge.end(), Profiles.begin(), Profiles.end());
  if (Options.Progress)
    Options.Progress(0, 2);
  ProcessResult M = runProcess(Merge, /*DiscardStderr=*/true);
  if (M.ExitCode != 0)
    throw Error("input.llvm-cov.failed", Profiles.front(), "",
                Options.LlvmProfdata + " merge exited with code " +
                    std::to_string(M.ExitCode) + " (corrupt .profraw file?)");
  if (Options.Progress)
    Options.Progress(1, 2);
  std::vector<std::string> Export{Options.LlvmCov, "export",
                                  "-format=lcov",  "-instr-profile",
                                  Merged.string(), Binaries.front()};
  for (size_t I = 1; I < Binaries.size(); ++I) {
    Export.emplace_back("-object");
    Export.push_back(Binaries[I]);
  }
  ProcessResult X = runProcess(Export, /*DiscardStderr=*/true);
  if (X.ExitCode != 0)
    throw Error("input.llvm-cov.failed", Merged.string(), "",
                Options.LlvmCov + " export exited with code " +
                    std::to_string(X.ExitCode) +
                    " (no binary built with -fcoverage-mapping, or a profile "
                    "from another build?)");
  if (Options.Progress)
    Options.Progress(2, 2);
  CoverageEvidence All =
      formats::readLcov(X.Stdout, Options.LlvmCov + " export");
  All.Tool = "llvm-cov";
  demangleFunctions(All);
  return filterCoverage(All, Options);
}

} // namespace exitbar

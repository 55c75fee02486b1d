// StandaloneMain.cpp - runs a fuzz target without libFuzzer: its seeds, then
// random mutations of them
// SPDX-License-Identifier: Apache-2.0
//
// Usage: <target>_fuzz_smoke [--seconds S] [--seed N] FILE_OR_DIR...
//
// The same LLVMFuzzerTestOneInput the libFuzzer targets export, linked into
// any build (GCC included) instead of libFuzzer. It runs every seed, then,
// for S seconds (default 4), inputs made by stacking a few blind mutations
// (bit flips, interesting bytes, inserted, erased, duplicated and spliced
// ranges, huge numbers, truncation) on a seed or on the previous input.
// ctest runs one `fuzz.<target>` test per target in the sanitized build of
// scripts/test.sh: CI's smoke run of every reader, at no extra build cost.
// It has no coverage feedback; the real fuzzing is scripts/fuzz (libFuzzer,
// clang). When an input crashes the process — a sanitizer report, an
// uncaught exception, a signal — it is written to ./smoke-crash-<hash>
// first, and the seed of the run is printed, so the failure reproduces:
//   <target>_fuzz_smoke smoke-crash-<hash>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size);

// Sanitizer runtimes define it; without them the weak reference is null.
extern "C" void __sanitizer_set_death_callback(void (*Callback)(void))
    __attribute__((weak));

namespace fs = std::filesystem;

namespace {

using Bytes = std::vector<uint8_t>;

/// The input being run, kept where a dying process can still write it.
Bytes Current;
bool Dumped = false;

/// Writes `Current` to ./smoke-crash-<FNV-1a hash> with plain system calls
/// (it runs from a signal handler or a sanitizer's death callback).
void dumpCurrentInput() {
  if (Dumped)
    return;
  Dumped = true;
  uint64_t Hash = 1469598103934665603ULL;
  for (uint8_t B : Current)
    Hash = (Hash ^ B) * 1099511628211ULL;
  char Name[64];
  std::snprintf(Name, sizeof Name, "smoke-crash-%016llx",
                static_cast<unsigned long long>(Hash));
  int Fd = ::open(Name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (Fd >= 0) {
    size_t Done = 0;
    while (Done < Current.size()) {
      ssize_t N = ::write(Fd, Current.data() + Done, Current.size() - Done);
      if (N <= 0)
        break;
      Done += static_cast<size_t>(N);
    }
    ::close(Fd);
  }
  std::fprintf(stderr, "fuzz smoke: the input that crashed is %s (%zu bytes)\n",
               Name, Current.size());
}

void onSignal(int Signal) {
  dumpCurrentInput();
  std::signal(Signal, SIG_DFL);
  std::raise(Signal);
}

void onTerminate() {
  std::fprintf(stderr, "fuzz smoke: uncaught exception\n");
  dumpCurrentInput();
  std::abort();
}

void run(const Bytes &Input) {
  Current = Input;
  LLVMFuzzerTestOneInput(Current.data(), Current.size());
}

Bytes readBytes(const fs::path &File) {
  std::ifstream In(File, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(In),
               std::istreambuf_iterator<char>());
}

/// Values that break readers more often than random bytes do.
const char *const InterestingText[] = {"0",
                                       "-1",
                                       "4294967296",
                                       "99999999999999999999999",
                                       "1e999",
                                       "-1e999",
                                       "nan",
                                       "\"",
                                       "{",
                                       "}",
                                       "[",
                                       "]",
                                       "<",
                                       ">",
                                       "&",
                                       "&amp;",
                                       ":",
                                       ",",
                                       "\n",
                                       "\\u0000",
                                       "\xff\xfe",
                                       "null",
                                       "true",
                                       "<!DOCTYPE x [<!ENTITY e \"e\">]>",
                                       "end_of_record\n"};

class Mutator {
public:
  Mutator(uint64_t Seed, const std::vector<Bytes> &Seeds)
      : Random(Seed), Seeds(Seeds) {}

  Bytes next(const Bytes &Previous) {
    // Half the time a fresh seed, half the time deeper into the last input.
    Bytes Out = (pick(2) == 0 || Previous.empty()) && !Seeds.empty()
                    ? Seeds[pick(Seeds.size())]
                    : Previous;
    for (size_t N = 1 + pick(4); N > 0; --N)
      mutateOnce(Out);
    if (Out.size() > MaxSize)
      Out.resize(MaxSize);
    return Out;
  }

private:
  static constexpr size_t MaxSize = 64 * 1024;
  std::mt19937_64 Random;
  const std::vector<Bytes> &Seeds;

  size_t pick(size_t Bound) {
    return Bound == 0 ? 0 : static_cast<size_t>(Random() % Bound);
  }

  void mutateOnce(Bytes &Out) {
    size_t At = pick(Out.size() + 1);
    switch (pick(8)) {
    case 0: // flip a bit
      if (!Out.empty())
        Out[pick(Out.size())] ^= static_cast<uint8_t>(1U << pick(8));
      break;
    case 1: // an interesting text in place of a byte
    case 7: {
      std::string Text = InterestingText[pick(std::size(InterestingText))];
      if (!Out.empty() && At < Out.size())
        Out.erase(Out.begin() + static_cast<std::ptrdiff_t>(At));
      Out.insert(Out.begin() +
                     static_cast<std::ptrdiff_t>(std::min(At, Out.size())),
                 Text.begin(), Text.end());
      break;
    }
    case 2: // insert random bytes
      for (size_t N = 1 + pick(8); N > 0; --N)
        Out.insert(Out.begin() +
                       static_cast<std::ptrdiff_t>(std::min(At, Out.size())),
                   static_cast<uint8_t>(pick(256)));
      break;
    case 3: // erase a range
      if (At < Out.size())
        Out.erase(
            Out.begin() + static_cast<std::ptrdiff_t>(At),
            Out.begin() +
                static_cast<std::ptrdiff_t>(
                    At + pick(std::min<size_t>(Out.size() - At, 64) + 1)));
      break;
    case 4: { // duplicate a range somewhere else
      if (Out.empty())
        break;
      size_t From = pick(Out.size());
      size_t Length = 1 + pick(std::min<size_t>(Out.size() - From, 256));
      Bytes Chunk(Out.begin() + static_cast<std::ptrdiff_t>(From),
                  Out.begin() + static_cast<std::ptrdiff_t>(From + Length));
      Out.insert(Out.begin() +
                     static_cast<std::ptrdiff_t>(pick(Out.size() + 1)),
                 Chunk.begin(), Chunk.end());
      break;
    }
    case 5: // truncate
      Out.resize(At);
      break;
    case 6: { // splice: this input's head, another seed's tail
      if (Seeds.empty())
        break;
      const Bytes &Other = Seeds[pick(Seeds.size())];
      size_t From = pick(Other.size() + 1);
      Out.resize(std::min(At, Out.size()));
      Out.insert(Out.end(), Other.begin() + static_cast<std::ptrdiff_t>(From),
                 Other.end());
      break;
    }
    }
  }
};

} // namespace

int main(int Argc, char **Argv) {
  double Seconds = 4;
  uint64_t Seed = static_cast<uint64_t>(
      std::chrono::steady_clock::now().time_since_epoch().count());
  std::vector<fs::path> Files;
  for (int I = 1; I < Argc; ++I) {
    std::string Arg = Argv[I];
    if (Arg == "--seconds" && I + 1 < Argc) {
      Seconds = std::atof(Argv[++I]);
    } else if (Arg == "--seed" && I + 1 < Argc) {
      Seed = std::strtoull(Argv[++I], nullptr, 10);
    } else if (!Arg.empty() && Arg[0] == '-') {
      std::fprintf(stderr,
                   "usage: %s [--seconds S] [--seed N] FILE_OR_DIR...\n",
                   Argv[0]);
      return 2;
    } else if (fs::is_directory(Arg)) {
      for (const auto &Entry : fs::directory_iterator(Arg))
        if (Entry.is_regular_file())
          Files.push_back(Entry.path());
    } else if (fs::is_regular_file(Arg)) {
      Files.push_back(Arg);
    } else {
      std::fprintf(stderr, "%s: no such file or folder: %s\n", Argv[0],
                   Arg.c_str());
      return 2;
    }
  }
  std::sort(Files.begin(), Files.end());

  // Under a sanitizer its own handlers report the crash (with the stack);
  // the callback only adds the input. Without one, signals do.
  if (__sanitizer_set_death_callback)
    __sanitizer_set_death_callback(dumpCurrentInput);
  else
    for (int Signal : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT})
      std::signal(Signal, onSignal);
  std::set_terminate(onTerminate);

  std::vector<Bytes> Seeds;
  for (const fs::path &File : Files) {
    Seeds.push_back(readBytes(File));
    run(Seeds.back());
  }
  std::printf("fuzz smoke: seed %llu, %zu seed inputs\n",
              static_cast<unsigned long long>(Seed), Seeds.size());
  std::fflush(stdout);

  Mutator Mutate(Seed, Seeds);
  auto Deadline =
      std::chrono::steady_clock::now() +
      std::chrono::duration_cast<std::chrono::steady_clock::duration>(
          std::chrono::duration<double>(Seconds));
  Bytes Previous;
  size_t Runs = 0;
  while (std::chrono::steady_clock::now() < Deadline) {
    Previous = Mutate.next(Previous);
    run(Previous);
    ++Runs;
  }
  std::printf("fuzz smoke: %zu mutated inputs in %.0f s, no crash\n", Runs,
              Seconds);
  return 0;
}

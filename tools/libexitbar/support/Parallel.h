// Parallel.h - runs independent jobs on every core, with deterministic errors
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_SUPPORT_PARALLEL_H
#define EXITBAR_SUPPORT_PARALLEL_H

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace exitbar {

/// Calls \p Job(I) for every I in [0, N) on up to one thread per core. When
/// jobs throw, the exception of the lowest I is rethrown, so the error a
/// user sees does not depend on scheduling.
/// Example: parallelFor(Files.size(), [&](size_t I) { Out[I] = read(Files[I]);
/// });
template <typename F> void parallelFor(size_t N, F &&Job) {
  size_t Threads = std::min<size_t>(
      {std::max(1U, std::thread::hardware_concurrency()), 8, (N + 31) / 32});
  std::vector<std::exception_ptr> Errors(N);
  std::atomic<size_t> Next{0};
  auto Work = [&] {
    for (size_t I = Next++; I < N; I = Next++) {
      try {
        Job(I);
      } catch (...) {
        Errors[I] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> Pool;
  for (size_t T = 1; T < Threads; ++T)
    Pool.emplace_back(Work);
  Work();
  for (std::thread &T : Pool)
    T.join();
  for (const std::exception_ptr &E : Errors)
    if (E)
      std::rethrow_exception(E);
}

/// Folds \p Items pairwise with \p Merge, each level's pairs in parallel:
/// for an associative merge, the same result as a left fold. \p Items must
/// not be empty.
/// Example: Coverage C = parallelReduce(std::move(Shards), mergeCoverage);
template <typename T, typename F>
T parallelReduce(std::vector<T> Items, F Merge) {
  while (Items.size() > 1) {
    std::vector<T> Next((Items.size() + 1) / 2);
    parallelFor(Items.size() / 2, [&](size_t I) {
      Next[I] = Merge(std::move(Items[2 * I]), Items[2 * I + 1]);
    });
    if (Items.size() % 2)
      Next.back() = std::move(Items.back());
    Items = std::move(Next);
  }
  return std::move(Items.front());
}

} // namespace exitbar

#endif // EXITBAR_SUPPORT_PARALLEL_H

// DeferredTidy.h - the analyses of a GCC build, run after its links instead
// of inside each compile (exitbar_enable(... DEFER_ANALYSIS))
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_DEFERREDTIDY_H
#define EXITBAR_DEFERREDTIDY_H

#include "exitbar/Tidy.h"
#include <functional>
#include <string>

namespace exitbar {

/// Records the analysis \p Options describes instead of running it: the
/// unit's fragment becomes an analysis error ("deferred ... has not run"),
/// so a gate before the analysis ran blocks, and `<fragment>.job` holds the
/// `exitbar tidy` command (\p Exitbar, the options, the working folder)
/// that runDeferredTidy runs later. Returns the fragment's path.
/// Example: deferTidy(Options, "/usr/bin/exitbar");
std::string deferTidy(const TidyRunOptions &Options,
                      const std::string &Exitbar);

/// What runDeferredTidy did.
struct DeferredTidyResult {
  size_t Run = 0;     ///< analyses run (each rewrote its unit's fragment)
  size_t Dropped = 0; ///< jobs of sources that no longer exist
  size_t Failed = 0;  ///< jobs that could not be read or run; kept
};

/// Runs every analysis recorded in \p FragmentDir, \p Jobs at a time
/// (0: one per processor), and hands \p Print each one's build-log output
/// whole when it ends, so units never interleave. A job that ran is
/// removed; one that could not be read or run stays, with its fragment
/// still an analysis error, and \p Print gets an `exitbar: error:` line.
/// Example: runDeferredTidy("build/exitbar/fragments/findings", 2, print);
DeferredTidyResult
runDeferredTidy(const std::string &FragmentDir, unsigned Jobs,
                const std::function<void(const std::string &)> &Print);

} // namespace exitbar

#endif // EXITBAR_DEFERREDTIDY_H

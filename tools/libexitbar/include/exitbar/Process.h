// Process.h - running another program and capturing what it prints
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_PROCESS_H
#define EXITBAR_PROCESS_H

#include <string>
#include <vector>

namespace exitbar {

/// What a finished child process left behind.
struct ProcessResult {
  int ExitCode = 0; ///< 128 + signal number when killed by a signal
  std::string Stdout;
};

/// Runs \p Argv (argv[0] searched in PATH), capturing stdout; stderr goes to
/// ours, or nowhere with \p DiscardStderr. Throws Error (tool.not-found)
/// when the program cannot be started.
/// Example: auto R = runProcess({"clang-tidy", "--version"});
ProcessResult runProcess(const std::vector<std::string> &Argv,
                         bool DiscardStderr = false);

} // namespace exitbar

#endif // EXITBAR_PROCESS_H

// Process.h - running another program and capturing what it prints
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_PROCESS_H
#define EXITBAR_PROCESS_H

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace exitbar {

/// What a finished child process left behind.
struct ProcessResult {
  int ExitCode = 0; ///< 128 + signal number when killed by a signal
  std::string Stdout;
};

/// How runProcess runs a child.
struct ProcessOptions {
  bool DiscardStderr = false;
  /// When set, the child's stderr goes to this file (created or
  /// truncated) instead of ours; DiscardStderr is then ignored.
  std::string StderrFile;
  /// How long the child may run before its process group is killed and
  /// runProcess throws Error (process.timeout); std::nullopt: the default
  /// for the program (defaultProcessTimeout).
  std::optional<std::chrono::milliseconds> Timeout;
  /// Variables removed from the child's environment, on top of every name
  /// passed to keepOutOfChildEnvironments (the env://NAME keys).
  std::vector<std::string> UnsetEnvironment;
  /// Variables set in the child's environment ("NAME=value"), replacing
  /// ours of the same name.
  std::vector<std::string> SetEnvironment;
  /// The child's working directory; empty: ours.
  std::string WorkingDirectory;
};

/// Keeps the environment variable \p Name out of every child process
/// runProcess starts from now on: loadPrivateKey calls it for each
/// `env://NAME` key reference, so a signing key is not handed to git, gcov,
/// cmake, clang-tidy or anything they run.
/// Example: keepOutOfChildEnvironments("RELEASE_SIGNING_KEY");
void keepOutOfChildEnvironments(const std::string &Name);

/// The environment a child gets: ours, less the variables kept out of
/// children and \p Unset, with \p Set ("NAME=value") added, as
/// "NAME=value" strings. For a child started by other means than
/// runProcess (`collect energy` measures its command with wait4).
/// Example: auto Envp = childEnvironment({}, {"GCOV_PREFIX=/tmp/x"});
std::vector<std::string> childEnvironment(const std::vector<std::string> &Unset,
                                          const std::vector<std::string> &Set);

/// Runs \p Argv (argv[0] searched in PATH) in a process group of its own,
/// with our environment less the variables kept out of children,
/// capturing stdout; stderr goes to ours, or nowhere with
/// Options.DiscardStderr. Throws Error (tool.not-found) when the program
/// cannot be started, Error (process.timeout) naming the command when it
/// outlives its timeout (the whole process group is killed first).
/// Example: ProcessOptions O; O.Timeout = std::chrono::seconds(5);
///          auto R = runProcess({"git", "status"}, O);
ProcessResult runProcess(const std::vector<std::string> &Argv,
                         const ProcessOptions &Options);

/// runProcess with the default timeout of \p Argv[0].
/// Example: auto R = runProcess({"clang-tidy", "--version"});
ProcessResult runProcess(const std::vector<std::string> &Argv,
                         bool DiscardStderr = false);

/// The timeout of a program ExitBar runs, by its file name: git 2 minutes;
/// gcov, llvm-cov and llvm-profdata 10 minutes; cmake and clang-tidy
/// 30 minutes; anything else 10 minutes. setProcessTimeout overrides all.
/// Example: auto T = defaultProcessTimeout("/usr/bin/git"); // 120 s
std::chrono::milliseconds defaultProcessTimeout(const std::string &Program);

/// Overrides every default timeout (`exitbar --process-timeout SECONDS`);
/// std::nullopt restores the defaults.
/// Example: setProcessTimeout(std::chrono::seconds(60));
void setProcessTimeout(std::optional<std::chrono::milliseconds> Timeout);

} // namespace exitbar

#endif // EXITBAR_PROCESS_H

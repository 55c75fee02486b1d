// Process.cpp - running another program and capturing what it prints
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Process.h"
#include "exitbar/Error.h"
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <mutex>
#include <poll.h>
#include <set>
#include <spawn.h>
#include <string_view>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

// unistd.h declares it only with _GNU_SOURCE, which g++ defines and other
// compilers need not.
extern char **
    environ; // NOLINT(readability-redundant-declaration,readability-identifier-naming): POSIX name

namespace exitbar {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

/// Names of variables no child may see (keepOutOfChildEnvironments).
struct Secrets {
  std::mutex Lock;
  std::set<std::string> Names;
};

Secrets &secrets() {
  static Secrets S;
  return S;
}

std::optional<milliseconds> &timeoutOverride() {
  static std::optional<milliseconds> Override;
  return Override;
}

/// The command line for an error message, cut to a readable length.
std::string commandLine(const std::vector<std::string> &Argv) {
  std::string Out;
  for (const std::string &Arg : Argv) {
    if (!Out.empty())
      Out += ' ';
    Out += Arg;
    if (Out.size() > 200)
      return Out.substr(0, 200) + " ...";
  }
  return Out;
}

/// Time left until \p Deadline in whole milliseconds, at least 0.
int millisecondsLeft(Clock::time_point Deadline) {
  auto Left = std::chrono::duration_cast<milliseconds>(Deadline - Clock::now());
  return static_cast<int>(
      std::max<long long>(0, std::min<long long>(Left.count(), 1000 * 1000)));
}

/// Kills \p Pid's process group: SIGTERM, then SIGKILL after a grace time,
/// and reaps the child.
void killGroup(pid_t Pid) {
  ::kill(-Pid, SIGTERM);
  int Status = 0;
  auto Grace = Clock::now() + milliseconds(2000);
  while (Clock::now() < Grace) {
    if (::waitpid(Pid, &Status, WNOHANG) == Pid) {
      ::kill(-Pid, SIGKILL); // grandchildren that ignored SIGTERM
      return;
    }
    std::this_thread::sleep_for(milliseconds(10));
  }
  ::kill(-Pid, SIGKILL);
  while (::waitpid(Pid, &Status, 0) < 0 && errno == EINTR) {
  }
}

} // namespace

std::vector<std::string> childEnvironment(const std::vector<std::string> &Unset,
                                          const std::vector<std::string> &Set) {
  std::set<std::string> Drop(Unset.begin(), Unset.end());
  {
    std::lock_guard<std::mutex> Guard(secrets().Lock);
    Drop.insert(secrets().Names.begin(), secrets().Names.end());
  }
  for (const std::string &Var : Set)
    Drop.insert(Var.substr(0, Var.find('=')));
  std::vector<std::string> Out;
  for (char **Entry = environ; *Entry; ++Entry) {
    std::string_view Var(*Entry);
    if (!Drop.count(std::string(Var.substr(0, Var.find('=')))))
      Out.emplace_back(Var);
  }
  Out.insert(Out.end(), Set.begin(), Set.end());
  return Out;
}

void keepOutOfChildEnvironments(const std::string &Name) {
  std::lock_guard<std::mutex> Guard(secrets().Lock);
  secrets().Names.insert(Name);
}

milliseconds defaultProcessTimeout(const std::string &Program) {
  if (timeoutOverride())
    return *timeoutOverride();
  std::string Name = std::filesystem::path(Program).filename().string();
  auto Is = [&](const char *Prefix) { return Name.rfind(Prefix, 0) == 0; };
  using std::chrono::minutes;
  if (Name == "git")
    return minutes(2);
  if (Is("cmake") || Is("clang-tidy"))
    return minutes(30);
  return minutes(10); // gcov, llvm-cov, llvm-profdata and the rest
}

void setProcessTimeout(std::optional<milliseconds> Timeout) {
  timeoutOverride() = Timeout;
}

ProcessResult runProcess(const std::vector<std::string> &Argv,
                         bool DiscardStderr) {
  ProcessOptions Options;
  Options.DiscardStderr = DiscardStderr;
  return runProcess(Argv, Options);
}

ProcessResult runProcess(const std::vector<std::string> &Argv,
                         const ProcessOptions &Options) {
  if (Argv.empty())
    throw Error("tool.not-found", "", "", "empty command line");
  const milliseconds Timeout =
      Options.Timeout ? *Options.Timeout : defaultProcessTimeout(Argv[0]);
  int Pipe[2];
  if (::pipe2(Pipe, O_CLOEXEC) != 0)
    throw Error("tool.not-found", Argv[0], "",
                std::string("cannot create a pipe: ") + std::strerror(errno));

  posix_spawn_file_actions_t Actions;
  posix_spawn_file_actions_init(&Actions);
  posix_spawn_file_actions_adddup2(&Actions, Pipe[1], STDOUT_FILENO);
  if (!Options.StderrFile.empty())
    posix_spawn_file_actions_addopen(&Actions, STDERR_FILENO,
                                     Options.StderrFile.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
  else if (Options.DiscardStderr)
    posix_spawn_file_actions_addopen(&Actions, STDERR_FILENO, "/dev/null",
                                     O_WRONLY, 0);
  // After the files above, which open relative to our own folder.
  if (!Options.WorkingDirectory.empty())
    posix_spawn_file_actions_addchdir_np(&Actions,
                                         Options.WorkingDirectory.c_str());
  // A process group of its own, so that a timeout kills the child's
  // children too (cmake's generators, a shell's commands).
  posix_spawnattr_t Attributes;
  posix_spawnattr_init(&Attributes);
  posix_spawnattr_setflags(&Attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&Attributes, 0);

  std::vector<char *> Args;
  Args.reserve(Argv.size() + 1);
  for (const std::string &Arg : Argv)
    Args.push_back(const_cast<char *>(Arg.c_str()));
  Args.push_back(nullptr);
  std::vector<std::string> Environment =
      childEnvironment(Options.UnsetEnvironment, Options.SetEnvironment);
  std::vector<char *> EnvironmentPointers;
  EnvironmentPointers.reserve(Environment.size() + 1);
  for (std::string &Var : Environment)
    EnvironmentPointers.push_back(Var.data());
  EnvironmentPointers.push_back(nullptr);

  pid_t Pid = 0;
  int SpawnError = ::posix_spawnp(&Pid, Args[0], &Actions, &Attributes,
                                  Args.data(), EnvironmentPointers.data());
  posix_spawn_file_actions_destroy(&Actions);
  posix_spawnattr_destroy(&Attributes);
  ::close(Pipe[1]);
  if (SpawnError != 0) {
    ::close(Pipe[0]);
    throw Error("tool.not-found", Argv[0], "",
                std::string("cannot run: ") + std::strerror(SpawnError));
  }

  const Clock::time_point Deadline = Clock::now() + Timeout;
  auto TimedOut = [&] {
    killGroup(Pid);
    char Seconds[32];
    std::snprintf(Seconds, sizeof Seconds, "%g",
                  static_cast<double>(Timeout.count()) / 1000);
    throw Error(
        "process.timeout", Argv[0], "",
        std::string("did not finish within ") + Seconds +
            " s and was killed (see --process-timeout): " + commandLine(Argv));
  };

  ProcessResult Result;
  char Buffer[65536];
  for (;;) {
    int Left = millisecondsLeft(Deadline);
    if (Left == 0) {
      ::close(Pipe[0]);
      TimedOut();
    }
    pollfd Poll{Pipe[0], POLLIN, 0};
    int Ready = ::poll(&Poll, 1, Left);
    if (Ready < 0 && errno != EINTR)
      break;
    if (Ready <= 0)
      continue;
    ssize_t N = ::read(Pipe[0], Buffer, sizeof Buffer);
    if (N > 0)
      Result.Stdout.append(Buffer, static_cast<size_t>(N));
    else if (N == 0 || errno != EINTR)
      break;
  }
  ::close(Pipe[0]);

  // stdout is closed; the child may still run (it closed its stdout).
  int Status = 0;
  for (;;) {
    pid_t Done = ::waitpid(Pid, &Status, WNOHANG);
    if (Done == Pid)
      break;
    if (Done < 0 && errno != EINTR)
      break;
    if (millisecondsLeft(Deadline) == 0)
      TimedOut();
    std::this_thread::sleep_for(milliseconds(5));
  }
  if (WIFEXITED(Status))
    Result.ExitCode = WEXITSTATUS(Status);
  else if (WIFSIGNALED(Status))
    Result.ExitCode = 128 + WTERMSIG(Status);
  return Result;
}

} // namespace exitbar

// Process.cpp - running another program and capturing what it prints
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Process.h"
#include "exitbar/Error.h"
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ; // NOLINT(readability-identifier-naming): POSIX name

namespace exitbar {

ProcessResult runProcess(const std::vector<std::string> &Argv,
                         bool DiscardStderr) {
  if (Argv.empty())
    throw Error("tool.not-found", "", "", "empty command line");
  int Pipe[2];
  if (::pipe(Pipe) != 0)
    throw Error("tool.not-found", Argv[0], "",
                std::string("cannot create a pipe: ") + std::strerror(errno));

  posix_spawn_file_actions_t Actions;
  posix_spawn_file_actions_init(&Actions);
  posix_spawn_file_actions_adddup2(&Actions, Pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&Actions, Pipe[0]);
  posix_spawn_file_actions_addclose(&Actions, Pipe[1]);
  if (DiscardStderr)
    posix_spawn_file_actions_addopen(&Actions, STDERR_FILENO, "/dev/null",
                                     O_WRONLY, 0);

  std::vector<char *> Args;
  Args.reserve(Argv.size() + 1);
  for (const std::string &Arg : Argv)
    Args.push_back(const_cast<char *>(Arg.c_str()));
  Args.push_back(nullptr);

  pid_t Pid = 0;
  int SpawnError =
      ::posix_spawnp(&Pid, Args[0], &Actions, nullptr, Args.data(), environ);
  posix_spawn_file_actions_destroy(&Actions);
  ::close(Pipe[1]);
  if (SpawnError != 0) {
    ::close(Pipe[0]);
    throw Error("tool.not-found", Argv[0], "",
                std::string("cannot run: ") + std::strerror(SpawnError));
  }

  ProcessResult Result;
  char Buffer[65536];
  for (;;) {
    ssize_t N = ::read(Pipe[0], Buffer, sizeof Buffer);
    if (N > 0)
      Result.Stdout.append(Buffer, static_cast<size_t>(N));
    else if (N == 0 || errno != EINTR)
      break;
  }
  ::close(Pipe[0]);

  int Status = 0;
  while (::waitpid(Pid, &Status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(Status))
    Result.ExitCode = WEXITSTATUS(Status);
  else if (WIFSIGNALED(Status))
    Result.ExitCode = 128 + WTERMSIG(Status);
  return Result;
}

} // namespace exitbar

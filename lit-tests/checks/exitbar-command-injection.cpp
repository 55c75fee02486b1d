// RUN: %check_exitbar_tidy %s exitbar-command-injection %t -- -config="{CheckOptions: [{key: exitbar.ThreatModels, value: all}]}" -- -isystem %S/Inputs/exitbar-command-injection

#include <ctype.h>
#include <iostream>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

// --- Flagged ----------------------------------------------------------------

void listUserDir(const char *user) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "ls /home/%s", user);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input; validate the input against an allow-list, or run a fixed program with execv/posix_spawn and pass the input as an argument [exitbar-command-injection]
  // CHECK-MESSAGES: :[[@LINE-5]]:30: note: 'cmd' comes from parameter 'user'
}

void archive(const std::string &dir) {
  std::string cmd = "tar czf /tmp/out.tgz " + dir;
  system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
  // CHECK-MESSAGES: :[[@LINE-4]]:33: note: 'cmd' comes from parameter 'dir'
}

void page() {
  const char *pager = getenv("PAGER");
  std::string cmd = std::string(pager) + " README";
  FILE *p = popen(cmd.c_str(), "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'popen' runs a shell command built from untrusted input
  // CHECK-MESSAGES: :[[@LINE-4]]:23: note: 'cmd' comes from 'getenv'
  pclose(p);
}

void fromTerminal() {
  char line[128];
  if (fgets(line, sizeof line, stdin) == NULL)
    return;
  system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 'line' comes from 'fgets'
}

void newlineTrimmed() {
  // Looking for the newline trims the line; it does not check it.
  char line[128];
  if (fgets(line, sizeof line, stdin) == NULL)
    return;
  char *nl = strchr(line, '\n');
  if (nl == NULL)
    return;
  *nl = '\0';
  system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE-8]]:7: note: 'line' comes from 'fgets'
}

void fromStream() {
  std::string host;
  std::getline(std::cin, host);
  system(("ping -c 1 " + host).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'host' comes from 'std::getline'
}

void fromSocket(int fd) {
  char buf[512];
  recv(fd, buf, sizeof buf, 0);
  execl("/bin/sh", "sh", "-c", buf, (char *)0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'execl' passes untrusted input to a shell as its command; run a fixed program and pass the input as a separate argument [exitbar-command-injection]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'buf' comes from 'recv'
}

void shellArray(const char *file) {
  char script[128] = "gzip ";
  strcat(script, file);
  char *args[] = {(char *)"sh", (char *)"-c", script, nullptr};
  execv("/bin/sh", args);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'execv' passes untrusted input to a shell as its command
  // CHECK-MESSAGES: :[[@LINE-6]]:29: note: 'script' comes from parameter 'file'
}

void shellVector(const std::string &branch) {
  std::string script = "git checkout " + branch;
  std::vector<const char *> args = {"bash", "-ec", script.c_str(), nullptr};
  execvp("bash", const_cast<char *const *>(args.data()));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'execvp' passes untrusted input to a shell as its command
  // CHECK-MESSAGES: :[[@LINE-5]]:37: note: 'script' comes from parameter 'branch'
}

void streamBuilt(const std::string &pattern) {
  std::ostringstream os;
  os << "grep -r " << pattern << " .";
  system(os.str().c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE-5]]:37: note: 'os' comes from parameter 'pattern'
}

void programFromEnvironment(char *const argv[]) {
  const char *tool = secure_getenv("TOOL");
  execvp(tool, argv);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'execvp' runs a program named by untrusted input; run a fixed program or check the name against an allow-list [exitbar-command-injection]
  // CHECK-MESSAGES: :[[@LINE-3]]:22: note: 'tool' comes from 'secure_getenv'
}

void spawnProgram(const std::string &name, char *const argv[]) {
  std::string path = "/opt/tools/" + name;
  pid_t pid;
  posix_spawn(&pid, path.c_str(), nullptr, nullptr, argv, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'posix_spawn' runs a program named by untrusted input
  // CHECK-MESSAGES: :[[@LINE-5]]:38: note: 'path' comes from parameter 'name'
}

// A parameter named as request data is untrusted even when passed on as is.
int runRequested(const char *user_input) { return system(user_input); }
// CHECK-MESSAGES: :[[@LINE-1]]:51: warning: 'system' runs a shell command
// CHECK-MESSAGES: :[[@LINE-2]]:30: note: the command comes from parameter 'user_input'

struct HttpRequest {
  std::string param(const char *name) const;
  std::string body;
};

void handle(const HttpRequest &req) {
  std::string cmd = "convert " + req.param("file") + " out.png";
  system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE-4]]:32: note: 'cmd' comes from parameter 'req'
}

void builtAfterParameter(const std::string &dir) {
  std::string cmd = dir + " | wc -l";
  popen(cmd.c_str(), "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'popen' runs a shell command built from untrusted input
  // CHECK-MESSAGES: :[[@LINE-4]]:45: note: 'cmd' comes from parameter 'dir'
}

void checkedTooLate(const char *name) {
  char cmd[64];
  snprintf(cmd, sizeof cmd, "whois %s", name);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE-5]]:33: note: 'cmd' comes from parameter 'name'
  if (strpbrk(name, ";|&$`") != NULL)
    return;
}

void guardWithoutExit(const std::string &host) {
  if (host.find_first_not_of("abcdefghijklmnopqrstuvwxyz.") !=
      std::string::npos)
    puts("suspicious host");
  system(("ping " + host).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE-6]]:42: note: the command comes from parameter 'host'
}

void validatedThenReplaced(const char *name) {
  if (strpbrk(name, ";|&$`") != NULL)
    return;
  char cmd[64];
  const char *other = getenv("OTHER");
  snprintf(cmd, sizeof cmd, "echo %s %s", name, other);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE-4]]:23: note: 'cmd' comes from 'getenv'
}

void rejectsOnePrefix(const char *uri) {
  // Refusing "file:" URIs says nothing about the rest of the text.
  if (!strncmp(uri, "file:", 5))
    exit(1);
  char cmd[256];
  snprintf(cmd, sizeof cmd, "lpr -P %s", uri);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE-8]]:35: note: 'cmd' comes from parameter 'uri'
}

void lengthIsNoCheck(const char *name) {
  // A library call in a guard says nothing about the characters.
  if (strlen(name) > 32)
    return;
  char cmd[64];
  snprintf(cmd, sizeof cmd, "id %s", name);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
}

int load_override(std::string &value);
void outputIsNoCheck(const char *dir) {
  std::string cmd = std::string("ls ") + dir;
  // The project's helper fills cmd; it does not check it.
  if (load_override(cmd) < 0)
    return;
  system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
}

void inLambda(const std::string &target) {
  std::string cmd = "make " + target;
  auto run = [&] { return system(cmd.c_str()); };
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE-4]]:34: note: 'cmd' comes from parameter 'target'
  run();
}

#define RUN_SHELL(c) system(c)
void throughMacro(const char *arg) {
  char cmd[64];
  sprintf(cmd, "echo %s", arg);
  RUN_SHELL(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
}

int main(int argc, char **argv) {
  if (argc < 3)
    return 1;
  if (strcmp(argv[1], "--help") == 0)
    return 0;
  system(argv[1]);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE-7]]:27: note: the command comes from the command line ('argv')
  execvp(argv[2], argv + 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'execvp' runs a program named by untrusted input
  // CHECK-MESSAGES: :[[@LINE-10]]:27: note: the program comes from the command line ('argv')
  char cmd[64];
  snprintf(cmd, sizeof cmd, "echo %d arguments", argc);
  system(cmd);
  if (strcmp(argv[1], "status") == 0)
    system(argv[1]);
  // An index wider than 64 bits is any element (it once aborted the
  // assertion-enabled plugin in APSInt::getExtValue).
  system(argv[(__int128)1 << 100]);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  return 0;
}

// An index that depends on a template argument is not evaluated.
template <int N> int atIndex(char **argv) { return system(argv[N]); }
int useAtIndex(char **argv) { return atIndex<1>(argv); }

// --- Accepted look-alikes -----------------------------------------------------

#define BUILD_COMMAND "make -j4"
namespace app {
int system(const char *command);
}
struct Shell {
  int popen(const char *command);
};

bool is_safe_name(const std::string &name);
std::string shell_quote(const std::string &arg);
bool isValidHost(const char *host);
void validate_branch(const std::string &branch);

void constants(Shell &shell, const char *user) {
  system("ls -l");
  system(BUILD_COMMAND);
  const char *cmd = "make";
  system(cmd);
  std::string fixed = std::string("git ") + "status";
  system(fixed.c_str());
  app::system(user);
  shell.popen(user);
  system(user); // NOLINT(exitbar-command-injection)
  mock_system_run(user);
}

void numbersOnly(int pid, long size) {
  char cmd[64];
  snprintf(cmd, sizeof cmd, "kill -9 %d", pid);
  system(cmd);
  std::string trim = "truncate -s " + std::to_string(static_cast<int>(size));
  system(trim.c_str());
}

// A wrapper that runs the command it is given: its callers build commands.
int runCommand(const char *command) { return system(command); }
FILE *openPipe(const std::string &command) { return popen(command.c_str(), "r"); }
int spawn(const char *path, char *const argv[]) { return execv(path, argv); }
FILE *runFeeding(const std::string &userCmd) {
  // A parameter that is a command by name stays the caller's command.
  return popen(("/bin/cat /tmp/input | " + userCmd).c_str(), "r");
}
void runFirst(char **commands) {
  char *first = *commands;
  popen(first, "r");
}
void runArgs(const std::vector<std::string> &args, char *const argv[]) {
  std::string program = args[0];
  execvp(program.c_str(), argv);
}

void earlyReturn(const std::string &name) {
  if (!is_safe_name(name))
    return;
  system(("ls " + name).c_str());
}

// The project's own helper in an early-return guard checks what it reads.
static int check(const char *str) {
  for (unsigned i = 0; i < strlen(str); ++i)
    if (!isalnum(str[i]))
      return -1;
  return 0;
}
void projectCheck(char *str) {
  char buf[40];
  if (check(str) < 0)
    return;
  snprintf(buf, sizeof buf, "/bin/echo %s", str);
  system(buf);
}

void validatedAfterBuilding(const char *name) {
  char cmd[64];
  snprintf(cmd, sizeof cmd, "finger %s", name);
  if (strspn(name, "abcdefghijklmnopqrstuvwxyz") != strlen(name))
    return;
  system(cmd);
}

void enclosingGuard(const char *host) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "ping -c 1 %s", host);
  if (isValidHost(host)) {
    system(cmd);
  }
}

int storedVerdict(const char *name) {
  bool ok = is_safe_name(name);
  if (!ok)
    return -1;
  std::string cmd = std::string("id ") + name;
  return system(cmd.c_str());
}

void quoted(const std::string &dir) {
  std::string cmd = "ls " + shell_quote(dir);
  system(cmd.c_str());
}

void characterLoop(const std::string &name) {
  for (char c : name)
    if (!isalnum(c))
      return;
  system(("ping " + name).c_str());
}

void sanitisedInPlace(char *name, std::string user) {
  for (char *p = name; *p; ++p)
    if (!isalnum(*p))
      *p = '_';
  char cmd[64];
  snprintf(cmd, sizeof cmd, "finger %s", name);
  system(cmd);
  if (!is_safe_name(user))
    user = "guest";
  system(("id " + user).c_str());
}

void whitelistFind(const std::string &host) {
  if (host.find_first_not_of("abcdefghijklmnopqrstuvwxyz.") !=
      std::string::npos)
    throw 1;
  system(("ping " + host).c_str());
}

void throwingValidator(const std::string &branch) {
  validate_branch(branch);
  system(("git checkout " + branch).c_str());
}

void ternaryDefault(const char *host) {
  const char *safe = isValidHost(host) ? host : "localhost";
  char cmd[64];
  snprintf(cmd, sizeof cmd, "ping %s", safe);
  system(cmd);
}

void reassigned(void) {
  const char *cmd = getenv("CMD");
  cmd = "uptime";
  system(cmd);
}

void allowList(const std::string &mode, const char *level) {
  if (mode == "fast")
    system(("run --" + mode).c_str());
  if (strcmp(level, "high") != 0 && strcmp(level, "low") != 0)
    return;
  system((std::string("nice --level ") + level).c_str());
}

void fixedProgramArguments(const char *host, const std::string &file) {
  // No shell parses these: the program is fixed, the input is one argument.
  execl("/usr/bin/ping", "ping", "-c", "1", host, (char *)0);
  execlp("gzip", "gzip", "-c", file.c_str(), (char *)0);
  char *args[] = {(char *)"tar", (char *)"xf", (char *)file.c_str(), nullptr};
  execvp("tar", args);
  pid_t pid;
  posix_spawnp(&pid, "convert", nullptr, nullptr, args, nullptr);
}

// A line received one character at a time through a pointer that walks
// the buffer: a `char` is text, and `*cp++ = ch` writes into `line`.
void receiveLineByCharacters(int fd) {
  char line[128];
  char ch;
  char *cp = line;
  do {
    recv(fd, &ch, 1, 0);
    *cp++ = ch;
  } while (ch != '\n' && cp < line + 127);
  *cp = 0;
  system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
}

// A number parsed from the input is not text.
void receiveCount(int fd) {
  char digits[16];
  recv(fd, digits, sizeof digits, 0);
  int count = atoi(digits);
  char cmd[64];
  snprintf(cmd, sizeof cmd, "rotate-logs %d", count);
  system(cmd);
}

// Two pointers to the same variable: what `*second` reads is what the
// variable holds then, written through `*first` (Juliet's variant 32).
void throughTwoPointers() {
  char *data;
  char **first = &data;
  char **second = &data;
  char buffer[100] = "ls ";
  data = buffer;
  {
    char *local = *first;
    strncat(local + strlen(local), getenv("ADD"), 50);
    *first = local;
  }
  system(*second);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
}

void throughTwoPointersFixed() {
  char *data;
  char **first = &data;
  char **second = &data;
  char buffer[100] = "ls ";
  data = buffer;
  {
    char *local = *first;
    strcat(local, "*.*");
    *first = local;
  }
  system(*second);
}

// fgets returns the buffer it filled.
void runTheReturnedLine(FILE *in) {
  char buffer[128];
  const char *line = fgets(buffer, sizeof buffer, in);
  if (line)
    system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'system' runs a shell command built from untrusted input
}

// A write in a branch that returns reaches nothing after the branch.
struct Reply {
  std::string text;
  std::string command;
};

Reply replyOrRun(int fd) {
  Reply r;
  char request[64] = {0};
  if (read(fd, request, sizeof request - 1) <= 0) {
    r.text = request;
    return r;
  }
  r.command = "uptime";
  system(r.command.c_str());
  return r;
}

void failOrRun(int fd) {
  char request[64] = {0};
  std::string command = "uptime";
  if (recv(fd, request, sizeof request - 1, 0) <= 0) {
    command = request;
    throw 1;
  }
  system(command.c_str());
}

// Before `continue` it reaches the next round, and before `break` the code
// after the loop.
void nextRound(int fd) {
  std::string command = "uptime";
  for (int i = 0; i < 3; ++i) {
    system(command.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'system' runs a shell command built from untrusted input
    char request[64] = {0};
    if (read(fd, request, sizeof request - 1) > 0) {
      command = request;
      continue;
    }
  }
}

void afterTheLoop(int fd) {
  std::string command = "uptime";
  for (;;) {
    char request[64] = {0};
    if (read(fd, request, sizeof request - 1) > 0) {
      command = request;
      break;
    }
  }
  system(command.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
}

// A `return` inside a lambda leaves the lambda only.
void throughALambda(int fd) {
  std::string command = "uptime";
  auto take = [&] {
    char request[64] = {0};
    if (read(fd, request, sizeof request - 1) > 0) {
      command = request;
      return;
    }
  };
  take();
  system(command.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
}

// Members of a local struct: what one member holds does not reach another.
struct Job {
  std::string input;
  std::string command;
  struct {
    std::string path;
    std::string tool;
  } nested;
};

void membersApart(int fd) {
  Job job;
  char request[64] = {0};
  read(fd, request, sizeof request - 1);
  job.input = request;
  job.command = "uptime";
  system(job.command.c_str());
  job.nested.path = request;
  job.nested.tool = "ls";
  system(job.nested.tool.c_str());
}

void memberCarriesIt(int fd) {
  Job job;
  char request[64] = {0};
  read(fd, request, sizeof request - 1);
  job.command = "uptime";
  job.command += request;
  system(job.command.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
  job.nested.path = request;
  system(job.nested.path.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
}

// The whole struct handed on carries every member.
void runJob(const Job &job);
void wholeStruct(int fd) {
  Job job;
  char request[64] = {0};
  read(fd, request, sizeof request - 1);
  job.input = request;
  Job copy = job;
  system(copy.command.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
}

// A union's members are one storage (Juliet's variant 34).
union Text {
  const char *first;
  const char *second;
};

void throughAUnion(int fd) {
  char request[64] = {0};
  read(fd, request, sizeof request - 1);
  Text text;
  text.first = request;
  system(text.second);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
}

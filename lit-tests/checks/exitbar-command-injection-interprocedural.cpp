// RUN: %check_exitbar_tidy %s exitbar-command-injection %t -- -config="{CheckOptions: [{key: exitbar.ThreatModels, value: all}]}" -- -isystem %S/Inputs/exitbar-command-injection

// Flows that cross functions of the translation unit, and flows that the
// control flow inside one function decides. Each flow is reported once, at
// the sink, with a note for each step.

#include <functional>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <string>
#include <sys/socket.h>
#include <validators.h>

// --- Source in the caller, sink in the callee -------------------------------

static void runJob(const char *cmd) {
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: 'cmd' comes from 'fgets'
  // CHECK-MESSAGES: :[[@LINE+6]]:10: note: it is passed to 'runJob' as 'cmd'
}

void handleLine() {
  char line[256];
  fgets(line, sizeof line, stdin);
  runJob(line);
}

// Two levels of callers, from the command line.
static void execute(const char *what) {
  system(what);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE+9]]:27: note: 'what' comes from the command line ('argv')
  // CHECK-MESSAGES: :[[@LINE+10]]:14: note: it is passed to 'dispatch' as 'arg'
  // CHECK-MESSAGES: :[[@LINE+4]]:11: note: it is passed to 'execute' as 'what'
}

static void dispatch(const char *arg) {
  execute(arg);
}

int main(int argc, char **argv) {
  if (argc > 1)
    dispatch(argv[1]);
  return 0;
}

// Recursion: the recursive call passes the parameter on; the caller outside
// passes input.
static void retry(const char *cmd, int times) {
  if (times > 0)
    retry(cmd, times - 1);
  else
    system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: 'cmd' comes from 'fgets'
  // CHECK-MESSAGES: :[[@LINE+6]]:9: note: it is passed to 'retry' as 'cmd'
}

void startRetry() {
  char line[64];
  fgets(line, sizeof line, stdin);
  retry(line, 3);
}

// --- Source in the callee, sink in the caller -------------------------------

static std::string readCommand() {
  char buf[128];
  fgets(buf, sizeof buf, stdin);
  return buf;
}

void runFromInput() {
  std::string c = readCommand();
  system(c.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'c' comes from 'fgets'
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'readCommand' returns it
  // CHECK-MESSAGES: :[[@LINE-5]]:19: note: 'readCommand' returns it here
  // CHECK-MESSAGES: :[[@LINE-6]]:15: note: it is stored in 'c'
}

// Written through an out-parameter.
static void readInto(char *out, int size) { fgets(out, size, stdin); }

void runReadInto() {
  char b[64];
  readInto(b, sizeof b);
  system(b);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE-7]]:45: note: 'b' comes from 'fgets'
  // CHECK-MESSAGES: :[[@LINE-4]]:12: note: 'readInto' writes it into 'b'
}

// A parameter that reaches the return value: the caller's input goes
// through.
static std::string prefixed(const std::string &s) { return "echo " + s; }

void runPrefixed() {
  const char *tool = getenv("TOOL");
  std::string c = prefixed(tool);
  system(c.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE-4]]:22: note: 'c' comes from 'getenv'
  // CHECK-MESSAGES: :[[@LINE-5]]:15: note: it is stored in 'tool'
  // CHECK-MESSAGES: :[[@LINE-5]]:28: note: it is passed to 'prefixed' as 's'
  // CHECK-MESSAGES: :[[@LINE-10]]:53: note: 'prefixed' returns it
  // CHECK-MESSAGES: :[[@LINE-7]]:19: note: 'prefixed' returns it here
}

// A recursive function whose base case reads input.
static std::string readNested(int depth) {
  if (depth == 0) {
    char b[32];
    fgets(b, sizeof b, stdin);
    return b;
  }
  return readNested(depth - 1);
}

void runNested() {
  system(readNested(2).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE-9]]:5: note: 'b' comes from 'fgets'
  // CHECK-MESSAGES: :[[@LINE-9]]:5: note: 'readNested' returns it
}

// --- Lambdas, std::function and function pointers called later -------------

void lambdaLater() {
  auto run = [](const char *c) { system(c); };
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: 'c' comes from 'fgets'
  // CHECK-MESSAGES: :[[@LINE+3]]:7: note: it is passed to the lambda as 'c'
  char line[64];
  fgets(line, sizeof line, stdin);
  run(line);
}

void functionLater() {
  std::function<void(const char *)> run = [](const char *c) { system(c); };
  // CHECK-MESSAGES: :[[@LINE-1]]:63: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: 'c' comes from 'fgets'
  // CHECK-MESSAGES: :[[@LINE+3]]:7: note: it is passed to the lambda as 'c'
  char line[64];
  fgets(line, sizeof line, stdin);
  run(line);
}

typedef void (*job_fn)(const char *);
static void pointedJob(const char *c) { popen(c, "r"); }
// CHECK-MESSAGES: :[[@LINE-1]]:41: warning: 'popen' runs a shell command
// CHECK-MESSAGES: :[[@LINE+6]]:7: note: it is passed to 'pointedJob' as 'c'

void viaPointer() {
  job_fn job = pointedJob;
  char line[64];
  fgets(line, sizeof line, stdin);
  job(line);
}

// The sink itself through a pointer (and, at the end of the file, through a
// macro over a table of loaded functions).
typedef int (*system_fn)(const char *);
void sinkViaPointer() {
  system_fn shell = system;
  char line[64];
  fgets(line, sizeof line, stdin);
  shell(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
}

// --- Control flow inside one function ---------------------------------------

// A later assignment in one branch does not hide the value of the other path.
void branchKeepsTaint(int verbose) {
  const char *cmd = getenv("TOOL");
  if (verbose)
    cmd = "ls -l";
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE-5]]:21: note: 'cmd' comes from 'getenv'
}

// A write later in a loop reaches the use at the top of the next round.
void loopCarried() {
  char cmd[64] = "uptime";
  for (int i = 0; i < 3; ++i) {
    system(cmd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'system' runs a shell command
    // CHECK-MESSAGES: :[[@LINE+1]]:5: note: 'cmd' comes from 'fgets'
    fgets(cmd, sizeof cmd, stdin);
  }
}

// A write through a pointer into the buffer.
void aliasWrite() {
  char buf[64];
  char *p = buf;
  fgets(p, sizeof buf, stdin);
  system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'buf' comes from 'fgets'
}

// --- Not flagged ------------------------------------------------------------

// Callers pass constants only: the function runs what it is given.
static void runFixed(const char *c) { system(c); }
void callsFixed() { runFixed("uptime"); }

// The callee validates before the sink.
static void runChecked(const char *c) {
  if (!is_safe(c))
    return;
  system(c);
}
void callsChecked() {
  char line[64];
  fgets(line, sizeof line, stdin);
  runChecked(line);
}

// The callee validates before it returns the input.
static std::string readChecked() {
  char b[64];
  fgets(b, sizeof b, stdin);
  if (!is_safe(b))
    return "true";
  return b;
}
void runReadChecked() { system(readChecked().c_str()); }

// Constants returned, constants passed through.
static const char *defaultTool() { return "uptime"; }
void runDefault() {
  system(defaultTool());
  system(prefixed("date").c_str());
}

// An out-parameter filled with a constant.
static void fillFixed(char *out) { strcpy(out, "uptime"); }
void runFilled() {
  char b[64];
  fillFixed(b);
  system(b);
}

// Both branches overwrite the input.
void branchesBothFixed(int verbose) {
  const char *cmd = getenv("TOOL");
  if (verbose)
    cmd = "ls -l";
  else
    cmd = "ls";
  system(cmd);
}

// A write before the use in the same round hides the write later in it.
void loopRewritten() {
  char cmd[64];
  for (int i = 0; i < 3; ++i) {
    strcpy(cmd, "uptime");
    system(cmd);
    fgets(cmd, sizeof cmd, stdin);
  }
}

// --- The sink through a macro over a table of loaded functions --------------

struct LoadedFunction {
  const char *name;
  void *ptr;
};
static LoadedFunction libcTable[] = {{"popen", nullptr}};
#define popen (*(FILE * (*)(const char *, const char *)) libcTable[0].ptr)
#define run_loaded (*(FILE * (*)(const char *, const char *)) libcTable[0].ptr)
void sinkViaMacro() {
  char line[64];
  fgets(line, sizeof line, stdin);
  popen(line, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'popen' runs a shell command
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'line' comes from 'fgets'
  popen("uptime", "r");
  // A macro named after no known function is no sink.
  run_loaded(line, "r");
}

// --- Through a global that another function of the unit writes -------------

static char *pendingJob;
static char *fixedJob;

void queueJob() {
  static char line[64];
  fgets(line, sizeof line, stdin);
  pendingJob = line;
  fixedJob = const_cast<char *>("uptime");
}

void runPendingJob() {
  system(pendingJob);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'pendingJob' comes from 'fgets'
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: it is stored in 'pendingJob'
  // CHECK-MESSAGES: :[[@LINE-4]]:10: note: it is read from global 'pendingJob'
  // A global written only with a literal, and one this function overwrote
  // first, are not untrusted.
  system(fixedJob);
  pendingJob = const_cast<char *>("true");
  system(pendingJob);
}

// A reader that validates the global first.
static char *checkedJob;
void queueCheckedJob() {
  static char line[64];
  fgets(line, sizeof line, stdin);
  checkedJob = line;
}
void runCheckedJob() {
  if (!is_safe(checkedJob))
    return;
  system(checkedJob);
}

// --- A virtual call on an object whose class the code names ----------------

struct Runner {
  virtual ~Runner() = default;
  virtual void run(const char *what) = 0;
};
struct ShellRunner : Runner {
  void run(const char *what) override {
    system(what);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'system' runs a shell command built from untrusted input
    // CHECK-MESSAGES: :[[@LINE+10]]:3: note: 'what' comes from 'fgets'
    // CHECK-MESSAGES: :[[@LINE+13]]:14: note: it is passed to 'run' as 'what'
  }
};
struct EchoRunner : Runner {
  void run(const char *what) override { puts(what); }
};

void runVirtually() {
  char line[64];
  fgets(line, sizeof line, stdin);
  Runner *echo = new EchoRunner;
  echo->run(line);
  Runner *shell = new ShellRunner;
  shell->run(line);
  delete echo;
  delete shell;
}

// --- Members of an object, written in one method and read in another ------

// Juliet's variants 83 and 84: the constructor reads into the member, the
// destructor runs it.
class JobFromNetwork {
public:
  explicit JobFromNetwork(char *buffer) {
    command = buffer;
    size_t used = strlen(command);
    recv(0, command + used, 64, 0);
  }
  ~JobFromNetwork() {
    system(command);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'system' runs a shell command built from untrusted input
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: 'command' comes from 'recv'
    // CHECK-MESSAGES: :[[@LINE-3]]:12: note: it is read from member 'command'
  }

private:
  char *command;
};

void runJobFromNetwork() {
  char buffer[100] = "ls ";
  JobFromNetwork job(buffer);
}

// A member initializer is a write too; a later method runs it.
class QueuedCommand {
public:
  QueuedCommand() : text(getenv("QUEUED")) {}
  void run() const {
    system(text.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'system' runs a shell command built from untrusted input
  }

private:
  std::string text;
};

// What the constructor copies from its parameter is the caller's business:
// here a fixed command with a fixed suffix.
class JobFromCaller {
public:
  explicit JobFromCaller(char *buffer) {
    command = buffer;
    strcat(command, "*.*");
  }
  ~JobFromCaller() { system(command); }

private:
  char *command;
};

void runJobFromCaller() {
  char buffer[100] = "ls ";
  JobFromCaller job(buffer);
}

// A method that sets the member before it runs it, or checks it first.
class CheckedJob {
public:
  CheckedJob() { recv(0, buffer, sizeof buffer, 0); }
  void runFixed() {
    strcpy(buffer, "uptime");
    system(buffer);
  }
  void runChecked() {
    if (!is_safe(buffer))
      return;
    system(buffer);
  }

private:
  char buffer[64];
};

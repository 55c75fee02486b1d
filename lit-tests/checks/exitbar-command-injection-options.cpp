// RUN: %check_exitbar_tidy -check-suffix=NAMED %s exitbar-command-injection %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar.ThreatModels, value: all}, {key: exitbar-command-injection.Parameters, value: named}, {key: exitbar-command-injection.UntrustedParameters, value: 'host;target name'}, {key: exitbar-command-injection.RequestTypes, value: '*Event'}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-command-injection
// RUN: %check_exitbar_tidy -check-suffix=FORWARD %s exitbar-command-injection %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar.ThreatModels, value: all}, {key: exitbar-command-injection.FlagForwardedParameters, value: true}, {key: exitbar-command-injection.Validators, value: 'my_check*'}, {key: exitbar-command-injection.TrustProjectChecks, value: false}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-command-injection
// RUN: %check_exitbar_tidy -check-suffix=NONE %s exitbar-command-injection %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar.ThreatModels, value: all}, {key: exitbar-command-injection.Parameters, value: none}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-command-injection

#include <stdio.h>
#include <stdlib.h>
#include <string>
#include <validators.h>

struct HttpRequest {
  std::string param(const char *name) const;
};
struct BuildEvent {
  std::string branch;
};
bool project_ok(const char *s);

void plainParameter(const char *dir) {
  char cmd[64];
  snprintf(cmd, sizeof cmd, "ls %s", dir);
  system(cmd);
  // CHECK-MESSAGES-FORWARD: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
}

void namedParameter(const char *host, const char *target_name) {
  char cmd[64];
  snprintf(cmd, sizeof cmd, "ping %s", host);
  system(cmd);
  // CHECK-MESSAGES-NAMED: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
  // CHECK-MESSAGES-NAMED: :[[@LINE-5]]:33: note: 'cmd' comes from parameter 'host'
  // CHECK-MESSAGES-FORWARD: :[[@LINE-3]]:3: warning: 'system' runs a shell command
  system(target_name);
  // CHECK-MESSAGES-NAMED: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
  // CHECK-MESSAGES-FORWARD: :[[@LINE-2]]:3: warning: 'system' runs a shell command
}

void event(const BuildEvent &ev) {
  system(("make " + ev.branch).c_str());
  // CHECK-MESSAGES-NAMED: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES-NAMED: :[[@LINE-3]]:30: note: the command comes from parameter 'ev'
}

void request(const HttpRequest &req) {
  system(("convert " + req.param("f")).c_str());
  // CHECK-MESSAGES-FORWARD: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES-NONE: :[[@LINE-2]]:3: warning: 'system' runs a shell command
}

int forward(const char *command) {
  return system(command);
  // CHECK-MESSAGES-FORWARD: :[[@LINE-1]]:10: warning: 'system' runs a shell command
  // CHECK-MESSAGES-FORWARD: :[[@LINE-3]]:25: note: the command comes from parameter 'command'
}

int wrapped(const char *command) {
  return system((std::string("exec ") + command).c_str());
  // CHECK-MESSAGES-FORWARD: :[[@LINE-1]]:10: warning: 'system' runs a shell command
}

void validators(const char *a, const char *b) {
  if (!is_safe(a))
    return;
  system(("ls " + std::string(a)).c_str());
  // CHECK-MESSAGES-FORWARD: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  if (!my_check_name(b))
    return;
  system(("ls " + std::string(b)).c_str());
}

void projectValidator(const char *c) {
  if (!project_ok(c))
    return;
  system(("ls " + std::string(c)).c_str());
  // CHECK-MESSAGES-FORWARD: :[[@LINE-1]]:3: warning: 'system' runs a shell command
}

void environment() {
  std::string cmd = std::string("less ") + getenv("LOG");
  system(cmd.c_str());
  // CHECK-MESSAGES-NAMED: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES-FORWARD: :[[@LINE-2]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES-NONE: :[[@LINE-3]]:3: warning: 'system' runs a shell command
}

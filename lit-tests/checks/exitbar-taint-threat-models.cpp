// The threat models the taint checks analyse, one option for all of them:
// remote data (the network, requests) by default; main's argv, the
// environment, the standard input and files with `local`, or one kind at a
// time; a check's own ThreatModels overrides the project-wide one.
// RUN: %check_exitbar_tidy -check-suffix=REMOTE %s exitbar-command-injection %t -- -- -isystem %S/Inputs/exitbar-command-injection
// RUN: %check_exitbar_tidy -check-suffix=LOCAL %s exitbar-command-injection %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar.ThreatModels, value: 'remote;local'}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-command-injection
// RUN: %check_exitbar_tidy -check-suffix=ENV %s exitbar-command-injection %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar.ThreatModels, value: all}, {key: exitbar-command-injection.ThreatModels, value: environment}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-command-injection
// RUN: %check_exitbar_tidy -check-suffix=STDIN %s exitbar-command-injection %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar.ThreatModels, value: 'stdin, commandargs'}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-command-injection
//
// An unknown threat model is a configuration error (which `exitbar tidy`
// counts as an analysis error), not a silent fallback.
// RUN: not %clang_tidy --load=%exitbar_plugin '--checks=-*,exitbar-command-injection' %s \
// RUN:   -config="{CheckOptions: [{key: exitbar.ThreatModels, value: 'remote;lcoal'}]}" \
// RUN:   -- -std=c++17 -nostdinc -nostdinc++ -isystem %S/Inputs/exitbar-command-injection 2>&1 \
// RUN:   | FileCheck --check-prefix=BAD %s
// BAD: error: exitbar-command-injection: unknown threat model 'lcoal'; expected remote, local, all, commandargs, environment, stdin or file [clang-tidy-config]

#include <iostream>
#include <stdio.h>
#include <stdlib.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

void fromTheNetwork(int fd) {
  char cmd[256];
  recv(fd, cmd, sizeof cmd, 0);
  system(cmd);
  // CHECK-MESSAGES-REMOTE: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
  // CHECK-MESSAGES-LOCAL: :[[@LINE-2]]:3: warning: 'system' runs a shell command built from untrusted input
}

void fromTheEnvironment() {
  std::string cmd = std::string("ls ") + getenv("DIR");
  system(cmd.c_str());
  // CHECK-MESSAGES-LOCAL: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES-ENV: :[[@LINE-2]]:3: warning: 'system' runs a shell command
}

void fromTheTerminal() {
  char line[128];
  fgets(line, sizeof line, stdin);
  system(line);
  // CHECK-MESSAGES-LOCAL: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES-STDIN: :[[@LINE-2]]:3: warning: 'system' runs a shell command
}

void fromStdCin() {
  std::string word;
  std::cin >> word;
  system(("echo " + word).c_str());
  // CHECK-MESSAGES-LOCAL: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES-STDIN: :[[@LINE-2]]:3: warning: 'system' runs a shell command
}

void fromAFile(FILE *config) {
  char line[128];
  fgets(line, sizeof line, config);
  system(line);
  // CHECK-MESSAGES-LOCAL: :[[@LINE-1]]:3: warning: 'system' runs a shell command
}

// A descriptor may be a socket, descriptor 0 too (inetd hands a service its
// connection there): read() is remote, as CodeQL models it.
void fromADescriptor(int fd) {
  char line[128];
  read(fd, line, sizeof line);
  system(line);
  // CHECK-MESSAGES-REMOTE: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES-LOCAL: :[[@LINE-2]]:3: warning: 'system' runs a shell command
}

void fromDescriptorZero() {
  char line[128];
  read(0, line, sizeof line);
  system(line);
  // CHECK-MESSAGES-REMOTE: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES-LOCAL: :[[@LINE-2]]:3: warning: 'system' runs a shell command
}

// A read whose threat model is off still overwrites the buffer: what the
// buffer held before does not reach the sink.
void overwrittenByAnUnanalysedRead(int fd, FILE *config) {
  char cmd[256];
  recv(fd, cmd, sizeof cmd, 0);
  fgets(cmd, sizeof cmd, config);
  system(cmd);
  // CHECK-MESSAGES-LOCAL: :[[@LINE-1]]:3: warning: 'system' runs a shell command
}

int main(int argc, char **argv) {
  std::string cmd = std::string("grep ") + argv[1];
  system(cmd.c_str());
  // CHECK-MESSAGES-LOCAL: :[[@LINE-1]]:3: warning: 'system' runs a shell command
  // CHECK-MESSAGES-STDIN: :[[@LINE-2]]:3: warning: 'system' runs a shell command
  return 0;
}

// RUN: %check_exitbar_tidy %s exitbar-command-injection %t -- -config="{CheckOptions: [{key: exitbar.ThreatModels, value: all}]}" -- -isystem %S/Inputs/exitbar-command-injection

// The Windows C runtime's _exec*, _spawn* and _wsystem, cmd.exe's "/c", and
// wide-character programs and flags.

#include <process.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// --- Flagged ----------------------------------------------------------------

void spawnShellList(void) {
  char data[100] = "dir ";
  fgets(data + strlen(data), 90, stdin);
  _spawnl(_P_WAIT, "C:\\Windows\\System32\\cmd.exe", "cmd.exe", "/c", data, (char *)0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '_spawnl' passes untrusted input to a shell as its command; run a fixed program and pass the input as a separate argument [exitbar-command-injection]
}

void spawnShellVector(void) {
  char data[100] = "";
  fgets(data, 100, stdin);
  char *args[] = {"/bin/sh", "-c", data, (char *)0};
  _spawnv(_P_WAIT, "/bin/sh", (const char *const *)args);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '_spawnv' passes untrusted input to a shell as its command
}

void spawnProgramByName(void) {
  const char *tool = getenv("TOOL");
  _spawnlp(_P_WAIT, tool, tool, (char *)0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '_spawnlp' runs a program named by untrusted input; run a fixed program or check the name against an allow-list [exitbar-command-injection]
}

void execShellUpperCaseFlag(void) {
  char data[100] = "";
  fgets(data, 100, stdin);
  _execl("cmd", "cmd", "/C", data, (char *)0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '_execl' passes untrusted input to a shell as its command
}

void wideShell(void) {
  wchar_t *data = _wgetenv(L"ADD");
  _wexecl(L"/bin/sh", L"sh", L"-c", data, (wchar_t *)0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '_wexecl' passes untrusted input to a shell as its command
  _wspawnl(_P_WAIT, L"%WINDIR%\\system32\\cmd.exe", L"cmd.exe", L"/k", data, (wchar_t *)0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '_wspawnl' passes untrusted input to a shell as its command
  _wsystem(data);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '_wsystem' runs a shell command built from untrusted input
}

// --- Accepted ---------------------------------------------------------------

void fixedProgramUntrustedArgument(void) {
  char data[100] = "";
  fgets(data, 100, stdin);
  // No shell: the input is one argument of a fixed program.
  _spawnl(_P_WAIT, "C:\\Windows\\System32\\ping.exe", "ping.exe", data, (char *)0);
  _execl("/usr/bin/ping", "ping", "-c", "1", data, (char *)0);
  // A slash argument of another program is no command flag.
  _spawnl(_P_WAIT, "C:\\Tools\\xcopy.exe", "xcopy.exe", "/c", data, (char *)0);
}

void fixedCommands(void) {
  _spawnl(_P_WAIT, "cmd.exe", "cmd.exe", "/c", "dir", (char *)0);
  _wsystem(L"dir");
  const wchar_t *fixed = L"dir";
  _wsystem(fixed);
}

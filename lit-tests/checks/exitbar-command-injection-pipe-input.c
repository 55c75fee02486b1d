// RUN: %check_exitbar_tidy %s exitbar-command-injection %t -- -config="{CheckOptions: [{key: exitbar.ThreatModels, value: all}]}" -- -isystem %S/Inputs/exitbar-command-injection

// Untrusted data written to the standard input of a command popen started
// for writing: the command reads it as lines of its own language, so a
// newline in the data starts a line the sender wrote (OpenSSH's xauth
// input, CVE-2016-3115; mail headers piped to sendmail).

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

// --- Flagged ----------------------------------------------------------------

void xauthAdd(int fd) {
  char cookie[256];
  recv(fd, cookie, sizeof cookie, 0);
  FILE *f = popen("/usr/bin/xauth -q -", "w");
  fprintf(f, "add unix:0 MIT-MAGIC-COOKIE-1 %s\n", cookie);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fprintf' writes untrusted input to the standard input of the command 'popen' started, which reads it as commands or headers of its own; reject newlines and other control characters in the input, or check it against an allow-list [exitbar-command-injection]
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'cookie' comes from 'recv'
  pclose(f);
}

void mailTo(int fd) {
  char to[128];
  recv(fd, to, sizeof to, 0);
  FILE *mail = popen("/usr/sbin/sendmail -t", "w");
  fputs("To: ", mail);
  fputs(to, mail);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fputs' writes untrusted input to the standard input of the command 'popen' started
  fwrite(to, 1, strlen(to), popen("/usr/sbin/sendmail -t", "w"));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fwrite' writes untrusted input to the standard input of the command 'popen' started
  pclose(mail);
}

// Rejecting line breaks is enough for a command's input, not for a shell
// command line: ';' and '|' still run other commands.
void shellAfterNewlineCheck(int fd) {
  char name[64];
  recv(fd, name, sizeof name, 0);
  if (strchr(name, '\n') != 0)
    return;
  system(name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'name' comes from 'recv'
}

// --- Accepted ---------------------------------------------------------------

void xauthChecked(int fd) {
  char cookie[256];
  recv(fd, cookie, sizeof cookie, 0);
  // The fix of CVE-2016-3115: refuse what the command would read as a
  // second line.
  if (strpbrk(cookie, "\r\n") != 0)
    return;
  FILE *f = popen("/usr/bin/xauth -q -", "w");
  fprintf(f, "add unix:0 MIT-MAGIC-COOKIE-1 %s\n", cookie);
  pclose(f);
}

void readFromCommand(int fd) {
  char name[64];
  recv(fd, name, sizeof name, 0);
  FILE *p = popen("ls", "r"); // a pipe from the command, not into it
  fprintf(p, "%s\n", name);
  pclose(p);
}

void intoAFile(int fd) {
  char line[64];
  recv(fd, line, sizeof line, 0);
  FILE *log = fopen("/var/log/app.log", "w");
  fprintf(log, "%s\n", line);
}

void fixedInput(void) {
  FILE *f = popen("/usr/sbin/sendmail -t", "w");
  fprintf(f, "To: %s\n", "ops@example.com");
  fputs("Subject: nightly report\n", f);
  pclose(f);
}

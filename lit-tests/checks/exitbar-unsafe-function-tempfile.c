// RUN: %check_exitbar_tidy %s exitbar-unsafe-function %t -- -- -isystem %S/Inputs/exitbar-unsafe-function

// A predictable temporary name is no race when the file is then created
// exclusively in the same function: open with O_CREAT | O_EXCL, fopen "wx".

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>

// --- Flagged ----------------------------------------------------------------

int createShared(void) {
  char tmpl[] = "fnXXXXXX";
  char *name = mktemp(tmpl);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'mktemp' returns a file name another process can create first; use 'mkstemp' instead [exitbar-unsafe-function]
  return open(name, O_RDWR | O_CREAT, 0600);
}

int createOther(void) {
  char other[] = "/tmp/fixed";
  char *name = tmpnam(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'tmpnam' returns a file name another process can create first
  (void)name;
  // The exclusive open is of another file.
  return open(other, O_RDWR | O_CREAT | O_EXCL, 0600);
}

// --- Accepted ---------------------------------------------------------------

int createExclusive(void) {
  char tmpl[] = "fnXXXXXX";
  char *name;
  name = mktemp(tmpl);
  if (name == 0)
    return -1;
  return open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
}

int createTemplateExclusive(void) {
  char tmpl[] = "fnXXXXXX";
  mktemp(tmpl);
  return open(tmpl, O_RDWR | O_CREAT | O_EXCL, 0600);
}

FILE *createWithFopenX(void) {
  char *name = tmpnam(0);
  return fopen(name, "wx");
}

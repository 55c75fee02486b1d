// RUN: %check_exitbar_tidy %s exitbar-unsafe-function %t -- -- -isystem %S/Inputs/exitbar-unsafe-function
// RUN: %check_exitbar_tidy -check-suffix=BANNED %s exitbar-unsafe-function %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar-unsafe-function.Mode, value: banned}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-unsafe-function
// RUN: %clang_tidy --load=%exitbar_plugin --checks=-*,exitbar-unsafe-function \
// RUN:   -config="{CheckOptions: [{key: exitbar-unsafe-function.Mode, value: everything}]}" \
// RUN:   %s -- -isystem %S/Inputs/exitbar-unsafe-function 2>&1 | FileCheck --check-prefix=BADMODE %s
// BADMODE: invalid value 'everything' for exitbar-unsafe-function.Mode; expected 'unproven' or 'banned'; using 'unproven'

// Copies whose fit the check proves (silent by default) and copies it
// cannot prove or that overflow.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

struct Config {
  char name[16];
  char dir[64];
};

extern int flag(void);

void fits(struct Config *cfg, int n) {
  char buf[8];
  strcpy(buf, "1234567");
  // CHECK-MESSAGES-BANNED: :[[@LINE-1]]:3: warning: 'strcpy' does not check the size of the destination buffer; use 'snprintf' instead
  strcpy(cfg->name, "localhost");
  // CHECK-MESSAGES-BANNED: :[[@LINE-1]]:3: warning: 'strcpy' does not check
  char *heap = malloc(32);
  strcpy(heap, cfg->name);
  // CHECK-MESSAGES-BANNED: :[[@LINE-1]]:3: warning: 'strcpy' does not check
  char path[64] = "/var/lib/";
  strcat(path, cfg->name);
  // CHECK-MESSAGES-BANNED: :[[@LINE-1]]:3: warning: 'strcat' does not check
  strcat(path, "/");
  // CHECK-MESSAGES-BANNED: :[[@LINE-1]]:3: warning: 'strcat' does not check
  sprintf(cfg->dir, "%s/%d.log", cfg->name, n);
  // CHECK-MESSAGES-BANNED: :[[@LINE-1]]:3: warning: 'sprintf' does not check
  char *alias;
  alias = buf;
  strcpy(alias, n > 0 ? "on" : "off");
  // CHECK-MESSAGES-BANNED: :[[@LINE-1]]:3: warning: 'strcpy' does not check
  wchar_t wide[4];
  wcscpy(wide, L"abc");
  // CHECK-MESSAGES-BANNED: :[[@LINE-1]]:3: warning: 'wcscpy' does not check
}

// A string cut short by a terminator, in either branch of an `if`, is
// bounded by the terminator's index.
void terminated(void) {
  char source[100];
  memset(source, 'A', 99);
  if (flag())
    source[49] = '\0';
  else
    source[9] = '\0';
  char dest[50] = "";
  strcpy(dest, source);
  // CHECK-MESSAGES-BANNED: :[[@LINE-1]]:3: warning: 'strcpy' does not check
}

// A switch on a constant and a loop that surely runs are followed too.
void constantControl(void) {
  char *data;
  char small[10];
  char large[11];
  switch (6) {
  case 6:
    data = large;
    data[0] = '\0';
    break;
  default:
    data = large;
    break;
  }
  for (int i = 0; i < 1; i++)
    data[0] = '\0';
  char source[11] = "AAAAAAAAAA";
  strcpy(data, source);
  // CHECK-MESSAGES-BANNED: :[[@LINE-1]]:3: warning: 'strcpy' does not check
  (void)small;
}

void overflows(struct Config *cfg, long id) {
  char buf[8];
  strcpy(buf, "12345678");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'strcpy' can write up to 9 bytes into a buffer of 8; use 'snprintf' instead [exitbar-unsafe-function]
  // CHECK-MESSAGES-BANNED: :[[@LINE-2]]:3: warning: 'strcpy' does not check
  strcpy(buf, cfg->name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'strcpy' can write up to 16 bytes into a buffer of 8
  // CHECK-MESSAGES-BANNED: :[[@LINE-2]]:3: warning: 'strcpy' does not check
  sprintf(buf, "%ld", id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sprintf' can write up to 21 bytes into a buffer of 8
  // CHECK-MESSAGES-BANNED: :[[@LINE-2]]:3: warning: 'sprintf' does not check
  char *small = alloca(10 * sizeof(char));
  char *data = small;
  data[0] = '\0';
  char source[11] = "AAAAAAAAAA";
  strcat(data, source);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'strcat' can write up to 11 bytes into a buffer of 10
  // CHECK-MESSAGES-BANNED: :[[@LINE-2]]:3: warning: 'strcat' does not check
  wchar_t wide[3];
  wcscpy(wide, L"abc");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'wcscpy' can write up to 4 wide characters into a buffer of 3; use 'swprintf' instead
  // CHECK-MESSAGES-BANNED: :[[@LINE-2]]:3: warning: 'wcscpy' does not check
}

void unproven(char *out, const char *in, int n, double d) {
  char buf[32];
  strcpy(buf, in);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'strcpy' does not check the size of the destination buffer and the copy cannot be shown to fit (unknown source length); use 'snprintf' instead [exitbar-unsafe-function]
  // CHECK-MESSAGES-BANNED: :[[@LINE-2]]:3: warning: 'strcpy' does not check
  strcpy(out, "x");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'strcpy' {{.*}} (unknown destination size); use 'snprintf' instead
  // CHECK-MESSAGES-BANNED: :[[@LINE-2]]:3: warning: 'strcpy' does not check
  strcpy(out, in);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'strcpy' {{.*}} (unknown source length and destination size)
  // CHECK-MESSAGES-BANNED: :[[@LINE-2]]:3: warning: 'strcpy' does not check
  strcat(buf, "x");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'strcat' {{.*}} (unknown length of the destination's current string)
  // CHECK-MESSAGES-BANNED: :[[@LINE-2]]:3: warning: 'strcat' does not check
  sprintf(buf, "%f", d);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sprintf' {{.*}} ('%f' has no length bound)
  // CHECK-MESSAGES-BANNED: :[[@LINE-2]]:3: warning: 'sprintf' does not check
  sprintf(buf, "%s", in);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sprintf' {{.*}} (unknown length of the string for '%s')
  // CHECK-MESSAGES-BANNED: :[[@LINE-2]]:3: warning: 'sprintf' does not check
  sprintf(buf, "%*d", n, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sprintf' {{.*}} (a width given by an argument)
  // CHECK-MESSAGES-BANNED: :[[@LINE-2]]:3: warning: 'sprintf' does not check
}

// What the check must not take for proof.
void notProof(int n) {
  char buf[8] = "";
  // Appending in a loop: every iteration adds.
  for (int i = 0; i < n; ++i)
    strcat(buf, "x");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'strcat' {{.*}} (unknown length of the destination's current string)
  // CHECK-MESSAGES-BANNED: :[[@LINE-2]]:5: warning: 'strcat' does not check
  // A pointer whose address escapes may point anywhere.
  char *p = buf;
  char **pp = &p;
  strcpy(*pp, "x");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'strcpy' {{.*}} (unknown destination size)
  // CHECK-MESSAGES-BANNED: :[[@LINE-2]]:3: warning: 'strcpy' does not check
  strcpy(p, "x");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'strcpy' {{.*}} (unknown destination size)
  // CHECK-MESSAGES-BANNED: :[[@LINE-2]]:3: warning: 'strcpy' does not check
  // A terminator written only on some paths bounds nothing.
  char source[100];
  memset(source, 'A', 99);
  source[99] = '\0';
  if (n)
    source[5] = '\0';
  char dest[50];
  strcpy(dest, source);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'strcpy' can write up to 100 bytes into a buffer of 50
  // CHECK-MESSAGES-BANNED: :[[@LINE-2]]:3: warning: 'strcpy' does not check
  // A label lets control skip the terminator.
  char other[100];
  goto skip;
  other[5] = '\0';
skip:
  strcpy(dest, other);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'strcpy' can write up to 100 bytes into a buffer of 50
  // CHECK-MESSAGES-BANNED: :[[@LINE-2]]:3: warning: 'strcpy' does not check
}

// gets can never be proven to fit.
void input(void) {
  char line[4096];
  gets(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'gets' cannot limit its input to the size of the buffer; use 'fgets' instead
  // CHECK-MESSAGES-BANNED: :[[@LINE-2]]:3: warning: 'gets' cannot limit its input
}

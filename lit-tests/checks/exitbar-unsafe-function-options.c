// RUN: %check_exitbar_tidy %s exitbar-unsafe-function %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar-unsafe-function.Functions, value: 'rand=arc4random_uniform;gets'}, {key: exitbar-unsafe-function.CheckScanf, value: false}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-unsafe-function

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void options(char *d, const char *s) {
  int r = rand();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'rand' is unsafe; use 'arc4random_uniform' instead [exitbar-unsafe-function]
  gets(d);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'gets' cannot limit its input to the size of the buffer; avoid it [exitbar-unsafe-function]
  // Not in the configured list any more:
  strcpy(d, s);
  char name[8];
  scanf("%s", name);
  (void)r;
}

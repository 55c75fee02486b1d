/* Mock <stdlib.h> for lit tests. */
#ifndef MOCK_STDLIB_H
#define MOCK_STDLIB_H
#include <stdio.h>
#ifdef __cplusplus
extern "C" {
#endif
int system(const char *command);
char *getenv(const char *name);
char *secure_getenv(const char *name);
char *realpath(const char *path, char *resolved);
void exit(int status) __attribute__((noreturn));
int atoi(const char *s);
#ifdef __cplusplus
}
#endif

/* A system header's own use of system() is not the project's problem. */
static inline int mock_system_run(const char *arg) {
  char cmd[64];
  snprintf(cmd, sizeof cmd, "run %s", arg);
  return system(cmd);
}
#endif

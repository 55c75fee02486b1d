/* Mock <stdlib.h> for lit tests. */
#ifndef MOCK_STDLIB_H
#define MOCK_STDLIB_H
#include <stdio.h>
#ifdef __cplusplus
extern "C" {
#endif
char *getenv(const char *name);
char *realpath(const char *path, char *resolved);
void free(void *p);
#ifdef __cplusplus
}
#endif

/* A system header's own file handling is not the project's problem. */
static inline FILE *mock_open_under(const char *name) {
  char path[256];
  snprintf(path, sizeof path, "/var/lib/mock/%s", name);
  return fopen(path, "r");
}
#endif

#include "unsafe.h"

void copy(char *d, const char *s) {
  strcpy(d, s);
  strcpy(d, s); // NOLINT(exitbar-unsafe-function)
  char line[8];
  gets(line);
}

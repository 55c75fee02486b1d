#include <string.h>
void other(char *d, const char *s) { strcpy(d, s); }

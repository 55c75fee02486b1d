/* Mock <stdlib.h> for lit tests. */
#ifndef MOCK_STDLIB_H
#define MOCK_STDLIB_H
#ifdef __cplusplus
extern "C" {
#endif
char *getenv(const char *name);
#ifdef __cplusplus
}
#endif
#endif

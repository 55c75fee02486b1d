/* Mock <stdlib.h> for lit tests. */
#ifndef MOCK_STDLIB_H
#define MOCK_STDLIB_H
#ifdef __cplusplus
extern "C" {
#endif
char *mktemp(char *templ);
int mkstemp(char *templ);
int rand(void);
#ifdef __cplusplus
}
#endif
#endif

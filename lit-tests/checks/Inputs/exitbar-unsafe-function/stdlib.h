/* Mock <stdlib.h> for lit tests. */
#ifndef MOCK_STDLIB_H
#define MOCK_STDLIB_H
#ifdef __cplusplus
extern "C" {
#endif
char *mktemp(char *templ);
int mkstemp(char *templ);
int rand(void);
void *malloc(__SIZE_TYPE__ n);
void *calloc(__SIZE_TYPE__ n, __SIZE_TYPE__ size);
void *alloca(__SIZE_TYPE__ n);
#ifdef __cplusplus
}
#endif
#endif

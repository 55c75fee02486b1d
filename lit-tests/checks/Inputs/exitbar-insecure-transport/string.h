/* Mock <string.h> for lit tests. */
#ifndef MOCK_STRING_H
#define MOCK_STRING_H
typedef __SIZE_TYPE__ size_t;
#ifdef __cplusplus
extern "C" {
#endif
int strncmp(const char *a, const char *b, size_t n);
int strcmp(const char *a, const char *b);
char *strstr(const char *h, const char *n);
#ifdef __cplusplus
}
#endif
#endif

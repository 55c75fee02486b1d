// Mock <string.h> for lit tests.
#pragma once
typedef __SIZE_TYPE__ size_t;
#ifdef __cplusplus
extern "C" {
#endif
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
#ifdef __cplusplus
}
#endif

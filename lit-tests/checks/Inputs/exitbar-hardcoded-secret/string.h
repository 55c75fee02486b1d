/* Mock <string.h> for lit tests. */
#ifndef MOCK_STRING_H
#define MOCK_STRING_H
typedef __SIZE_TYPE__ size_t;
#ifdef __cplusplus
extern "C" {
#endif
char *strcpy(char *d, const char *s);
char *strncpy(char *d, const char *s, size_t n);
void *memcpy(void *d, const void *s, size_t n);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
int strcasecmp(const char *a, const char *b);
size_t strlen(const char *s);
#ifdef __cplusplus
}
#endif
#endif

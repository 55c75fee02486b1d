/* Mock <string.h> for lit tests. */
#ifndef MOCK_STRING_H
#define MOCK_STRING_H
#ifndef NULL
#define NULL __null
#endif
#ifdef __cplusplus
extern "C" {
#endif
typedef __SIZE_TYPE__ size_t;
char *strcpy(char *d, const char *s);
char *strncpy(char *d, const char *s, size_t n);
char *strcat(char *d, const char *s);
char *strncat(char *d, const char *s, size_t n);
char *strstr(const char *h, const char *n);
char *strchr(const char *s, int c);
char *strpbrk(const char *s, const char *accept);
size_t strspn(const char *s, const char *accept);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strdup(const char *s);
void *memcpy(void *d, const void *s, size_t n);
#ifdef __cplusplus
}
#endif
#endif

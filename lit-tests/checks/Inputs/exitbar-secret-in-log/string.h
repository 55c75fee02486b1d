/* Mock <string.h> for lit tests. */
#ifndef MOCK_STRING_H
#define MOCK_STRING_H
typedef __SIZE_TYPE__ size_t;
#ifdef __cplusplus
extern "C" {
#endif
char *strcpy(char *d, const char *s);
char *strcat(char *d, const char *s);
size_t strlen(const char *s);
char *strtok(char *s, const char *delim);
char *strdup(const char *s);
#ifdef __cplusplus
}
#endif
#endif

/* Mock <stdio.h> for lit tests. */
#ifndef MOCK_STDIO_H
#define MOCK_STDIO_H
typedef __SIZE_TYPE__ size_t;
typedef struct FILE FILE;
extern FILE *stderr;
#ifdef __cplusplus
extern "C" {
#endif
int printf(const char *format, ...);
int fprintf(FILE *f, const char *format, ...);
int snprintf(char *s, size_t n, const char *format, ...);
int puts(const char *s);
#ifdef __cplusplus
}
#endif
#endif

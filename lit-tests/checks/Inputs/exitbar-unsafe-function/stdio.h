/* Mock <stdio.h> for lit tests: declarations only. */
#ifndef MOCK_STDIO_H
#define MOCK_STDIO_H
typedef struct FILE FILE;
typedef __builtin_va_list va_list;
typedef __SIZE_TYPE__ size_t;
extern FILE *stdin;
#ifdef __cplusplus
extern "C" {
#endif
char *gets(char *s);
char *fgets(char *s, int n, FILE *f);
int sprintf(char *s, const char *format, ...);
int snprintf(char *s, size_t n, const char *format, ...);
int vsprintf(char *s, const char *format, va_list ap);
int scanf(const char *format, ...);
int fscanf(FILE *f, const char *format, ...);
int sscanf(const char *s, const char *format, ...);
char *tmpnam(char *s);
char *tempnam(const char *dir, const char *prefix);
FILE *fopen(const char *path, const char *mode);
int puts(const char *s);
/* A system header may use what user code must not. */
static inline void mock_system_copy(char *d) { gets(d); }
#ifdef __cplusplus
}
#endif
#endif

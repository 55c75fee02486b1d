/* Mock <stdio.h> for lit tests. */
#ifndef MOCK_STDIO_H
#define MOCK_STDIO_H
typedef struct _IO_FILE FILE;
typedef __SIZE_TYPE__ size_t;
extern FILE *stdout;
extern FILE *stderr;
#define stdout stdout
#define stderr stderr
#ifdef __cplusplus
extern "C" {
#endif
FILE *fopen(const char *path, const char *mode);
int printf(const char *format, ...);
int fprintf(FILE *f, const char *format, ...);
int dprintf(int fd, const char *format, ...);
int sprintf(char *s, const char *format, ...);
int snprintf(char *s, size_t n, const char *format, ...);
int puts(const char *s);
int fputs(const char *s, FILE *f);
/* A system header may print what user code must not. */
static inline void mock_system_helper(const char *password) {
  printf("%s", password);
}
#ifdef __cplusplus
}
#endif
#endif

/* Mock <stdio.h> for lit tests. */
#ifndef MOCK_STDIO_H
#define MOCK_STDIO_H
#ifndef NULL
#define NULL __null
#endif
#ifdef __cplusplus
extern "C" {
#endif
typedef __SIZE_TYPE__ size_t;
typedef struct FILE FILE;
extern FILE *stdin;
FILE *popen(const char *command, const char *mode);
int pclose(FILE *stream);
char *fgets(char *s, int n, FILE *stream);
int scanf(const char *format, ...);
int sscanf(const char *s, const char *format, ...);
int sprintf(char *s, const char *format, ...);
int snprintf(char *s, size_t n, const char *format, ...);
FILE *fopen(const char *path, const char *mode);
int remove(const char *path);
int rename(const char *from, const char *to);
int puts(const char *s);
int fprintf(FILE *stream, const char *format, ...);
int fputs(const char *s, FILE *stream);
size_t fwrite(const void *ptr, size_t size, size_t n, FILE *stream);
#ifdef __cplusplus
}
#endif
#endif

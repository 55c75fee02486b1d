/* Mock <stdio.h> for lit tests. */
#ifndef MOCK_STDIO_H
#define MOCK_STDIO_H
#ifdef __cplusplus
extern "C" {
#endif
int snprintf(char *buf, unsigned long n, const char *fmt, ...);
int printf(const char *fmt, ...);
#ifdef __cplusplus
}
#endif
#endif

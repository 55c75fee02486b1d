/* Mock <stdio.h> for lit tests. */
#ifndef MOCK_STDIO_H
#define MOCK_STDIO_H
#ifdef __cplusplus
extern "C" {
#endif
int printf(const char *format, ...) __attribute__((format(printf, 1, 2)));
#ifdef __cplusplus
}
#endif
#endif

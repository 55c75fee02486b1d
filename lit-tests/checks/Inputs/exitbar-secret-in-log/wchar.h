/* Mock <wchar.h> for lit tests: in C, wchar_t is a typedef of an integer type. */
#ifndef MOCK_WCHAR_H
#define MOCK_WCHAR_H
#include <stdio.h>
extern FILE *stdin;
#ifndef __cplusplus
typedef __WCHAR_TYPE__ wchar_t;
#endif
#ifdef __cplusplus
extern "C" {
#endif
int fwprintf(FILE *f, const wchar_t *format, ...);
int wprintf(const wchar_t *format, ...);
wchar_t *fgetws(wchar_t *s, int n, FILE *f);
#ifdef __cplusplus
}
#endif
#endif

/* Mock <wchar.h> for lit tests: declarations only. */
#ifndef MOCK_WCHAR_H
#define MOCK_WCHAR_H
typedef __WCHAR_TYPE__ wchar_t;
#ifdef __cplusplus
extern "C" {
#endif
wchar_t *wcscpy(wchar_t *d, const wchar_t *s);
wchar_t *wcscat(wchar_t *d, const wchar_t *s);
#ifdef __cplusplus
}
#endif
#endif

/* Mock <windows.h> and <io.h> (Win32 file API, Windows C runtime) for lit tests. */
#ifndef MOCK_WINDOWS_H
#define MOCK_WINDOWS_H
#include <stdio.h>
typedef void *HANDLE;
typedef unsigned long DWORD;
typedef int BOOL;
typedef const char *LPCSTR;
typedef const wchar_t *LPCWSTR;
#define GENERIC_READ 0x80000000UL
#define OPEN_EXISTING 3
#ifdef __cplusplus
extern "C" {
#endif
HANDLE CreateFileA(LPCSTR name, DWORD access, DWORD share, void *sa,
                   DWORD disposition, DWORD flags, HANDLE tmpl);
HANDLE CreateFileW(LPCWSTR name, DWORD access, DWORD share, void *sa,
                   DWORD disposition, DWORD flags, HANDLE tmpl);
BOOL DeleteFileA(LPCSTR name);
BOOL MoveFileA(LPCSTR from, LPCSTR to);
int _open(const char *path, int flags, ...);
int _wopen(const wchar_t *path, int flags, ...);
FILE *_wfopen(const wchar_t *path, const wchar_t *mode);
int fopen_s(FILE **f, const char *path, const char *mode);
size_t wcslen(const wchar_t *s);
wchar_t *wcsncat(wchar_t *d, const wchar_t *s, size_t n);
wchar_t *_wgetenv(const wchar_t *name);
#ifdef __cplusplus
}
#endif
#endif

/* windows.h - declarations-only stand-in for the parts of Win32 the Juliet
 * cases of docs/checks/precision/ use, so that they parse on Linux.
 * SPDX-License-Identifier: Apache-2.0 */
#ifndef EXITBAR_WINMOCK_WINDOWS_H
#define EXITBAR_WINMOCK_WINDOWS_H
#include <stddef.h>
#include <wchar.h>
typedef void *HANDLE;
typedef unsigned long DWORD;
typedef int BOOL;
typedef unsigned char BYTE;
typedef unsigned int UINT;
typedef const char *LPCSTR;
typedef char *LPSTR;
typedef const wchar_t *LPCWSTR;
typedef wchar_t *LPWSTR;
typedef HANDLE *PHANDLE;
#define MAX_PATH 260
#define INVALID_HANDLE_VALUE ((HANDLE)(long)-1)
#define LOGON32_LOGON_NETWORK 3
#define LOGON32_PROVIDER_DEFAULT 0
#define GENERIC_READ 0x80000000UL
#define GENERIC_WRITE 0x40000000UL
#define FILE_SHARE_READ 1
#define OPEN_EXISTING 3
#define CREATE_ALWAYS 2
#define FILE_ATTRIBUTE_NORMAL 0x80
BOOL LogonUserA(LPCSTR, LPCSTR, LPCSTR, DWORD, DWORD, PHANDLE);
BOOL LogonUserW(LPCWSTR, LPCWSTR, LPCWSTR, DWORD, DWORD, PHANDLE);
BOOL CloseHandle(HANDLE);
HANDLE CreateFileA(LPCSTR, DWORD, DWORD, void *, DWORD, DWORD, HANDLE);
HANDLE CreateFileW(LPCWSTR, DWORD, DWORD, void *, DWORD, DWORD, HANDLE);
UINT GetTempFileNameA(LPCSTR, LPCSTR, UINT, LPSTR);
UINT GetTempFileNameW(LPCWSTR, LPCWSTR, UINT, LPWSTR);
#endif

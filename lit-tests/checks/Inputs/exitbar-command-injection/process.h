/* Mock <process.h> (the Windows C runtime) for lit tests. */
#ifndef MOCK_PROCESS_H
#define MOCK_PROCESS_H
#ifndef _WCHAR_T_DEFINED
#define _WCHAR_T_DEFINED
#ifndef __cplusplus
typedef __WCHAR_TYPE__ wchar_t;
#endif
#endif
typedef __INTPTR_TYPE__ intptr_t;
#define _P_WAIT 0
#ifdef __cplusplus
extern "C" {
#endif
intptr_t _execl(const char *path, const char *arg0, ...);
intptr_t _execvp(const char *file, const char *const *argv);
intptr_t _wexecl(const wchar_t *path, const wchar_t *arg0, ...);
intptr_t _spawnl(int mode, const char *path, const char *arg0, ...);
intptr_t _spawnlp(int mode, const char *file, const char *arg0, ...);
intptr_t _spawnv(int mode, const char *path, const char *const *argv);
intptr_t _wspawnl(int mode, const wchar_t *path, const wchar_t *arg0, ...);
int _wsystem(const wchar_t *command);
wchar_t *_wgetenv(const wchar_t *name);
#ifdef __cplusplus
}
#endif
#endif

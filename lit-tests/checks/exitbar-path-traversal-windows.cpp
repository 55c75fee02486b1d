// RUN: %check_exitbar_tidy %s exitbar-path-traversal %t -- -config="{CheckOptions: [{key: exitbar.ThreatModels, value: all}]}" -- -isystem %S/Inputs/exitbar-path-traversal

// The Windows C runtime's and the Win32 API's file operations.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <windows.h>

// --- Flagged ----------------------------------------------------------------

void openFromSocket(int sock) {
  char name[256] = "";
  recv(sock, name, sizeof name - 1, 0);
  HANDLE h = CreateFileA(name, GENERIC_READ, 0, nullptr, OPEN_EXISTING, 0, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'CreateFileA' opens a path built from untrusted input; resolve it with realpath or std::filesystem::canonical and check that it stays inside the intended directory [exitbar-path-traversal]
  (void)h;
  int fd = _open(name, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: '_open' opens a path built from untrusted input
  (void)fd;
  DeleteFileA(name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'DeleteFileA' removes a path built from untrusted input
  MoveFileA("C:\\data\\in.txt", name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'MoveFileA' renames a path built from untrusted input
}

void underDirectory() {
  char path[260] = "C:\\data\\";
  fgets(path + strlen(path), 200, stdin);
  FILE *f = nullptr;
  fopen_s(&f, path, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fopen_s' opens a path built from untrusted input
}

void wideUnderDirectory() {
  wchar_t path[260] = L"C:\\data\\";
  wchar_t *add = _wgetenv(L"ADD");
  if (add != nullptr)
    wcsncat(path, add, 200);
  FILE *f = _wfopen(path, L"r");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: '_wfopen' opens a path built from untrusted input
  (void)f;
}

// --- Accepted ---------------------------------------------------------------

void localWholePath(const char *configured) {
  char line[260] = "";
  fgets(line, sizeof line, stdin);
  // A whole path typed by the local user: the program's own input.
  HANDLE h = CreateFileA(line, GENERIC_READ, 0, nullptr, OPEN_EXISTING, 0, nullptr);
  (void)h;
  int fd = _open(configured, 0);
  (void)fd;
  DeleteFileA("C:\\data\\old.txt");
}

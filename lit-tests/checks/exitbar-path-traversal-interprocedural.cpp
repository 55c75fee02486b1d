// RUN: %check_exitbar_tidy %s exitbar-path-traversal %t -- -config="{CheckOptions: [{key: exitbar.ThreatModels, value: all}]}" -- -isystem %S/Inputs/exitbar-path-traversal

// Paths received in one function and opened in another. Ordinary
// parameters are not untrusted for this check; what the unit's call sites
// pass to them is.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <string>
#include <sys/socket.h>

// --- Flagged ----------------------------------------------------------------

// The name is received in the caller and opened under a directory in the
// callee.
static FILE *openData(const char *name) {
  char path[256];
  snprintf(path, sizeof path, "/srv/data/%s", name);
  return fopen(path, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'fopen' opens a path built from untrusted input
  // CHECK-MESSAGES: :[[@LINE+7]]:3: note: 'path' comes from 'recv'
  // CHECK-MESSAGES: :[[@LINE+7]]:12: note: it is passed to 'openData' as 'name'
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: it is stored in 'path'
}

void serveFile(int fd) {
  char name[64];
  recv(fd, name, sizeof name, 0);
  openData(name);
}

// The name is received in the callee and returned; the caller opens it.
static std::string receiveName(int fd) {
  char buf[128];
  recv(fd, buf, sizeof buf, 0);
  return buf;
}

void openReceived(int fd) {
  std::string path = "/srv/data/" + receiveName(fd);
  FILE *f = fopen(path.c_str(), "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'fopen' opens a path built from untrusted input
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'path' comes from 'recv'
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'receiveName' returns it
  // CHECK-MESSAGES: :[[@LINE-5]]:37: note: 'receiveName' returns it here
  // CHECK-MESSAGES: :[[@LINE-6]]:15: note: it is stored in 'path'
  (void)f;
}

// --- Not flagged ------------------------------------------------------------

// Every caller passes a fixed name.
static FILE *openConfig(const char *name) {
  char path[256];
  snprintf(path, sizeof path, "/etc/app/%s", name);
  return fopen(path, "r");
}
void loadConfig() { openConfig("main.conf"); }

// The callee refuses names that climb out of the directory.
static FILE *openChecked(const char *name) {
  if (strstr(name, "..") != NULL)
    return NULL;
  char path[256];
  snprintf(path, sizeof path, "/srv/data/%s", name);
  return fopen(path, "r");
}
void serveChecked(int fd) {
  char name[64];
  recv(fd, name, sizeof name, 0);
  openChecked(name);
}

// --- Members of an object, written in one method and read in another ------

class Download {
public:
  explicit Download(int socket) { recv(socket, name, sizeof name - 1, 0); }
  FILE *open() const {
    std::string path = std::string("/srv/files/") + name;
    return fopen(path.c_str(), "rb");
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'fopen' opens a path built from untrusted input
  }
  FILE *openFixed() {
    strcpy(name, "index.html");
    return fopen(name, "rb");
  }

private:
  char name[64];
};

// --- Local data added to the caller's directory by a helper ---------------

static void addName(char *dir) { strcat(dir, getenv("NAME")); }
static void setName(char *dir) { strcpy(dir, getenv("NAME")); }

FILE *openUnderCallersDirectory() {
  char path[256] = "/var/cache/";
  addName(path);
  return fopen(path, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'fopen' opens a path built from untrusted input
}

// The helper overwrites the whole buffer: a whole path from the
// environment, the program's to choose.
FILE *openWholeLocalPath() {
  char path[256] = "/var/cache/";
  setName(path);
  return fopen(path, "r");
}

// --- Calls through pointers to modelled functions -------------------------

typedef FILE *(*OpenFn)(const char *, const char *);
typedef long (*RecvFn)(int, void *, unsigned long, int);

FILE *openThroughPointers(int socket) {
  RecvFn receive = (RecvFn)recv;
  OpenFn openFile = fopen;
  char name[64];
  receive(socket, name, sizeof name, 0);
  std::string path = std::string("/srv/files/") + name;
  return openFile(path.c_str(), "rb");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'fopen' opens a path built from untrusted input
}

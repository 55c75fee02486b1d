// RUN: %check_exitbar_tidy %s exitbar-path-traversal %t -- -config="{CheckOptions: [{key: exitbar.ThreatModels, value: all}]}" -- -isystem %S/Inputs/exitbar-path-traversal

#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

namespace fs = std::filesystem;

struct HttpRequest {
  std::string param(const char *name) const;
  std::string body;
};

// --- Flagged ----------------------------------------------------------------

void download(const HttpRequest &req) {
  std::string path = "/srv/files/" + req.param("name");
  std::ifstream in(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::ifstream' opens a path built from untrusted input; resolve it with realpath or std::filesystem::canonical and check that it stays inside the intended directory [exitbar-path-traversal]
  // CHECK-MESSAGES: :[[@LINE-4]]:34: note: 'path' comes from parameter 'req'
}

FILE *openUpload(const char *upload_name) {
  char path[256];
  snprintf(path, sizeof path, "/var/uploads/%s", upload_name);
  return fopen(path, "wb");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'fopen' opens a path built from untrusted input
  // CHECK-MESSAGES: :[[@LINE-5]]:30: note: 'path' comes from parameter 'upload_name'
}

void deleteReceived(int fd) {
  char name[256];
  recv(fd, name, sizeof name, 0);
  unlink(name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'unlink' removes a path built from untrusted input
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'name' comes from 'recv'
}

void underBaseFromTerminal() {
  char data[256] = "/tmp/app/";
  size_t len = strlen(data);
  if (fgets(data + len, (int)(sizeof data - len), stdin) == NULL)
    return;
  FILE *f = fopen(data, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'fopen' opens a path built from untrusted input
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 'data' comes from 'fgets'
  (void)f;
}

void underBaseFromEnvironment() {
  std::string cache = std::string("/var/cache/") + getenv("CACHE_NAME");
  fs::remove_all(cache);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::filesystem::remove_all' removes a path built from untrusted input
  // CHECK-MESSAGES: :[[@LINE-3]]:52: note: 'cache' comes from 'getenv'
}

void writeFromStream() {
  std::string name;
  std::cin >> name;
  std::ofstream out;
  out.open("/var/www/" + name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::ofstream' opens a path built from untrusted input
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'name' comes from 'operator>>'
}

void moveUpload(const HttpRequest &req) {
  std::string from = "/var/spool/" + req.body;
  rename(from.c_str(), "/var/done/latest");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'rename' renames a path built from untrusted input
  // CHECK-MESSAGES: :[[@LINE-4]]:36: note: 'from' comes from parameter 'req'
}

void removeJoined(const HttpRequest &req) {
  fs::path p = fs::path("/srv/www") / req.body;
  fs::remove(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::filesystem::remove' removes a path
  // CHECK-MESSAGES: :[[@LINE-4]]:38: note: 'p' comes from parameter 'req'
}

void canonicalWithoutCheck(const std::string &query_path) {
  fs::path p = fs::canonical(fs::path("/srv/www") / query_path);
  std::ifstream in(p.string());
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::ifstream' opens a path
  // CHECK-MESSAGES: :[[@LINE-4]]:47: note: 'p' comes from parameter 'query_path'
}

void checkedTooLate(const char *client_file) {
  char path[256];
  snprintf(path, sizeof path, "/srv/%s", client_file);
  int fd = open(path, O_RDONLY);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'open' opens a path built from untrusted input
  // CHECK-MESSAGES: :[[@LINE-5]]:33: note: 'path' comes from parameter 'client_file'
  if (strstr(client_file, "..") != NULL)
    return;
  (void)fd;
}

void atDirectory(const std::string &request_dir) {
  std::string path = "/srv/tenants/" + request_dir;
  openat(AT_FDCWD, path.c_str(), O_RDONLY);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'openat' opens a path
  // CHECK-MESSAGES: :[[@LINE-4]]:37: note: 'path' comes from parameter 'request_dir'
  mkdir(("/srv/tenants/new-" + request_dir).c_str(), 0700);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mkdir' creates a path
}

#define OPEN_READ(p) fopen(p, "r")
void throughMacro(const char *remote_name) {
  char path[128] = "/srv/";
  strcat(path, remote_name);
  OPEN_READ(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fopen' opens a path
}

int main(int argc, char **argv) {
  if (argc < 3)
    return 1;
  char db[256];
  snprintf(db, sizeof db, "/srv/data/%s.db", argv[1]);
  open(db, O_RDONLY);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'open' opens a path built from untrusted input
  // CHECK-MESSAGES: :[[@LINE-7]]:27: note: 'db' comes from the command line ('argv')
  // A path given whole on the command line is the user's own choice.
  FILE *f = fopen(argv[2], "r");
  (void)f;
  return 0;
}

// --- Accepted look-alikes -----------------------------------------------------

#define CONFIG_PATH "/etc/app/app.conf"
bool isSafePath(const char *path);
bool isValidName(const std::string &name);

void constants() {
  fopen("/etc/app.conf", "r");
  fopen(CONFIG_PATH, "r");
  const char *log = "/var/log/app.log";
  fopen(log, "a");
  std::string dir = std::string("/var/lib/") + "app";
  fs::create_directories(dir);
}

// Ordinary parameters are the program's own paths.
void save(const std::string &path) { std::ofstream out(path); }
FILE *openLog(const char *dir) {
  char path[256];
  snprintf(path, sizeof path, "%s/app.log", dir);
  return fopen(path, "a");
}

void underHome() {
  // The environment names the base, not a name under someone else's base.
  std::string home = getenv("HOME");
  std::ifstream rc(home + "/.apprc");
}

void realpathPrefix(const char *request_path) {
  char joined[256];
  snprintf(joined, sizeof joined, "/srv/files/%s", request_path);
  char resolved[4096];
  if (realpath(joined, resolved) == NULL)
    return;
  if (strncmp(resolved, "/srv/files/", 11) != 0)
    return;
  fopen(resolved, "r");
}

void canonicalPrefix(const HttpRequest &req) {
  const std::string root = "/srv/www";
  fs::path p = fs::weakly_canonical(fs::path(root) / req.param("f"));
  if (p.string().rfind(root, 0) != 0)
    return;
  std::ifstream in(p.string());
}

void dotDotRejected(const char *upload_name, const std::string &query) {
  if (strstr(upload_name, "..") != NULL)
    return;
  char path[256];
  snprintf(path, sizeof path, "/var/uploads/%s", upload_name);
  fopen(path, "wb");
  if (query.find("..") != std::string::npos || query.find('/') == 0)
    return;
  fs::remove("/srv/cache/" + query);
}

void denyListComparison(const char *request_name) {
  if (strcmp(request_name, "..") == 0 || strchr(request_name, '/'))
    return;
  std::string path = std::string("/srv/") + request_name;
  fopen(path.c_str(), "r");
}

void lastComponentOnly(char *upload_name, const HttpRequest &req) {
  char path[256];
  snprintf(path, sizeof path, "/var/uploads/%s", basename(upload_name));
  fopen(path, "wb");
  fs::path p = fs::path("/srv") / fs::path(req.param("f")).filename();
  fs::remove(p);
}

void validatorGuards(const char *request_path, const std::string &query) {
  if (!isSafePath(request_path))
    return;
  std::string p = std::string("/srv/") + request_path;
  std::ifstream in(p);
  if (isValidName(query)) {
    std::ofstream out("/srv/" + query);
  }
}

void suppressedAndSystem(const char *remote_name) {
  char path[128] = "/srv/";
  strcat(path, remote_name);
  fopen(path, "r"); // NOLINT(exitbar-path-traversal)
  mock_open_under(remote_name);
}

// --- Request objects: named like one and shaped like one --------------------

// Matches the default `*request` pattern and has a path: another party's.
struct UploadRequest {
  std::string path;
  std::string body;
};
void saveUpload(const UploadRequest &req) {
  fopen(("/srv/uploads/" + req.path).c_str(), "w");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fopen' opens a path built from untrusted input
}

// Matches `*request` by name only: a program's own options, not a request
// another party sent.
struct CollectRequest {
  std::string outputDir;
  int jobs;
};
void writeReport(const CollectRequest &request) {
  fopen((request.outputDir + "/report.json").c_str(), "w");
}

// `*` widths and precisions take an argument of their own: the text after
// `%.*s` is the next argument, not the length.
FILE *configNextToProgram(const char *program, int length) {
  char buf[256];
  snprintf(buf, sizeof buf, "%.*s%c%s", length, getenv("PROGRAM_DIR"), '/',
           "app.conf");
  return fopen(buf, "r");
}

FILE *nameUnderPrefix(int length) {
  char buf[256];
  snprintf(buf, sizeof buf, "%.*s/%s", length, "/srv/data", getenv("NAME"));
  return fopen(buf, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'fopen' opens a path built from untrusted input
}

// A reference stands for its variable where it is read: the name added to
// `path` after the reference was made reaches the read through it.
FILE *throughAReference() {
  char buffer[256] = "/srv/data/";
  char *path = buffer;
  char *&alias = path;
  strncat(path + strlen(path), getenv("NAME"), 64);
  char *opened = alias;
  return fopen(opened, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'fopen' opens a path built from untrusted input
}

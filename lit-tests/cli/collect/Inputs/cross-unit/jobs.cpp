// The sinks, in a unit that never sees where the data comes from.
#include "jobs.h"
#include <cstdlib>
#include <cstring>

static bool isAllowed(const char *name) { return std::strcmp(name, "backup") == 0; }

void runJob(const char *command) {
  std::system(command);
}

void runArchive(const char *command) {
  popen(command, "r");
}

void runChecked(const char *name) {
  if (!isAllowed(name))
    return;
  std::system(name);
}

void runSilenced(const char *command) {
  std::system(command); // NOLINT(exitbar-command-injection): a trusted test hook
}

FILE *openUpload(const char *name) {
  return std::fopen(name, "rb");
}

FILE *openConfig(const char *path) {
  return std::fopen(path, "r");
}

FILE *openData(const char *path) {
  return std::fopen(path, "rb");
}

void runNext(int sock) {
  std::system(readRequest(sock));
  std::system(greeting());
}

extern char *lastUpload;
extern char *lastMode;
void replay() {
  std::system(lastUpload);
  std::system(lastMode);
}

void runLine(int sock) {
  char line[128];
  readLine(sock, line);
  std::system(line);
}

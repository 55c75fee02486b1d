// A unit that only passes data on to another.
#include "jobs.h"

void relay(const char *what) { runArchive(what); }

// Untrusted data leaves this unit as a return value.
#include <sys/socket.h>
static char saved[128];
const char *readRequest(int sock) {
  recv(sock, saved, sizeof saved - 1, 0);
  return saved;
}

const char *greeting() { return "hello"; }

// Untrusted data leaves this unit through a pointer it is given.
void readLine(int sock, char *line) { recv(sock, line, 100, 0); }

// Untrusted data enters here and leaves for functions of other units.
#include "jobs.h"
#include <cstdlib>
#include <string>
#include <sys/socket.h>

void serve(int sock) {
  char request[256] = {0};
  recv(sock, request, sizeof request - 1, 0);
  runJob(request);
  relay(request);
  runChecked(request);
  runSilenced(request);
  openUpload(request);
  runJob("uptime");
  const char *home = std::getenv("HOME");
  openConfig(home);
  std::string under = std::string("/srv/") + std::getenv("UPLOAD");
  openData(under.c_str());
}

// Untrusted data stored in a global that another unit reads.
char *lastUpload;
char *lastMode;
void remember(int sock) {
  static char buf[64];
  recv(sock, buf, sizeof buf - 1, 0);
  lastUpload = buf;
  lastMode = const_cast<char *>("fast");
}

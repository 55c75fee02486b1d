#include <sys/socket.h>
#include <string>
std::string readCommand(int fd) {
  char buf[128];
  recv(fd, buf, sizeof buf, 0);
  return buf;
}
std::string fixedCommand() { return "uptime"; }

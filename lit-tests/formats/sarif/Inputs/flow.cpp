// A command line read from a socket in one function and run by the
// function it is handed to: the finding's path crosses two calls.
#include <cstdlib>
#include <string>
#include <unistd.h>

static std::string build(const char *name) { return std::string("gzip ") + name; }

static void run(const std::string &command) { std::system(command.c_str()); }

void handle(int fd) {
  char buf[256];
  read(fd, buf, sizeof buf);
  run(build(buf));
}

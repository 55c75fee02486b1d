// The sink, two units away from the source.
#include <cstdlib>
#include <string>
std::string nextJob(int fd);
std::string defaultJob();
void worker(int fd) {
  std::string cmd = nextJob(fd);
  std::system(cmd.c_str());
}
void idle() { std::system(defaultJob().c_str()); }

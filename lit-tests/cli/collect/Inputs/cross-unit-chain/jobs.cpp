// The middle unit: passes another unit's return value on as its own.
#include <string>
std::string readCommand(int fd);
std::string fixedCommand();
std::string nextJob(int fd) {
  std::string job = readCommand(fd);
  return "run " + job;
}
std::string defaultJob() { return fixedCommand(); }

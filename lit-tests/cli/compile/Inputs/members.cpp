#include <cstdlib>

// Sinks in a constructor and an operator: their names are not simple
// identifiers, which the taint summaries must still name.
struct Runner {
  explicit Runner(const char *Command) { std::system(Command); }
  int operator()(const char *Command) const { return std::system(Command); }
};

int run(const char *Command) {
  Runner Once(Command);
  return Once(Command) == 0 ? 0 : 1;
}

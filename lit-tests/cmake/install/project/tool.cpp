#include <cstdio>
int main() {
  char buf[8];
  std::sprintf(buf, "%d", 42);
  return buf[0];
}

// Mock Crow for lit tests.
#ifndef MOCK_CROW_H
#define MOCK_CROW_H
#include <string>
namespace crow {
template <typename... Middlewares> class Crow {
public:
  Crow &bindaddr(std::string addr);
  Crow &port(unsigned short p);
  void run();
};
using SimpleApp = Crow<>;
} // namespace crow
#endif

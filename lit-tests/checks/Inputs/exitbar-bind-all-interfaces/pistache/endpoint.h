// Mock Pistache for lit tests.
#ifndef MOCK_PISTACHE_ENDPOINT_H
#define MOCK_PISTACHE_ENDPOINT_H
#include <string>
namespace Pistache {
class Port {
public:
  Port(unsigned short p);
};
class Ipv4 {
public:
  static Ipv4 any();
  static Ipv4 loopback();
};
class Address {
public:
  Address(std::string host, Port port);
  Address(Ipv4 ip, Port port);
};
} // namespace Pistache
#endif

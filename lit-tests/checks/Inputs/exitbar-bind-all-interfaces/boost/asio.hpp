// Mock <boost/asio.hpp> for lit tests: just the ip:: names the check knows.
#ifndef MOCK_BOOST_ASIO_HPP
#define MOCK_BOOST_ASIO_HPP
#include <string>
namespace boost::asio {
class io_context {};
namespace ip {
class address_v4 {
public:
  static address_v4 any();
  static address_v4 loopback();
  static address_v4 from_string(const char *s);
  bool operator==(const address_v4 &o) const;
};
class address_v6 {
public:
  static address_v6 any();
  static address_v6 loopback();
};
class address {
public:
  address();
  address(const address_v4 &a);
  address(const address_v6 &a);
  static address from_string(const std::string &s);
  bool is_unspecified() const;
};
address make_address(const char *s);
address make_address(const std::string &s);
address_v4 make_address_v4(const char *s);
template <typename Protocol> class basic_endpoint {
public:
  basic_endpoint();
  basic_endpoint(const Protocol &protocol, unsigned short port);
  basic_endpoint(const address &addr, unsigned short port);
};
class tcp {
public:
  typedef basic_endpoint<tcp> endpoint;
  static tcp v4();
  static tcp v6();
  class acceptor {
  public:
    acceptor(io_context &io, const endpoint &ep);
  };
};
class udp {
public:
  typedef basic_endpoint<udp> endpoint;
  static udp v4();
};
} // namespace ip
} // namespace boost::asio
#endif

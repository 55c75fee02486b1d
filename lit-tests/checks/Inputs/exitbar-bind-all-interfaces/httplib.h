// Mock cpp-httplib for lit tests.
#ifndef MOCK_HTTPLIB_H
#define MOCK_HTTPLIB_H
#include <string>
namespace httplib {
class Server {
public:
  bool listen(const std::string &host, int port, int socket_flags = 0);
  bool bind_to_port(const std::string &host, int port, int socket_flags = 0);
  int bind_to_any_port(const std::string &host, int socket_flags = 0);
};
class SSLServer : public Server {};
} // namespace httplib
#endif

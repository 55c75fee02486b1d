// Mock cpp-httplib for lit tests.
#ifndef MOCK_HTTPLIB_H
#define MOCK_HTTPLIB_H
namespace httplib {
class ClientImpl {
public:
  void enable_server_certificate_verification(bool enabled);
  void enable_server_hostname_verification(bool enabled);
};
class Client {
public:
  explicit Client(const char *url);
  void enable_server_certificate_verification(bool enabled);
};
class SSLClient : public ClientImpl {
public:
  explicit SSLClient(const char *host);
};
} // namespace httplib
#endif

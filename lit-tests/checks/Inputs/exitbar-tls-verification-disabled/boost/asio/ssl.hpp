// Mock <boost/asio/ssl.hpp> for lit tests.
#ifndef MOCK_BOOST_ASIO_SSL_HPP
#define MOCK_BOOST_ASIO_SSL_HPP
namespace boost::asio {
class io_context {};
namespace ip {
class tcp {
public:
  class socket {
  public:
    socket(io_context &io);
  };
};
} // namespace ip
namespace ssl {
typedef int verify_mode;
const int verify_none = 0x00;
const int verify_peer = 0x01;
const int verify_fail_if_no_peer_cert = 0x02;
class verify_context {};
class context_base {
public:
  enum method {
    sslv23,
    sslv23_client,
    sslv23_server,
    tlsv12_client,
    tlsv12_server,
    tls,
    tls_client,
    tls_server
  };
};
class context : public context_base {
public:
  explicit context(method m);
  void set_verify_mode(verify_mode v);
  template <typename VerifyCallback> void set_verify_callback(VerifyCallback cb) {}
  void set_default_verify_paths();
};
class stream_base {
public:
  enum handshake_type { client, server };
};
template <typename Stream> class stream : public stream_base {
public:
  stream(io_context &io, context &ctx);
  void set_verify_mode(verify_mode v);
  template <typename VerifyCallback> void set_verify_callback(VerifyCallback cb) {}
  void handshake(handshake_type type);
};
class host_name_verification {
public:
  explicit host_name_verification(const char *host);
  bool operator()(bool preverified, verify_context &ctx) const;
};
} // namespace ssl
} // namespace boost::asio
#endif

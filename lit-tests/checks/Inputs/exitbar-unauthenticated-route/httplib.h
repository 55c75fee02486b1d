// Mock of cpp-httplib's server API shapes for lit tests.
#pragma once
#include <functional>
#include <string>
namespace httplib {
struct Request {
  std::string method;
  std::string path;
  std::string body;
  bool has_header(const std::string &key) const;
  std::string get_header_value(const std::string &key, unsigned id = 0) const;
  std::string get_param_value(const std::string &key) const;
};
struct Response {
  int status;
  void set_content(const std::string &s, const std::string &content_type);
};
using ContentReceiver = std::function<bool(const char *data, unsigned long n)>;
class ContentReader {
public:
  bool operator()(ContentReceiver receiver) const;
};
class Server {
public:
  using Handler = std::function<void(const Request &, Response &)>;
  enum class HandlerResponse { Handled, Unhandled };
  using HandlerWithResponse =
      std::function<HandlerResponse(const Request &, Response &)>;
  Server();
  virtual ~Server();
  Server &Get(const std::string &pattern, Handler handler);
  using HandlerWithContentReader =
      std::function<void(const Request &, Response &, const ContentReader &)>;
  Server &Post(const std::string &pattern, Handler handler);
  Server &Post(const std::string &pattern, HandlerWithContentReader handler);
  Server &Put(const std::string &pattern, Handler handler);
  Server &Patch(const std::string &pattern, Handler handler);
  Server &Delete(const std::string &pattern, Handler handler);
  Server &Options(const std::string &pattern, Handler handler);
  Server &set_pre_routing_handler(HandlerWithResponse handler);
  bool set_mount_point(const std::string &mount_point, const std::string &dir);
  bool listen(const std::string &host, int port);
};
class SSLServer : public Server {
public:
  SSLServer(const char *cert, const char *key);
};
} // namespace httplib

// Mock of Crow's routing API shapes for lit tests.
#pragma once
#include <string>
namespace crow {
enum class HTTPMethod { Delete, Get, Head, Post, Put, Options, Patch };
struct request {
  std::string url;
  std::string body;
  std::string get_header_value(const std::string &key) const;
};
struct response {
  response();
  response(int code);
  response(const std::string &body);
  response(int code, const std::string &body);
  int code;
  void end();
};
// Middlewares that run only for the routes that name them.
struct ILocalMiddleware {};
template <typename... Args> class TaggedRule {
public:
  template <typename... Methods> TaggedRule &methods(Methods... m) { return *this; }
  template <typename App, typename... Middlewares> TaggedRule &middlewares() { return *this; }
  template <typename Func> void operator()(Func f) {}
};
template <typename... Middlewares> class Crow {
public:
  template <unsigned long Tag> TaggedRule<> &route(const std::string &rule);
  Crow &port(int p);
  void run();
};
template <typename... Middlewares> using App = Crow<Middlewares...>;
using SimpleApp = Crow<>;
namespace black_magic {
constexpr unsigned long get_parameter_tag(const char *) { return 0; }
} // namespace black_magic
} // namespace crow
crow::HTTPMethod operator""_method(const char *str, __SIZE_TYPE__ len);
#define CROW_MIDDLEWARES(app, ...)                                              \
  template middlewares<decltype(app), __VA_ARGS__>()
#define CROW_ROUTE(app, url)                                                   \
  app.template route<crow::black_magic::get_parameter_tag(url)>(url)

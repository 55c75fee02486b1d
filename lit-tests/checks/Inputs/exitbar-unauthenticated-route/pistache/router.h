// Mock of Pistache's REST router API shapes for lit tests.
#pragma once
#include <functional>
#include <string>
namespace Pistache {
namespace Http {
namespace Header {
class Authorization {
public:
  std::string value() const;
};
} // namespace Header
class Request {
public:
  const std::string &body() const;
  template <typename H> H *tryGetHeader() const { return nullptr; }
};
class ResponseWriter {
public:
  void send(int code, const std::string &body);
};
} // namespace Http
namespace Rest {
using Request = Http::Request;
class Router;
using Route = std::function<void(const Request &, Http::ResponseWriter)>;
using Middleware = std::function<bool(Http::Request &, Http::ResponseWriter &)>;
class Router {
public:
  void addMiddleware(Middleware middleware);
};
namespace Routes {
void Get(Router &router, const std::string &resource, Route handler);
void Post(Router &router, const std::string &resource, Route handler);
void Put(Router &router, const std::string &resource, Route handler);
void Delete(Router &router, const std::string &resource, Route handler);
template <typename Result, typename Cls, typename... Args, typename Obj>
Route bind(Result (Cls::*func)(Args...), Obj obj) { return Route(); }
} // namespace Routes
} // namespace Rest
} // namespace Pistache

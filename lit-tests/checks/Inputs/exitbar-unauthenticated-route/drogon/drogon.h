// Mock of Drogon's controller, filter and app API shapes for lit tests.
#pragma once
#include <functional>
#include <string>
#include <vector>
namespace drogon {
enum HttpMethod { Get = 0, Post, Head, Put, Delete, Options, Patch, Invalid };
class Session {
public:
  bool find(const std::string &key) const;
};
class HttpRequest {
public:
  const std::string &body() const;
  std::string getHeader(const std::string &key) const;
  std::string getParameter(const std::string &key) const;
  Session *session() const;
};
class HttpResponse {
public:
  static HttpResponse *newHttpResponse();
};
using HttpRequestPtr = HttpRequest *;
using HttpResponsePtr = HttpResponse *;
using FilterCallback = std::function<void(const HttpResponsePtr &)>;
using FilterChainCallback = std::function<void()>;
namespace internal {
struct HttpConstraint {
  HttpConstraint(HttpMethod method);
  HttpConstraint(const std::string &filterName);
  HttpConstraint(const char *filterName);
};
} // namespace internal
template <typename T> class HttpController {
protected:
  template <typename Function>
  static void
  registerMethod(Function &&function, const std::string &pattern,
                 const std::vector<internal::HttpConstraint> &constraints,
                 bool classPrefix = true, const std::string &name = "") {}
};
template <typename T> class HttpSimpleController {
public:
  virtual void asyncHandleHttpRequest(
      const HttpRequestPtr &req,
      std::function<void(const HttpResponsePtr &)> &&callback) = 0;

protected:
  static void
  registerSelf__(const std::string &path,
                 const std::vector<internal::HttpConstraint> &constraints);
};
template <typename T> class HttpFilter {
public:
  virtual void doFilter(const HttpRequestPtr &req, FilterCallback &&fcb,
                        FilterChainCallback &&fccb) = 0;
};
class HttpAppFramework {
public:
  using Handler = std::function<void(
      const HttpRequestPtr &, std::function<void(const HttpResponsePtr &)> &&)>;
  HttpAppFramework &
  registerHandler(const std::string &pattern, Handler handler,
                  const std::vector<internal::HttpConstraint> &constraints = {});
  HttpAppFramework &registerPreRoutingAdvice(
      std::function<void(const HttpRequestPtr &, FilterCallback &&,
                         FilterChainCallback &&)>
          advice);
  void run();
};
HttpAppFramework &app();
} // namespace drogon
#define METHOD_LIST_BEGIN static void initPathRouting() {
#define ADD_METHOD_TO(method, pattern, ...)                                    \
  registerMethod(&method, pattern, {__VA_ARGS__}, false, #method)
#define METHOD_LIST_END }
#define PATH_LIST_BEGIN static void initPathRouting() {
#define PATH_ADD(path, ...) registerSelf__(path, {__VA_ARGS__})
#define PATH_LIST_END }

// RUN: %check_exitbar_tidy %s exitbar-unauthenticated-route %t -- -- -std=c++17 -isystem %S/Inputs/exitbar-unauthenticated-route
// RUN: %check_exitbar_tidy -check-suffix=OPTS %s exitbar-unauthenticated-route %t -- \
// RUN:   -config='{CheckOptions: [{key: exitbar-unauthenticated-route.PublicRoutes, value: "/catalog"}, {key: exitbar-unauthenticated-route.AuthFunctions, value: "acme::gatekeeper"}]}' \
// RUN:   -- -std=c++17 -isystem %S/Inputs/exitbar-unauthenticated-route -DOPTIONS

#include <boost/beast/http.hpp>
#include <crow.h>
#include <drogon/drogon.h>
#include <httplib.h>
#include <jwt-cpp/jwt.h>
#include <pistache/router.h>
#include <string.h>

namespace acme {
bool gatekeeper(const httplib::Request &req);
}

std::string expectedSignature(const std::string &body);
void logLine(const std::string &line);

#ifndef OPTIONS
// cpp-httplib: state-changing routes are high, reads medium (by the
// catalogue); health and metrics are public by design.
void httplibRoutes(httplib::Server &svr) {
  svr.Post("/users", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: unauthenticated 'POST' route '/users'; check credentials in the handler or register an authentication handler on the cpp-httplib server [exitbar-unauthenticated-route]
    res.set_content(req.body, "text/plain");
  });
  svr.Get("/users", [](const httplib::Request &, httplib::Response &res) {
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: unauthenticated 'GET' route '/users'
    res.set_content("[]", "application/json");
  });
  svr.Delete("/users/:id",
             [](const httplib::Request &req, httplib::Response &res) {
               // CHECK-MESSAGES: :[[@LINE-2]]:14: warning: unauthenticated 'DELETE' route '/users/:id'
               res.status = 204;
             });
  svr.Get("/healthz", [](const httplib::Request &, httplib::Response &res) {
    res.set_content("ok", "text/plain");
  });
  svr.Get("/api/v1/metrics",
          [](const httplib::Request &, httplib::Response &res) {
            res.set_content("", "text/plain");
          });
  // Reading the Authorization header without comparing it checks nothing.
  svr.Put("/profile", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: unauthenticated 'PUT' route '/profile'
    std::string who = req.get_header_value("Authorization");
    res.set_content(req.body, "text/plain");
  });
  // Its presence alone is no credential either.
  svr.Patch("/profile", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: unauthenticated 'PATCH' route '/profile'
    if (!req.has_header("Authorization"))
      res.status = 401;
  });
}

// Accepted: the header is read and compared, a token validated, an auth
// function called, or a helper of this unit checks.
bool tokenIsValid(const std::string &token);
static bool requireUser(const httplib::Request &req) {
  return req.get_header_value("X-API-Key") == std::string("k");
}
void httplibChecked(httplib::Server &svr) {
  svr.Post("/orders", [](const httplib::Request &req, httplib::Response &res) {
    auto header = req.get_header_value("Authorization");
    auto token = header.substr(7);
    if (!tokenIsValid(token)) {
      res.status = 401;
      return;
    }
    res.set_content(req.body, "text/plain");
  });
  svr.Post("/jwt", [](const httplib::Request &req, httplib::Response &res) {
    auto decoded = jwt::decode(req.get_header_value("Authorization"));
    jwt::verify().verify(decoded);
  });
  svr.Put("/keys", [](const httplib::Request &req, httplib::Response &res) {
    if (!requireUser(req))
      res.status = 403;
  });
  svr.Delete("/sessions", [](const httplib::Request &req,
                             httplib::Response &res) {
    if (req.get_header_value("Authorization") != "Bearer s3cret")
      res.status = 401;
  });
  // A webhook's signature is its sender's credential: a route that checks
  // it is authenticated (how well is exitbar-unverified-webhook's part).
  svr.Post("/github/webhook", [](const httplib::Request &req,
                                 httplib::Response &res) {
    std::string sig = req.get_header_value("X-Hub-Signature-256");
    if (sig != expectedSignature(req.body))
      res.status = 401;
  });
}

// Accepted: the pre-routing handler asks a class named for authentication
// (its method defined in another file) whether the request may pass.
class ApiKeyAuth {
public:
  bool validate(const httplib::Request &req) const;
};
void middlewareServer(httplib::Server &svr, ApiKeyAuth &auth) {
  svr.set_pre_routing_handler(
      [&auth](const httplib::Request &req, httplib::Response &res) {
        if (!auth.validate(req)) {
          res.status = 401;
          return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
      });
  svr.Post("/v1/agents", [](const httplib::Request &req,
                            httplib::Response &res) {
    res.set_content(req.body, "text/plain");
  });
}
// Flagged: a cache's validate() is not authentication.
class ResponseCache {
public:
  bool validate(const httplib::Request &req) const;
};
void cachedServer(httplib::Server &svr, ResponseCache &cache) {
  svr.set_pre_routing_handler(
      [&cache](const httplib::Request &req, httplib::Response &res) {
        if (!cache.validate(req))
          return httplib::Server::HandlerResponse::Handled;
        return httplib::Server::HandlerResponse::Unhandled;
      });
  svr.Post("/v1/reports", [](const httplib::Request &req,
                             httplib::Response &res) {
    // CHECK-MESSAGES: :[[@LINE-2]]:12: warning: unauthenticated 'POST' route '/v1/reports'
    res.set_content(req.body, "text/plain");
  });
}

// Accepted: a CORS preflight handler; browsers send preflights without
// credentials.
void corsServer(httplib::Server &svr) {
  svr.Options("/api/new", [](const httplib::Request &req,
                             httplib::Response &res) {
    res.set_content("", "text/plain");
  });
}

// Boost.Beast has no router: a dispatch on the request's target compared
// with a literal path is a route, its method from `req.method() == verb`.
namespace http = boost::beast::http;
bool tokenIsKnown(boost::beast::string_view token);
void beastDispatch(http::request<http::string_body> &req) {
  if (req.target() == "/api/items" && req.method() == http::verb::post) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: unauthenticated 'POST' route '/api/items'; check credentials in the handler or register an authentication handler on the Boost.Beast server [exitbar-unauthenticated-route]
    req.body() = "created";
    return;
  }
  if (req.target() == "/api/report") {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: unauthenticated 'ANY' route '/api/report'
    req.body() = "report";
    return;
  }
  // Accepted: the Authorization header compared in the handler.
  if (req.target() == "/api/keys" && req.method() == http::verb::delete_) {
    if (!tokenIsKnown(req[http::field::authorization]))
      return;
    req.body() = "deleted";
  }
  // Accepted: public by design, and no literal path (file serving).
  if (req.target() == "/healthz")
    req.body() = "ok";
  if (req.target().starts_with("/static/"))
    req.body() = "file";
}
// Accepted: a credential check ahead of the dispatch covers every route.
void beastGuarded(http::request<http::string_body> &req) {
  if (!tokenIsKnown(req[http::field::authorization]))
    return;
  if (req.target() == "/api/admin" && req.method() == http::verb::put)
    req.body() = "changed";
}

// Flagged: the signature header read, logged, never checked.
void httplibUncheckedHook(httplib::Server &svr) {
  svr.Post("/stripe/webhook", [](const httplib::Request &req,
                                 httplib::Response &res) {
    // CHECK-MESSAGES: :[[@LINE-2]]:12: warning: unauthenticated 'POST' route '/stripe/webhook'; check credentials in the handler or register an authentication handler on the cpp-httplib server [exitbar-unauthenticated-route]
    logLine(req.get_header_value("Stripe-Signature"));
    res.set_content(req.body, "text/plain");
  });
}

// Accepted: an authentication pre-routing handler on the same server covers
// every route of it, wherever it is registered.
void handleSubmit(const httplib::Request &req, httplib::Response &res);
void guardedServer() {
  httplib::Server guarded;
  guarded.Post("/submit", handleSubmit);
  guarded.set_pre_routing_handler(
      [](const httplib::Request &req, httplib::Response &res) {
        if (req.get_header_value("Authorization").empty())
          return httplib::Server::HandlerResponse::Handled;
        return httplib::Server::HandlerResponse::Unhandled;
      });
}

// A pre-routing handler that authenticates nothing guards nothing; a
// handler defined in another translation unit is judged there.
void handleElsewhere(const httplib::Request &req, httplib::Response &res);
void unguardedServer() {
  httplib::SSLServer open("cert.pem", "key.pem");
  open.set_pre_routing_handler(
      [](const httplib::Request &, httplib::Response &) {
        return httplib::Server::HandlerResponse::Unhandled;
      });
  open.Post("/upload", [](const httplib::Request &req, httplib::Response &) {
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: unauthenticated 'POST' route '/upload'
  });
  open.Post("/remote", handleElsewhere);
}

// Crow: CROW_ROUTE(...).methods(...), middleware on the app.
struct AuthMiddleware {
  struct context {};
  void before_handle(crow::request &req, crow::response &res, context &) {
    if (req.get_header_value("Authorization") != "Bearer x") {
      res.code = 401;
      res.end();
    }
  }
};
struct LogMiddleware {
  struct context {};
  void before_handle(crow::request &req, crow::response &, context &) {}
};
// Refuses every request: what it guards is unreachable, not open.
struct DenyAll {
  struct context {};
  void before_handle(crow::request &, crow::response &res, context &) {
    res.code = 403;
    res.end();
  }
};
struct LocalDenyAll : crow::ILocalMiddleware {
  struct context {};
  void before_handle(crow::request &, crow::response &res, context &) {
    res.code = 403;
    res.end();
  }
};
// Refuses only after letting some requests through: no guard.
struct DenyAfterwards {
  struct context {};
  void before_handle(crow::request &req, crow::response &res, context &) {
    if (req.url == "/open")
      return;
    res.code = 403;
    res.end();
  }
};
// Refuses only some URLs: no guard either.
struct DenySome {
  struct context {};
  void before_handle(crow::request &req, crow::response &res, context &) {
    if (req.url == "/private")
      res.code = 403;
  }
};
void crowRoutes() {
  crow::SimpleApp app;
  CROW_ROUTE(app, "/items").methods("POST"_method)([](const crow::request &req) {
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: unauthenticated 'POST' route '/items'; check credentials in the handler or register an authentication handler on the crow server
    return crow::response(201);
  });
  CROW_ROUTE(app, "/items")([] { return crow::response("[]"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: unauthenticated 'GET' route '/items'
  CROW_ROUTE(app, "/items/<int>")
      .methods(crow::HTTPMethod::Get, crow::HTTPMethod::Delete)(
          // CHECK-MESSAGES: :[[@LINE-2]]:19: warning: unauthenticated 'DELETE' route '/items/<int>'
          [](int id) { return crow::response(204); });

  crow::App<LogMiddleware> logged;
  CROW_ROUTE(logged, "/notes").methods("PUT"_method)([](const crow::request &) {
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: unauthenticated 'PUT' route '/notes'
    return crow::response(200);
  });

  crow::App<LogMiddleware, AuthMiddleware> secured;
  CROW_ROUTE(secured, "/admin").methods("POST"_method)(
      [](const crow::request &) { return crow::response(200); });
  crow::App<DenyAll> closed;
  CROW_ROUTE(closed, "/secret").methods("POST"_method)(
      [](const crow::request &) { return crow::response(200); });
  // A local middleware listed on the app guards only the routes that
  // enable it (Crow's example_middleware.cpp).
  crow::App<LocalDenyAll> local;
  CROW_ROUTE(local, "/").methods("POST"_method)(
      // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: unauthenticated 'POST' route '/'
      [](const crow::request &) { return crow::response(200); });
  CROW_ROUTE(local, "/secret")
      .methods("POST"_method)
      .CROW_MIDDLEWARES(local, LocalDenyAll)(
          [](const crow::request &) { return crow::response(200); });
  crow::App<DenyAfterwards> afterwards;
  CROW_ROUTE(afterwards, "/open").methods("POST"_method)(
      // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: unauthenticated 'POST' route '/open'
      [](const crow::request &) { return crow::response(200); });
  crow::App<DenySome> some;
  CROW_ROUTE(some, "/public").methods("POST"_method)(
      // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: unauthenticated 'POST' route '/public'
      [](const crow::request &) { return crow::response(200); });
}

// Drogon: controller methods, filters, simple controllers, app handlers.
class LoginFilter : public drogon::HttpFilter<LoginFilter> {
public:
  void doFilter(const drogon::HttpRequestPtr &req,
                drogon::FilterCallback &&fcb,
                drogon::FilterChainCallback &&fccb) override {
    if (req->session()->find("userId"))
      fccb();
  }
};
class TimingFilter : public drogon::HttpFilter<TimingFilter> {
public:
  void doFilter(const drogon::HttpRequestPtr &req,
                drogon::FilterCallback &&fcb,
                drogon::FilterChainCallback &&fccb) override {
    fccb();
  }
};
class UserController : public drogon::HttpController<UserController> {
public:
  METHOD_LIST_BEGIN
  ADD_METHOD_TO(UserController::create, "/api/users", drogon::Post);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: unauthenticated 'POST' route '/api/users'; check credentials in the handler or register an authentication handler on the drogon server
  ADD_METHOD_TO(UserController::remove, "/api/users/{id}", drogon::Delete,
                "LoginFilter");
  ADD_METHOD_TO(UserController::rename, "/api/users/{id}/name", drogon::Put,
                "TimingFilter");
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: unauthenticated 'PUT' route '/api/users/{id}/name'
  ADD_METHOD_TO(UserController::audit, "/api/audit", drogon::Post,
                "ExternalAuthFilter");
  METHOD_LIST_END
  void create(const drogon::HttpRequestPtr &req,
              std::function<void(const drogon::HttpResponsePtr &)> &&cb) {
    cb(drogon::HttpResponse::newHttpResponse());
  }
  void remove(const drogon::HttpRequestPtr &req,
              std::function<void(const drogon::HttpResponsePtr &)> &&cb) {}
  void rename(const drogon::HttpRequestPtr &req,
              std::function<void(const drogon::HttpResponsePtr &)> &&cb) {}
  void audit(const drogon::HttpRequestPtr &req,
             std::function<void(const drogon::HttpResponsePtr &)> &&cb) {}
};
class Echo : public drogon::HttpSimpleController<Echo> {
public:
  PATH_LIST_BEGIN
  PATH_ADD("/echo", drogon::Get, drogon::Post);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: unauthenticated 'POST' route '/echo'
  PATH_LIST_END
  void asyncHandleHttpRequest(
      const drogon::HttpRequestPtr &req,
      std::function<void(const drogon::HttpResponsePtr &)> &&cb) override {}
};
void drogonApp() {
  drogon::app().registerHandler(
      "/upload",
      [](const drogon::HttpRequestPtr &req,
         std::function<void(const drogon::HttpResponsePtr &)> &&cb) {},
      {drogon::Post});
  // CHECK-MESSAGES: :[[@LINE-4]]:7: warning: unauthenticated 'POST' route '/upload'
}

// Pistache: Routes::Post(router, path, Routes::bind(&Api::fn, this)).
class Api {
public:
  void setup(Pistache::Rest::Router &router) {
    using namespace Pistache::Rest;
    Routes::Post(router, "/records", Routes::bind(&Api::addRecord, this));
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: unauthenticated 'POST' route '/records'
    Routes::Get(router, "/records/:id", Routes::bind(&Api::getRecord, this));
  }
  void addRecord(const Pistache::Rest::Request &req,
                 Pistache::Http::ResponseWriter response) {
    response.send(200, req.body());
  }
  // Pistache's typed Authorization header, compared.
  void getRecord(const Pistache::Rest::Request &req,
                 Pistache::Http::ResponseWriter response) {
    auto *auth = req.tryGetHeader<Pistache::Http::Header::Authorization>();
    if (!auth || auth->value() != "Bearer t")
      response.send(401, "");
  }
};

#else
// Configured: a public route of the project's own, and its auth function.
void configured(httplib::Server &svr) {
  svr.Get("/catalog", [](const httplib::Request &, httplib::Response &) {});
  svr.Get("/healthz", [](const httplib::Request &, httplib::Response &) {});
  // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:11: warning: unauthenticated 'GET' route '/healthz'
  svr.Post("/cart", [](const httplib::Request &req, httplib::Response &res) {
    if (!acme::gatekeeper(req))
      res.status = 401;
  });
}
#endif

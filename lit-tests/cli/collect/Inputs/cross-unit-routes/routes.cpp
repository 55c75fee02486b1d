// Routes on servers made elsewhere: only the link knows which are guarded.
#include <httplib.h>

void setup_routes(httplib::Server &svr) {
  svr.Post("/api/orders",
           [](const httplib::Request &req, httplib::Response &res) {
             res.set_content(req.body, "text/plain");
           });
}

void setup_admin(httplib::Server &svr) {
  svr.Delete("/admin/cache",
             [](const httplib::Request &req, httplib::Response &res) {
               res.set_content("cleared", "text/plain");
             });
}

// Nobody in the program is seen to call this one: judged on its own.
void setup_debug(httplib::Server &svr) {
  svr.Put("/debug/level",
          [](const httplib::Request &req, httplib::Response &res) {
            res.set_content(req.body, "text/plain");
          });
  svr.Put("/debug/quiet", // NOLINT(exitbar-unauthenticated-route): test only
          [](const httplib::Request &req, httplib::Response &res) {
            res.set_content(req.body, "text/plain");
          });
}

// A server only this file makes and never hands on: this unit knows.
void serve_local() {
  httplib::Server local;
  local.Post("/local/jobs",
             [](const httplib::Request &req, httplib::Response &res) {
               res.set_content(req.body, "text/plain");
             });
  local.listen("127.0.0.1", 9000);
}

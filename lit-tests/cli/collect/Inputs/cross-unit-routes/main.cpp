// main() makes the servers; other files add their routes and guards.
#include <drogon/drogon.h>
#include <httplib.h>

void install_auth(httplib::Server &svr); // auth.cpp
void setup_routes(httplib::Server &svr); // routes.cpp
void setup_admin(httplib::Server &svr);  // routes.cpp

std::string expectedToken();

int main() {
  httplib::Server api;
  install_auth(api);
  setup_routes(api);

  httplib::Server admin; // nobody guards this one
  setup_admin(admin);

  // Every Drogon controller, in whatever file, is behind this advice.
  drogon::app().registerPreRoutingAdvice(
      [](const drogon::HttpRequestPtr &req, drogon::FilterCallback &&stop,
         drogon::FilterChainCallback &&pass) {
        if (req->getHeader("Authorization") != expectedToken()) {
          stop(drogon::HttpResponse::newHttpResponse());
          return;
        }
        pass();
      });
  api.listen("127.0.0.1", 8080);
  admin.listen("127.0.0.1", 8081);
}

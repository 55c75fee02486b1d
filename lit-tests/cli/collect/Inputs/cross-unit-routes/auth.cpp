// The guard, registered on whatever server it is handed.
#include <httplib.h>

bool validBearer(const std::string &header);

void install_auth(httplib::Server &svr) {
  svr.set_pre_routing_handler(
      [](const httplib::Request &req, httplib::Response &res) {
        if (!validBearer(req.get_header_value("Authorization"))) {
          res.status = 401;
          return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
      });
}

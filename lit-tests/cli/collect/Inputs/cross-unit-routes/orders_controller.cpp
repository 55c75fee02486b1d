// A Drogon controller in its own file: main.cpp's advice guards it.
#include <drogon/drogon.h>

class OrdersController : public drogon::HttpController<OrdersController> {
public:
  METHOD_LIST_BEGIN
  ADD_METHOD_TO(OrdersController::create, "/api/v2/orders", drogon::Post);
  METHOD_LIST_END
  void create(const drogon::HttpRequestPtr &req,
              std::function<void(const drogon::HttpResponsePtr &)> &&cb) {
    cb(drogon::HttpResponse::newHttpResponse());
  }
};

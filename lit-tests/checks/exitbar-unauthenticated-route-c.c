// RUN: %check_exitbar_tidy %s exitbar-unauthenticated-route %t -- -- -isystem %S/Inputs/exitbar-unauthenticated-route

// civetweb and mongoose in C: handlers registered by path, or dispatched
// on the URI inside one event handler.

#include <civetweb.h>
#include <mongoose.h>
#include <string.h>

static int itemsHandler(struct mg_connection *conn, void *data) {
  const struct mg_request_info *ri = mg_get_request_info(conn);
  if (strcmp(ri->request_method, "POST") == 0) {
    char buf[256];
    mg_read(conn, buf, sizeof buf);
  }
  return 200;
}

static int statusHandler(struct mg_connection *conn, void *data) {
  mg_printf(conn, "ok");
  return 200;
}

static int adminHandler(struct mg_connection *conn, void *data) {
  return 200;
}

static int secretHandler(struct mg_connection *conn, void *data) {
  if (!mg_check_digest_access_authentication(conn, "realm", "htpasswd"))
    return 401;
  return 200;
}

static int reportHandler(struct mg_connection *conn, void *data) {
  return 200;
}

static int authorize(struct mg_connection *conn, void *data) { return 1; }

// Testing that a credential header is there is no check of what it says:
// any sender can send one.
static int hookHandler(struct mg_connection *conn, void *data) {
  if (mg_get_header(conn, "X-Hub-Signature-256") == (void *)0)
    return 400;
  if (!mg_get_header(conn, "Authorization"))
    return 401;
  return 204;
}

void civetweb(struct mg_context *ctx) {
  mg_set_request_handler(ctx, "/items", itemsHandler, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: unauthenticated 'POST' route '/items'; check credentials in the handler or register an authentication handler on the civetweb server [exitbar-unauthenticated-route]
  mg_set_request_handler(ctx, "/reports", reportHandler, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: unauthenticated 'ANY' route '/reports'
  mg_set_request_handler(ctx, "/status", statusHandler, 0);
  mg_set_request_handler(ctx, "/hooks/stock", hookHandler, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: unauthenticated 'ANY' route '/hooks/stock'
  mg_set_request_handler(ctx, "/secret", secretHandler, 0);
  mg_set_auth_handler(ctx, "/admin", authorize, 0);
  mg_set_request_handler(ctx, "/admin/users", adminHandler, 0);
}

static int tokenOk(struct mg_str *header);

static void events(struct mg_connection *c, int ev, void *ev_data) {
  if (ev != MG_EV_HTTP_MSG)
    return;
  struct mg_http_message *hm = (struct mg_http_message *)ev_data;
  if (mg_match(hm->uri, mg_str("/api/notes"), 0)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: unauthenticated 'POST' route '/api/notes'
    if (mg_strcmp(hm->method, mg_str("POST")) == 0)
      mg_http_reply(c, 201, "", "%s", "created");
  } else if (mg_http_match_uri(hm, "/api/list")) {
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: unauthenticated 'ANY' route '/api/list'
    mg_http_reply(c, 200, "", "[]");
  } else if (mg_http_match_uri(hm, "/api/login")) {
    char user[64], pass[64];
    mg_http_creds(hm, user, sizeof user, pass, sizeof pass);
    if (strcmp(user, "admin") != 0)
      mg_http_reply(c, 403, "", "no");
  }
}

static void guardedEvents(struct mg_connection *c, int ev, void *ev_data) {
  struct mg_http_message *hm = (struct mg_http_message *)ev_data;
  if (!tokenOk(mg_http_get_header(hm, "Authorization"))) {
    mg_http_reply(c, 401, "", "");
    return;
  }
  if (mg_http_match_uri(hm, "/api/delete")) {
    mg_http_reply(c, 200, "", "");
  }
}

void start(struct mg_mgr *mgr) {
  mg_http_listen(mgr, "http://127.0.0.1:8000", events, 0);
  mg_http_listen(mgr, "http://127.0.0.1:8001", guardedEvents, 0);
}

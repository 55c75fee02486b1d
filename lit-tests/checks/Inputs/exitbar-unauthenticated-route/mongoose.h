// Mock of mongoose 7's HTTP API shapes for lit tests.
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
struct mg_str {
  const char *ptr;
  unsigned long len;
};
struct mg_mgr;
struct mg_connection;
struct mg_http_message {
  struct mg_str method, uri, query, body;
};
typedef void (*mg_event_handler_t)(struct mg_connection *, int ev,
                                   void *ev_data);
enum { MG_EV_HTTP_MSG = 11 };
struct mg_str mg_str(const char *s);
struct mg_connection *mg_http_listen(struct mg_mgr *, const char *url,
                                     mg_event_handler_t fn, void *fn_data);
int mg_http_match_uri(const struct mg_http_message *, const char *glob);
int mg_match(struct mg_str str, struct mg_str pattern, struct mg_str *caps);
int mg_strcmp(const struct mg_str str1, const struct mg_str str2);
int mg_vcmp(const struct mg_str *s1, const char *s2);
struct mg_str *mg_http_get_header(struct mg_http_message *, const char *name);
void mg_http_creds(struct mg_http_message *, char *user, unsigned long ulen,
                   char *pass, unsigned long plen);
void mg_http_reply(struct mg_connection *, int status_code,
                   const char *headers, const char *body_fmt, ...);
#ifdef __cplusplus
}
#endif

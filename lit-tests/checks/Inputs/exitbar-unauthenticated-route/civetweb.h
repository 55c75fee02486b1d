// Mock of civetweb's handler API shapes for lit tests.
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
struct mg_context;
struct mg_connection;
struct mg_request_info {
  const char *request_method;
  const char *local_uri;
};
typedef int (*mg_request_handler)(struct mg_connection *conn, void *cbdata);
typedef int (*mg_authorization_handler)(struct mg_connection *conn,
                                        void *cbdata);
struct mg_context *mg_start(const void *callbacks, void *user_data,
                            const char **configuration_options);
void mg_set_request_handler(struct mg_context *ctx, const char *uri,
                            mg_request_handler handler, void *cbdata);
void mg_set_auth_handler(struct mg_context *ctx, const char *uri,
                         mg_authorization_handler handler, void *cbdata);
const struct mg_request_info *mg_get_request_info(const struct mg_connection *);
const char *mg_get_header(const struct mg_connection *, const char *name);
int mg_read(struct mg_connection *, void *buf, unsigned long len);
int mg_printf(struct mg_connection *, const char *fmt, ...);
int mg_check_digest_access_authentication(struct mg_connection *conn,
                                          const char *realm,
                                          const char *filename);
#ifdef __cplusplus
}
#endif

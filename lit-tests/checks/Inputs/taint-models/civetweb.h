/* Mock <civetweb.h> for lit tests. */
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
struct mg_connection;
int mg_get_var(const char *data, unsigned long data_len, const char *var_name,
               char *dst, unsigned long dst_len);
const char *mg_get_header(const struct mg_connection *conn, const char *name);
#ifdef __cplusplus
}
#endif

/* api.c - the inventory's HTTP API (civetweb)
 * SPDX-License-Identifier: Apache-2.0
 *
 * The audits' "the API is unauthenticated" and "the webhook has no signing
 * verification": nothing checks who calls, and the supplier's webhook
 * trusts whatever body it gets. */

#include "api.h"
#include <civetweb.h>
#include <string.h>

/* POST /api/records: anyone can add stock. */
static int recordsHandler(struct mg_connection *conn, void *data) {
  const struct mg_request_info *ri = mg_get_request_info(conn);
  char body[512];
  (void)data;
  if (strcmp(ri->request_method, "POST") != 0)
    return 405;
  int n = mg_read(conn, body, sizeof body - 1);
  body[n > 0 ? n : 0] = '\0';
  mg_printf(conn, "HTTP/1.1 201 Created\r\n\r\n");
  return 201;
}

/* The supplier's stock webhook: X-Hub-Signature-256 is sent, never checked. */
static int supplierWebhook(struct mg_connection *conn, void *data) {
  char body[2048];
  (void)data;
  if (mg_get_header(conn, "X-Hub-Signature-256") == NULL)
    return 400;
  int n = mg_read(conn, body, sizeof body - 1);
  body[n > 0 ? n : 0] = '\0';
  return 204;
}

void api_register(struct mg_context *ctx) {
  mg_set_request_handler(ctx, "/api/records", recordsHandler, 0);
  mg_set_request_handler(ctx, "/hooks/supplier", supplierWebhook, 0);
}

/* api.h - the inventory's HTTP API (civetweb)
 * SPDX-License-Identifier: Apache-2.0 */
#ifndef INVENTORY_API_H
#define INVENTORY_API_H
#ifdef __cplusplus
extern "C" {
#endif
struct mg_context;
/* Adds the API's routes to a civetweb server. */
void api_register(struct mg_context *ctx);
#ifdef __cplusplus
}
#endif
#endif

// network.h - the listening socket and the upstream catalogue connection
#pragma once
#include <openssl/ssl.h>
#include <string>

int open_listener(unsigned short port);
SSL_CTX *upstream_tls_context();
bool http_get(const char *url, std::string &body);
bool fetch_catalogue(std::string &body);
std::string record_digest(const std::string &record);

// network.cpp - the listening socket and the upstream catalogue connection
#include "network.h"
#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

int open_listener(unsigned short port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr;
  std::memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_ANY);
  addr.sin_port = htons(port);
  if (bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

SSL_CTX *upstream_tls_context() {
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  // "The certificate of the staging server is self-signed."
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  return ctx;
}

bool fetch_catalogue(std::string &body) {
  return http_get("http://catalogue.example.com/v1/items", body);
}

std::string record_digest(const std::string &record) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(record.data(), record.size(), md, &len, EVP_md5(), nullptr);
  return std::string(reinterpret_cast<char *>(md), len);
}

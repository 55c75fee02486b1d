/* Mock <netdb.h> for lit tests. */
#ifndef MOCK_NETDB_H
#define MOCK_NETDB_H
#include <sys/socket.h>
struct addrinfo {
  int ai_flags;
  int ai_family;
  int ai_socktype;
  int ai_protocol;
  socklen_t ai_addrlen;
  struct sockaddr *ai_addr;
  char *ai_canonname;
  struct addrinfo *ai_next;
};
#define AI_PASSIVE 0x0001
#define AI_NUMERICSERV 0x0400
#ifdef __cplusplus
extern "C" {
#endif
int getaddrinfo(const char *node, const char *service,
                const struct addrinfo *hints, struct addrinfo **res);
#ifdef __cplusplus
}
#endif
#endif

/* Mock <arpa/inet.h> for lit tests. */
#ifndef MOCK_ARPA_INET_H
#define MOCK_ARPA_INET_H
#include <netinet/in.h>
#ifdef __cplusplus
extern "C" {
#endif
int inet_pton(int af, const char *src, void *dst);
in_addr_t inet_addr(const char *cp);
int inet_aton(const char *cp, struct in_addr *inp);
#ifdef __cplusplus
}
#endif
#endif

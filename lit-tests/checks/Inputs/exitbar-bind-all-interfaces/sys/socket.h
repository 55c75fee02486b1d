/* Mock <sys/socket.h> for lit tests: declarations only. */
#ifndef MOCK_SYS_SOCKET_H
#define MOCK_SYS_SOCKET_H
typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;
struct sockaddr {
  sa_family_t sa_family;
  char sa_data[14];
};
struct sockaddr_storage {
  sa_family_t ss_family;
  char ss_data[126];
};
#define AF_INET 2
#define AF_INET6 10
#define SOCK_STREAM 1
#ifdef __cplusplus
extern "C" {
#endif
int socket(int domain, int type, int protocol);
int bind(int fd, const struct sockaddr *addr, socklen_t len);
int connect(int fd, const struct sockaddr *addr, socklen_t len);
int listen(int fd, int backlog);
int getsockname(int fd, struct sockaddr *addr, socklen_t *len);
/* A system header may bind however it likes. */
static inline int mock_system_bind_any(int fd, struct sockaddr *a) {
  return bind(fd, a, 16);
}
#ifdef __cplusplus
}
#endif
#endif

/* Mock <sys/socket.h> for lit tests. */
#ifndef MOCK_SYS_SOCKET_H
#define MOCK_SYS_SOCKET_H
#ifdef __cplusplus
extern "C" {
#endif
typedef long ssize_t;
typedef __SIZE_TYPE__ size_t;
ssize_t recv(int fd, void *buf, size_t n, int flags);
#ifdef __cplusplus
}
#endif
#endif

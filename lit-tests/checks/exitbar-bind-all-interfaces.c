// RUN: %check_exitbar_tidy %s exitbar-bind-all-interfaces %t -- -- -isystem %S/Inputs/exitbar-bind-all-interfaces

// C: designated initialisers, compound literals, bzero, static storage.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

int flaggedDesignated(int fd, unsigned short port) {
  struct sockaddr_in addr = {
      .sin_family = AF_INET,
      .sin_port = htons(port),
      .sin_addr.s_addr = htonl(INADDR_ANY),
  };
  return bind(fd, (struct sockaddr *)&addr, sizeof addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'bind' binds the socket to all network interfaces (INADDR_ANY); bind it to 127.0.0.1 (or ::1) or to an address read from configuration [exitbar-bind-all-interfaces]
  // CHECK-MESSAGES: :[[@LINE-4]]:26: note: the address is set to INADDR_ANY here
}

int flaggedImplicitZero(int fd, unsigned short port) {
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port)};
  return bind(fd, (struct sockaddr *)&addr, sizeof addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'bind' binds the socket
  // CHECK-MESSAGES: :[[@LINE-3]]:22: note: the address is zeroed here and never set; zero is INADDR_ANY
}

int flaggedV6Init(int fd) {
  struct sockaddr_in6 addr = {.sin6_family = AF_INET6, .sin6_port = htons(443),
                              .sin6_addr = IN6ADDR_ANY_INIT};
  return bind(fd, (struct sockaddr *)&addr, sizeof addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'bind' binds the socket to all network interfaces (in6addr_any)
  // CHECK-MESSAGES: :[[@LINE-3]]:44: note: the address is set to in6addr_any here
}

int flaggedCompoundLiteral(int fd) {
  struct sockaddr_in addr;
  addr = (struct sockaddr_in){.sin_family = AF_INET, .sin_port = htons(80)};
  return bind(fd, (struct sockaddr *)&addr, sizeof addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'bind' binds the socket
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the address is zeroed here and never set
}

int flaggedBzero(int fd) {
  struct sockaddr_in addr;
  bzero(&addr, sizeof addr);
  addr.sin_port = htons(21);
  return bind(fd, (struct sockaddr *)&addr, sizeof addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'bind' binds the socket
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the address is zeroed here
}

int flaggedStatic(int fd) {
  static struct sockaddr_in addr;
  addr.sin_port = htons(53);
  return bind(fd, (struct sockaddr *)&addr, sizeof addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'bind' binds the socket
  // CHECK-MESSAGES: :[[@LINE-4]]:29: note: the address is zeroed here
}

struct server {
  int fd;
  struct sockaddr_in addr;
};

int flaggedMember(struct server *srv) {
  memset(&srv->addr, 0, sizeof srv->addr);
  srv->addr.sin_port = htons(8080);
  srv->addr.sin_addr.s_addr = INADDR_ANY;
  return bind(srv->fd, (struct sockaddr *)&srv->addr, sizeof srv->addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'bind' binds the socket
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the address is set to INADDR_ANY here
}

// Accepted: loopback, configured, set elsewhere, ephemeral.
int acceptedDesignated(int fd) {
  struct sockaddr_in addr = {
      .sin_family = AF_INET,
      .sin_port = htons(8080),
      .sin_addr.s_addr = htonl(INADDR_LOOPBACK),
  };
  return bind(fd, (struct sockaddr *)&addr, sizeof addr);
}

int acceptedV6Loopback(int fd) {
  struct sockaddr_in6 addr = {.sin6_port = htons(443),
                              .sin6_addr = IN6ADDR_LOOPBACK_INIT};
  bind(fd, (struct sockaddr *)&addr, sizeof addr);
  addr.sin6_addr = in6addr_loopback;
  return bind(fd, (struct sockaddr *)&addr, sizeof addr);
}

void configure_server(struct server *srv);
int acceptedConfiguredMember(struct server *srv, const char *host) {
  memset(&srv->addr, 0, sizeof srv->addr);
  srv->addr.sin_port = htons(8080);
  configure_server(srv);
  bind(srv->fd, (struct sockaddr *)&srv->addr, sizeof srv->addr);
  struct server other;
  memset(&other, 0, sizeof other);
  other.addr.sin_port = htons(8080);
  if (inet_aton(host, &other.addr.sin_addr) == 0)
    return -1;
  return bind(other.fd, (struct sockaddr *)&other.addr, sizeof other.addr);
}

int acceptedUninitialised(int fd, struct sockaddr_in *param) {
  struct sockaddr_in addr; // never written here: not ours to judge
  bind(fd, (struct sockaddr *)&addr, sizeof addr);
  return bind(fd, (struct sockaddr *)param, sizeof *param);
}

int acceptedEphemeral(int fd) {
  struct sockaddr_in addr = {.sin_family = AF_INET};
  return bind(fd, (struct sockaddr *)&addr, sizeof addr);
}

int acceptedSuppressed(int fd) {
  struct sockaddr_in addr = {.sin_port = htons(7)};
  return bind(fd, (struct sockaddr *)&addr, sizeof addr); // NOLINT(exitbar-bind-all-interfaces)
}

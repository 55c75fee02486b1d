// RUN: %check_exitbar_tidy %s exitbar-bind-all-interfaces %t -- -- -isystem %S/Inputs/exitbar-bind-all-interfaces
// RUN: %check_exitbar_tidy -check-suffix=OPTS %s exitbar-bind-all-interfaces %t -- \
// RUN:   -config='{CheckOptions: [{key: exitbar-bind-all-interfaces.AllowedFiles, value: "bind-all-interfaces"}]}' \
// RUN:   -- -isystem %S/Inputs/exitbar-bind-all-interfaces
// RUN: %check_exitbar_tidy -check-suffix=PORT0 %s exitbar-bind-all-interfaces %t -- \
// RUN:   -config='{CheckOptions: [{key: exitbar-bind-all-interfaces.IgnoreEphemeralPort, value: false}, {key: exitbar-bind-all-interfaces.HostArguments, value: "::startServer=0"}]}' \
// RUN:   -- -isystem %S/Inputs/exitbar-bind-all-interfaces -DPORT0_ONLY

// With AllowedFiles matching this file, nothing is reported: the OPTS run has
// no CHECK-MESSAGES-OPTS lines, so any diagnostic fails it.

#include <arpa/inet.h>
#include <boost/asio.hpp>
#include <crow.h>
#include <grpcpp/grpcpp.h>
#include <httplib.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pistache/endpoint.h>
#include <QTcpServer>
#include <string.h>
#include <string>
#include <sys/socket.h>

void startServer(const char *host, int port);

#ifndef PORT0_ONLY
// BSD sockets: the address set in the same function.
int flaggedAssign(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof(addr));
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_ANY);
  return bind(fd, (struct sockaddr *)&addr, sizeof(addr));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'bind' binds the socket to all network interfaces (INADDR_ANY); bind it to 127.0.0.1 (or ::1) or to an address read from configuration [exitbar-bind-all-interfaces]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the address is set to INADDR_ANY here
}

int flaggedZero(int fd) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(8080);
  addr.sin_addr.s_addr = 0;
  return ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'bind' binds the socket to all network interfaces (INADDR_ANY)
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the address is set to INADDR_ANY here
}

// Zeroed and never given an address: zero is INADDR_ANY.
int flaggedNeverSet(int fd) {
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons(9000);
  return bind(fd, (sockaddr *)&addr, sizeof addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'bind' binds the socket
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the address is zeroed here and never set; zero is INADDR_ANY
}

int flaggedV6(int fd) {
  struct sockaddr_in6 addr = {};
  addr.sin6_family = AF_INET6;
  addr.sin6_port = htons(443);
  addr.sin6_addr = in6addr_any;
  return bind(fd, (struct sockaddr *)&addr, sizeof addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'bind' binds the socket to all network interfaces (in6addr_any)
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the address is set to in6addr_any here
}

struct Listener {
  int Fd;
  sockaddr_in Addr;
  int open(int Port) {
    Addr.sin_family = AF_INET;
    Addr.sin_port = htons(Port);
    Addr.sin_addr.s_addr = INADDR_ANY;
    return bind(Fd, (sockaddr *)&Addr, sizeof Addr);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'bind' binds the socket
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the address is set to INADDR_ANY here
  }
};

int flaggedThroughPointer(int fd, struct sockaddr_in *sin) {
  sin->sin_addr.s_addr = htonl(INADDR_ANY);
  sin->sin_port = htons(80);
  return bind(fd, (struct sockaddr *)sin, sizeof *sin);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'bind' binds the socket
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the address is set to INADDR_ANY here
}

// The wildcard written unconditionally after a configured default.
int flaggedOverride(int fd, const char *host) {
  struct sockaddr_in addr = {};
  addr.sin_port = htons(8080);
  if (host)
    inet_pton(AF_INET, host, &addr.sin_addr);
  addr.sin_addr.s_addr = INADDR_ANY;
  return bind(fd, (struct sockaddr *)&addr, sizeof addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'bind' binds the socket
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the address is set to INADDR_ANY here
}

#define ANY_ADDR htonl(INADDR_ANY)
int flaggedMacro(int fd) {
  struct sockaddr_in addr = {};
  addr.sin_port = htons(8080);
  addr.sin_addr.s_addr = ANY_ADDR;
  return bind(fd, (struct sockaddr *)&addr, sizeof addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'bind' binds the socket
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the address is set to INADDR_ANY here
}

// Parsing the wildcard is reported where it is parsed, once.
int flaggedParsed(int fd) {
  struct sockaddr_in addr = {};
  addr.sin_port = htons(8080);
  inet_pton(AF_INET, "0.0.0.0", &addr.sin_addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: '0.0.0.0' passed to 'inet_pton' listens on all network interfaces; use 127.0.0.1 (or ::1) or an address read from configuration [exitbar-bind-all-interfaces]
  struct sockaddr_in6 a6 = {};
  a6.sin6_port = htons(8080);
  inet_pton(AF_INET6, "::", &a6.sin6_addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: '::' passed to 'inet_pton'
  addr.sin_addr.s_addr = inet_addr("0.0.0.0");
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: '0.0.0.0' passed to 'inet_addr'
  const char *wild = "0.0.0.0";
  inet_aton(wild, &addr.sin_addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: '0.0.0.0' passed to 'inet_aton'
  // CHECK-MESSAGES: :[[@LINE-3]]:22: note: the address comes from here
  return bind(fd, (struct sockaddr *)&addr, sizeof addr);
}

int flaggedPassive(const char *port) {
  struct addrinfo hints, *res;
  memset(&hints, 0, sizeof hints);
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  return getaddrinfo(nullptr, port, &hints, &res);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'getaddrinfo' with no host and AI_PASSIVE returns the address of all network interfaces; pass the host to listen on, such as "127.0.0.1" or one read from configuration [exitbar-bind-all-interfaces]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: AI_PASSIVE is set here
}

int flaggedPassiveLiteral(struct addrinfo **res) {
  struct addrinfo hints = {};
  hints.ai_flags |= AI_PASSIVE | AI_NUMERICSERV;
  getaddrinfo(0, "8080", &hints, res);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getaddrinfo' with no host and AI_PASSIVE
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: AI_PASSIVE is set here
  return getaddrinfo("0.0.0.0", "8080", &hints, res);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: '0.0.0.0' passed to 'getaddrinfo'
}

// Libraries.
void flaggedLibraries(boost::asio::io_context &io, httplib::SSLServer &https,
                      grpc::ServerCredentials *creds) {
  namespace ip = boost::asio::ip;
  ip::tcp::acceptor acceptor(io, ip::tcp::endpoint(ip::tcp::v4(), 8080));
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'tcp::endpoint' endpoint without an address listens on all network interfaces; give it an address such as address_v4::loopback() or one read from configuration [exitbar-bind-all-interfaces]
  ip::tcp::endpoint braced{ip::tcp::v6(), 8443};
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'tcp::endpoint' endpoint without an address
  ip::tcp::endpoint any(ip::address_v4::any(), 8080);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'address_v4::any()' is the address of all network interfaces; listen on the loopback address or on an address read from configuration [exitbar-bind-all-interfaces]
  ip::tcp::endpoint parsed(ip::make_address("0.0.0.0"), 8080);
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: '0.0.0.0' passed to 'make_address'
  ip::address old = ip::address::from_string("::");
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: '::' passed to 'from_string'

  httplib::Server svr;
  svr.listen("0.0.0.0", 8080);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: '0.0.0.0' passed to 'listen'
  if (!svr.listen("0.0.0.0", 8081))
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: '0.0.0.0' passed to 'listen'
    return;
  if (inet_pton(AF_INET, "0.0.0.0", nullptr) != 1)
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: '0.0.0.0' passed to 'inet_pton'
    return;
  https.bind_to_port("0.0.0.0", 8443);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: '0.0.0.0' passed to 'bind_to_port'

  crow::SimpleApp app;
  app.bindaddr("0.0.0.0").port(18080).run();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: '0.0.0.0' passed to 'bindaddr'

  Pistache::Address star("*", Pistache::Port(9080));
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: '*' passed to 'Address'
  Pistache::Address v4any(Pistache::Ipv4::any(), Pistache::Port(9080));
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'Ipv4::any()' is the address of all network interfaces

  grpc::ServerBuilder builder;
  std::string server_address("0.0.0.0:50051");
  builder.AddListeningPort(server_address, creds);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: '0.0.0.0:50051' passed to 'AddListeningPort'
  // CHECK-MESSAGES: :[[@LINE-3]]:30: note: the address comes from here
  builder.AddListeningPort("[::]:50052", creds);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: '[::]:50052' passed to 'AddListeningPort'

  QTcpServer server;
  server.listen(QHostAddress::Any, 8080);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'QHostAddress::Any' is the address of all network interfaces
  server.listen(QHostAddress("0.0.0.0"), 8081);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: '0.0.0.0' passed to 'QHostAddress'
}

// A global of this file that nothing changes is a hard-coded address.
static const char *s_listen_on = "0.0.0.0:9000";
void flaggedGlobal(grpc::ServerBuilder &builder, grpc::ServerCredentials *creds) {
  builder.AddListeningPort(s_listen_on, creds);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: '0.0.0.0:9000' passed to 'AddListeningPort'
  // CHECK-MESSAGES: :[[@LINE-4]]:34: note: the address comes from here
}

// Look-alikes that must stay silent.
const char *g_configurable = "0.0.0.0:9001";
void setListenAddress(const char *host) { g_configurable = host; }
void acceptedConfigurableGlobal(grpc::ServerBuilder &builder,
                                grpc::ServerCredentials *creds) {
  builder.AddListeningPort(g_configurable, creds);
}

int acceptedLoopback(int fd) {
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof(addr));
  addr.sin_family = AF_INET;
  addr.sin_port = htons(8080);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return bind(fd, (struct sockaddr *)&addr, sizeof(addr));
}

int acceptedConfigured(int fd, const char *host, in_addr_t configured) {
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof(addr));
  addr.sin_port = htons(8080);
  addr.sin_addr.s_addr = INADDR_ANY;
  if (inet_pton(AF_INET, host, &addr.sin_addr) != 1)
    return -1;
  bind(fd, (struct sockaddr *)&addr, sizeof(addr));
  struct sockaddr_in other = {};
  other.sin_port = htons(8081);
  other.sin_addr.s_addr = configured;
  return bind(fd, (struct sockaddr *)&other, sizeof(other));
}

// A configured choice between loopback and all interfaces.
int acceptedChoice(int fd, bool exposed) {
  struct sockaddr_in addr = {};
  addr.sin_port = htons(8080);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (exposed)
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
  bind(fd, (struct sockaddr *)&addr, sizeof(addr));
  struct sockaddr_in other = {};
  other.sin_port = htons(8081);
  other.sin_addr.s_addr = exposed ? htonl(INADDR_ANY) : htonl(INADDR_LOOPBACK);
  return bind(fd, (struct sockaddr *)&other, sizeof(other));
}

void resolve(const char *host, struct sockaddr_in *out);
int acceptedFilledElsewhere(int fd, const char *host) {
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_port = htons(8080);
  resolve(host, &addr);
  bind(fd, (struct sockaddr *)&addr, sizeof addr);
  struct sockaddr_in copy;
  memset(&copy, 0, sizeof copy);
  struct sockaddr_in *alias = &copy;
  alias->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return bind(fd, (struct sockaddr *)&copy, sizeof copy);
}

// Port 0: a client picking its source port, not a listening server.
int acceptedEphemeral(int fd) {
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_ANY);
  addr.sin_port = htons(0);
  return bind(fd, (struct sockaddr *)&addr, sizeof addr);
}

// Written after the bind, or in another socket address.
int acceptedOrder(int fd) {
  struct sockaddr_in addr = {};
  addr.sin_port = htons(8080);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int rc = bind(fd, (struct sockaddr *)&addr, sizeof addr);
  struct sockaddr_in peer = {};
  peer.sin_addr.s_addr = INADDR_ANY;
  addr.sin_addr.s_addr = INADDR_ANY;
  connect(fd, (struct sockaddr *)&peer, sizeof peer);
  return rc;
}

int acceptedPassive(const char *host, const char *port, struct addrinfo **res) {
  struct addrinfo hints = {};
  hints.ai_flags = AI_PASSIVE;
  getaddrinfo(host, port, &hints, res);
  struct addrinfo client = {};
  client.ai_flags = AI_NUMERICSERV;
  return getaddrinfo(nullptr, port, &client, res);
}

bool acceptedComparisons(boost::asio::ip::address_v4 a, QHostAddress q,
                         in_addr_t raw) {
  return a == boost::asio::ip::address_v4::any() || q == QHostAddress::Any ||
         raw == inet_addr("0.0.0.0") || q.isEqual(QHostAddress::AnyIPv4);
}

void acceptedLibraries(boost::asio::io_context &io, const std::string &host,
                       grpc::ServerCredentials *creds) {
  namespace ip = boost::asio::ip;
  ip::tcp::acceptor acceptor(io, ip::tcp::endpoint(ip::address_v4::loopback(), 8080));
  ip::tcp::endpoint client(ip::tcp::v4(), 0);
  ip::tcp::endpoint parsed(ip::make_address("127.0.0.1"), 8080);
  ip::tcp::endpoint configured(ip::make_address(host), 8080);
  httplib::Server svr;
  svr.listen("127.0.0.1", 8080);
  svr.listen("localhost", 8080);
  svr.listen(host, 8080);
  crow::SimpleApp app;
  app.bindaddr("127.0.0.1").port(18080).run();
  Pistache::Address local(Pistache::Ipv4::loopback(), Pistache::Port(9080));
  grpc::ServerBuilder builder;
  builder.AddListeningPort("localhost:50051", creds);
  builder.AddListeningPort("[::1]:50051", creds);
  std::string changed("0.0.0.0:50051");
  changed = host.c_str();
  builder.AddListeningPort(changed, creds);
  QTcpServer server;
  server.listen(QHostAddress::LocalHost, 8080);
  inet_pton(AF_INET, "127.0.0.1", nullptr);
  inet_pton(AF_INET6, "::1", nullptr);
  inet_pton(AF_INET, "10.0.0.1", nullptr);
  startServer("0.0.0.0", 80); // not a known listening API by default
  svr.listen("0.0.0.0", 8080); // NOLINT(exitbar-bind-all-interfaces)
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr any;
  mock_system_bind_any(fd, &any);
}
#endif

// Options: IgnoreEphemeralPort=false reports port 0; HostArguments replaced.
int ephemeral(int fd, boost::asio::io_context &io) {
  namespace ip = boost::asio::ip;
  ip::tcp::endpoint client(ip::tcp::v4(), 0);
  // CHECK-MESSAGES-PORT0: :[[@LINE-1]]:21: warning: 'tcp::endpoint' endpoint without an address
  startServer("0.0.0.0", 80);
  // CHECK-MESSAGES-PORT0: :[[@LINE-1]]:15: warning: '0.0.0.0' passed to 'startServer'
  inet_pton(AF_INET, "0.0.0.0", nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: '0.0.0.0' passed to 'inet_pton'
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  return bind(fd, (struct sockaddr *)&addr, sizeof addr);
  // CHECK-MESSAGES-PORT0: :[[@LINE-1]]:10: warning: 'bind' binds the socket
  // CHECK-MESSAGES-PORT0: :[[@LINE-3]]:3: note: the address is zeroed here
}

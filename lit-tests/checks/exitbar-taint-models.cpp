// Library models are data: the built-in ones (checks/models/*.json: here
// Boost.Asio and civetweb) and a project's own, added with the
// exitbar.TaintModels option without rebuilding the plugin: its sources,
// propagators, sinks of both kinds, sanitizers and validators.
// RUN: %check_exitbar_tidy -check-suffix=BUILTIN %s exitbar-command-injection %t -- \
// RUN:   -- -isystem %S/Inputs/exitbar-command-injection -isystem %S/Inputs/taint-models
// RUN: %check_exitbar_tidy -check-suffix=PROJECT %s exitbar-command-injection %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar.TaintModels, value: '%S/Inputs/taint-models/project.json'}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-command-injection -isystem %S/Inputs/taint-models
// RUN: %check_exitbar_tidy -check-suffix=PATH %s exitbar-path-traversal %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar.TaintModels, value: '%S/Inputs/taint-models/project.json'}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-command-injection -isystem %S/Inputs/taint-models
//
// A model file that is missing or malformed is a configuration error naming
// the file and the place in it; the checks then run on the built-in models.
// RUN: not %clang_tidy --load=%exitbar_plugin '--checks=-*,exitbar-command-injection' %s \
// RUN:   -config="{CheckOptions: [{key: exitbar.TaintModels, value: '%S/Inputs/taint-models/bad-slot.json'}]}" \
// RUN:   -- -std=c++17 -nostdinc -nostdinc++ -isystem %S/Inputs/exitbar-command-injection -isystem %S/Inputs/taint-models 2>&1 \
// RUN:   | FileCheck --check-prefix=BAD-SLOT %s
// BAD-SLOT: error: exitbar-command-injection: {{.*}}bad-slot.json: /sources/1/into: expected return, args, argN or argN+ [clang-tidy-config]
// RUN: not %clang_tidy --load=%exitbar_plugin '--checks=-*,exitbar-path-traversal' %s \
// RUN:   -config="{CheckOptions: [{key: exitbar.TaintModels, value: '%S/Inputs/taint-models/bad-json.json'}]}" \
// RUN:   -- -std=c++17 -nostdinc -nostdinc++ -isystem %S/Inputs/exitbar-command-injection -isystem %S/Inputs/taint-models 2>&1 \
// RUN:   | FileCheck --check-prefix=BAD-JSON %s
// BAD-JSON: error: exitbar-path-traversal: {{.*}}bad-json.json: [3:{{[0-9]+}}, byte={{[0-9]+}}]: {{.*}} [clang-tidy-config]
// RUN: not %clang_tidy --load=%exitbar_plugin '--checks=-*,exitbar-path-traversal' %s \
// RUN:   -config="{CheckOptions: [{key: exitbar.TaintModels, value: '%S/Inputs/taint-models/missing.json'}]}" \
// RUN:   -- -std=c++17 -nostdinc -nostdinc++ -isystem %S/Inputs/exitbar-command-injection -isystem %S/Inputs/taint-models 2>&1 \
// RUN:   | FileCheck --check-prefix=MISSING %s
// MISSING: error: exitbar-path-traversal: {{.*}}missing.json: cannot read the taint model file: {{.*}} [clang-tidy-config]

#include <boost/asio.hpp>
#include <civetweb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string>

// Built-in: Boost.Asio's reads fill the buffer a view names.
void asioRead(boost::asio::ip::tcp::socket &socket) {
  char command[128];
  boost::asio::read(socket, boost::asio::buffer(command));
  system(command);
  // CHECK-MESSAGES-BUILTIN: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
  // CHECK-MESSAGES-PROJECT: :[[@LINE-2]]:3: warning: 'system' runs a shell command built from untrusted input
}

void asioReadSome(boost::asio::ip::tcp::socket &socket) {
  std::string line;
  socket.read_some(boost::asio::buffer(line));
  system(("echo " + line).c_str());
  // CHECK-MESSAGES-BUILTIN: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
  // CHECK-MESSAGES-PROJECT: :[[@LINE-2]]:3: warning: 'system' runs a shell command built from untrusted input
}

// Built-in: civetweb's form and header readers.
void civetwebForm(const char *body, unsigned long len) {
  char host[64];
  mg_get_var(body, len, "host", host, sizeof host);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "ping -c1 %s", host);
  system(cmd);
  // CHECK-MESSAGES-BUILTIN: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
  // CHECK-MESSAGES-PROJECT: :[[@LINE-2]]:3: warning: 'system' runs a shell command built from untrusted input
}

void civetwebHeader(const struct mg_connection *conn) {
  std::string agent = mg_get_header(conn, "User-Agent");
  system(("logger " + agent).c_str());
  // CHECK-MESSAGES-BUILTIN: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
  // CHECK-MESSAGES-PROJECT: :[[@LINE-2]]:3: warning: 'system' runs a shell command built from untrusted input
}

// The project's own API: nothing of it is known without its models.
namespace net {
class Session {
public:
  std::string header(const char *name) const;
};
void read_request(int fd, std::string &out);
} // namespace net
namespace text {
std::string join(const std::string &a, const std::string &b);
} // namespace text
namespace jobs {
class Runner {
public:
  void shell(const std::string &command);
};
} // namespace jobs
bool approved_job(const std::string &name);
FILE *store_open(const char *root, const char *name);
std::string leaf_name(const std::string &path);

void projectSourceToProjectSink(int fd, jobs::Runner &runner) {
  std::string request;
  net::read_request(fd, request);
  runner.shell(text::join("convert ", request));
  // CHECK-MESSAGES-PROJECT: :[[@LINE-1]]:3: warning: 'shell' runs a shell command built from untrusted input
}

void projectMethodSource(const net::Session &session) {
  std::string job = session.header("X-Job");
  system(("run-job " + job).c_str());
  // CHECK-MESSAGES-PROJECT: :[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input
}

void projectValidator(const net::Session &session, jobs::Runner &runner) {
  std::string job = session.header("X-Job");
  if (!approved_job(job))
    return;
  runner.shell("run-job " + job);
}

void projectPathSink(const net::Session &session) {
  std::string name = session.header("X-File");
  store_open("/srv/store", name.c_str());
  // CHECK-MESSAGES-PATH: :[[@LINE-1]]:3: warning: 'store_open' opens a path built from untrusted input
  fopen(("/srv/store/" + name).c_str(), "r");
  // CHECK-MESSAGES-PATH: :[[@LINE-1]]:3: warning: 'fopen' opens a path built from untrusted input
}

void projectSanitizer(const net::Session &session) {
  std::string name = leaf_name(session.header("X-File"));
  store_open("/srv/store", name.c_str());
  fopen(("/srv/store/" + name).c_str(), "r");
}

// A project's function of the same name in another namespace is not the
// modelled one.
namespace other {
void read_request(int fd, std::string &out);
}
void unmodelledNamesake(int fd, jobs::Runner &runner) {
  std::string request;
  other::read_request(fd, request);
  runner.shell("convert " + request);
}

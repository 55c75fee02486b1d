// RUN: %check_exitbar_tidy %s exitbar-stub-implementation %t -- -- -isystem %S/Inputs/exitbar-stub-implementation
// RUN: %check_exitbar_tidy -check-suffix=NDEBUG %s exitbar-stub-implementation %t -- -- -isystem %S/Inputs/exitbar-stub-implementation -DNDEBUG -DNDEBUG_TEST
// RUN: %check_exitbar_tidy -check-suffix=OPT %s exitbar-stub-implementation %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar-stub-implementation.Markers, value: 'coming soon'}, \
// RUN:                            {key: exitbar-stub-implementation.CommentTags, value: 'HACK'}, \
// RUN:                            {key: exitbar-stub-implementation.CheckCommentMarkers, value: false}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-stub-implementation -DOPTIONS

#include <cassert>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <mock_system_stubs.h>
#include <optional>
#include <stdexcept>
#include <string>

void checkPlan();
extern "C" int fprintf(void *stream, const char *format, ...);
extern "C" int printf(const char *format, ...);
extern void *stderr;

#if !defined(OPTIONS) && !defined(NDEBUG_TEST)

// Bodies that only throw or abort with a "not implemented" message.
void loadProfile(const std::string &name) {
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'loadProfile' is a stub that only throws "not implemented"; implement it or remove it before release [exitbar-stub-implementation]
  throw std::logic_error("not implemented");
}

class Parser {
public:
  int parse();
  explicit Parser(int flags);
};

int Parser::parse() {
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'parse' is a stub that only throws "Parser::parse: NOT IMPLEMENTED YET"
  (void)this;
  throw std::runtime_error("Parser::parse: NOT IMPLEMENTED YET");
  return 0;
}

Parser::Parser(int flags) {
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'Parser' is a stub that only throws "unimplemented"
  (void)flags;
  throw std::logic_error("unimplemented");
}

struct NotImplementedException : std::exception {};

std::string exportCsv() {
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'exportCsv' is a stub that only throws 'NotImplementedException'
  throw NotImplementedException();
}

void rotateKeys() {
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'rotateKeys' is a stub that only aborts with "TODO: write rotateKeys"
  assert(false && "TODO: write rotateKeys");
}

int migrate() {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'migrate' is a stub that only aborts with "nyi"
  assert(!"nyi");
  return 0;
}

// TODO: implement the cloud profile
void cloudProfile() { std::abort(); }
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'cloudProfile' is a stub that only aborts and is marked 'TODO'
// CHECK-MESSAGES: :[[@LINE-3]]:1: note: marked 'TODO' here

void k8sProfile() {
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'k8sProfile' is a stub that only reports "k8s profile: Not Implemented"
  std::cerr << "k8s profile: Not Implemented" << std::endl;
}

int countRows() {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'countRows' is a stub that only reports "countRows not yet implemented"
  fprintf(stderr, "countRows not yet implemented\n");
  return -1;
}

void log_info(const char *format, ...);
bool updateAccessToken() {
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'updateAccessToken' is a stub that only logs and returns a default value and is marked 'TODO'
  log_info("updating the access token");
  // TODO: implement
  return false;
}

// Bodies that only return a default value, or nothing, under a marker.
// TODO: load the profile from the cloud
bool loadCloudProfile() { return false; }
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'loadCloudProfile' is a stub that only returns a default value and is marked 'TODO'; implement it or remove it before release
// CHECK-MESSAGES: :[[@LINE-3]]:1: note: marked 'TODO' here

struct Config {
  int port;
};
Config *runtimeConfig() { /* FIXME */ return nullptr; }
// CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'runtimeConfig' is a stub that only returns a default value and is marked 'FIXME'

std::string hostName() {
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'hostName' is a stub that only returns a default value and is marked 'stub'
  // stub
  return "";
}

/**
 * The port to listen on.
 * \todo read it from the configuration
 */
std::optional<int> listenPort() { return std::nullopt; }
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'listenPort' is a stub that only returns a default value and is marked 'todo'

Config defaultConfig() {
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'defaultConfig' is a stub that only returns a default value and is marked 'Not implemented'
  return {}; // Not implemented
}

class Writer {
public:
  virtual ~Writer() {}
  virtual void flush();
  virtual void close() = 0;
  virtual int pending() const { return 0; }
  virtual void onEvent() {}
};

void Writer::flush() {
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'flush' is a stub that does nothing and is marked 'not implemented'
  // not implemented
}

// Through macros: reported where the macro is used.
#define NOT_IMPLEMENTED()                                                      \
  throw std::logic_error(std::string(__func__) + " not implemented")
#define STUB_METHOD(name)                                                      \
  void name() { throw std::runtime_error("stub"); }

void resize() { NOT_IMPLEMENTED(); }
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'resize' is a stub that only throws "not implemented"

STUB_METHOD(reload)
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: 'reload' is a stub that only throws "stub"

template <class T> T convert(const T &value) {
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'convert' is a stub that only throws "not implemented"
  throw std::logic_error("not implemented");
}
int useConvert() { return convert(1) + convert(2L); }

// Look-alikes that must stay silent.
class Base {
public:
  virtual ~Base() = default;
  virtual void run() = 0;
  Base(const Base &) = delete;
  Base() = default;
};

class Derived : public Base {
public:
  void run() override {}
};

int zero() { return 0; }

void checkArgument(int x) { throw std::invalid_argument("invalid argument"); }

[[noreturn]] void unreachable() { __builtin_unreachable(); }

void failHard() { assert(false); }

int compute(int x) {
  // TODO: make this faster
  return x * 2;
}

// Not supported on this platform.
bool supportsTls() { return false; }

void help() {
  printf("usage: tool [options]\n  --archive  compress into an archive (this "
         "is not implemented for tar archives on this platform; use zip)\n");
}

// Returns the todo list.
int todoCount() { return 0; }

int threshold = 0; // TODO: tune
int limit() { return 0; }

// TODO: this comment is about something else

int unrelated() { return 0; }

bool isStub() { return false; }

void nolint() { throw std::logic_error("not implemented"); } // NOLINT(exitbar-stub-implementation)

void lambdas() {
  auto f = [] { throw std::logic_error("not implemented"); };
  (void)f;
}

// A bare TODO over a print may be about the print.
void printTotal(int total) {
  // TODO: nicer format
  printf("%d\n", total);
}

// Helpers that stubs call use their parameters; stubs ignore theirs.
struct NotImplementedError : std::logic_error {
  using std::logic_error::logic_error;
};
[[noreturn]] void notImplemented(const std::string &what) {
  throw NotImplementedError(what);
}
[[noreturn]] void fatalNotImplemented(const char *what) {
  fprintf(stderr, "%s: not implemented\n", what);
  std::abort();
}

// The exception type alone is no marker when a message says more.
struct Buffer {
  virtual void flushLog();
  virtual void verify();
};
void Buffer::flushLog() {
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'flushLog' is a stub that only throws 'NotImplementedError'
  throw NotImplementedError("Buffer::flushLog");
}
void Buffer::verify() {
  throw NotImplementedError("this kind of buffer cannot be verified");
}

// Comments in code that conditional compilation removed do not count.
void verifyPlan() {
#ifdef VERIFY_PLANS
  // FIXME: check more
  checkPlan();
#endif
}

void stillWorks(int *out) {
  // TODO: validate out
  *out = 0;
}

#elif defined(NDEBUG_TEST)

// A disabled assert leaves its message in the text.
int disabledAssert() {
  // CHECK-MESSAGES-NDEBUG: :[[@LINE-1]]:5: warning: 'disabledAssert' is a stub that only returns a default value and is marked 'not implemented'
  assert(false && "not implemented");
  return 0;
}

void emptyWithAssert(int x) { assert(x > 0); }

#else

// Markers 'coming soon', comment tag HACK, comment-marked defaults off.
void soon() { throw std::runtime_error("coming soon"); }
// CHECK-MESSAGES-OPT: :[[@LINE-1]]:6: warning: 'soon' is a stub that only throws "coming soon"

// HACK
void hacked() { std::abort(); }
// CHECK-MESSAGES-OPT: :[[@LINE-1]]:6: warning: 'hacked' is a stub that only aborts and is marked 'HACK'

void notImplementedNow() { throw std::logic_error("not implemented"); }

// TODO
void todoAbort() { std::abort(); }

// HACK
int hackedDefault() { return 0; }

#endif

// RUN: %check_exitbar_tidy -check-suffix=NAMED %s exitbar-path-traversal %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar.ThreatModels, value: all}, {key: exitbar-path-traversal.UntrustedParameters, value: 'file name'}, {key: exitbar-path-traversal.RequestTypes, value: '*Message'}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-path-traversal
// RUN: %check_exitbar_tidy -check-suffix=LOCAL %s exitbar-path-traversal %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar.ThreatModels, value: all}, {key: exitbar-path-traversal.FlagLocalWholePaths, value: true}, {key: exitbar-path-traversal.Validators, value: 'checked_*'}, {key: exitbar-path-traversal.TrustProjectChecks, value: false}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-path-traversal

#include <stdio.h>
#include <stdlib.h>
#include <string>
#include <validators.h>

struct HttpRequest {
  std::string param(const char *name) const;
};
struct ChatMessage {
  std::string attachment;
};
bool project_path_ok(const char *p);

FILE *named(const char *file_name, const char *request_path) {
  fopen(request_path, "r");
  // CHECK-MESSAGES-LOCAL: :[[@LINE-1]]:3: warning: 'fopen' opens a path built from untrusted input
  return fopen(file_name, "r");
  // CHECK-MESSAGES-NAMED: :[[@LINE-1]]:10: warning: 'fopen' opens a path built from untrusted input
  // CHECK-MESSAGES-NAMED: :[[@LINE-5]]:25: note: the path comes from parameter 'file_name'
}

void requests(const HttpRequest &req, const ChatMessage &msg) {
  fopen(("/srv/" + req.param("f")).c_str(), "r");
  // CHECK-MESSAGES-LOCAL: :[[@LINE-1]]:3: warning: 'fopen' opens a path
  fopen(("/srv/" + msg.attachment).c_str(), "r");
  // CHECK-MESSAGES-NAMED: :[[@LINE-1]]:3: warning: 'fopen' opens a path
  // CHECK-MESSAGES-NAMED: :[[@LINE-5]]:58: note: the path comes from parameter 'msg'
}

void wholeFromEnvironment() {
  fopen(getenv("APP_CONFIG"), "r");
  // CHECK-MESSAGES-LOCAL: :[[@LINE-1]]:3: warning: 'fopen' opens a path
  // CHECK-MESSAGES-LOCAL: :[[@LINE-2]]:9: note: the path comes from 'getenv'
}

void validators(const char *request_a, const char *request_b) {
  if (!is_safe_path(request_a))
    return;
  fopen(request_a, "r");
  // CHECK-MESSAGES-LOCAL: :[[@LINE-1]]:3: warning: 'fopen' opens a path
  if (!checked_path(request_b))
    return;
  fopen(request_b, "r");
}

void projectValidator(const char *request_c) {
  if (!project_path_ok(request_c))
    return;
  fopen(request_c, "r");
  // CHECK-MESSAGES-LOCAL: :[[@LINE-1]]:3: warning: 'fopen' opens a path
}

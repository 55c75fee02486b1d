// Every exitbar-* check at once over locations that are not plain file
// locations: implicit initialiser items (no location), #name and a##b
// (<scratch space>), -D macros (<command line>), __FILE__, #line and a
// <built-in> line marker, _Pragma, compound literals, GNU range
// designators, statement expressions. In a plugin built without NDEBUG one
// assertion on any of them aborts clang-tidy (exit 134) and loses every
// finding of the file; here clang-tidy must finish and report them.
// REQUIRES: exitbar-checks
// RUN: %clang_tidy --load=%exitbar_plugin --checks='-*,exitbar-*' %s -config="{CheckOptions: [{key: exitbar.ThreatModels, value: all}]}" -- \
// RUN:   -std=gnu11 -nostdinc '-DCMD_KEY="password"' '-DCMD_VALUE="Zq8-secretval"' \
// RUN:   2>&1 | FileCheck %s --implicit-check-not='{{Assertion|Stack dump|error:}}'

char *strcpy(char *dest, const char *src);
char *getenv(const char *name);
int system(const char *command);
int rand(void);
int printf(const char *format, ...);

struct kv {
  const char *k;
  const char *v;
  const char *extra;
  int n;
};
#define STR(x) #x
#define CAT(a, b) a##b
#define KEY(name) {STR(name), "Zx9-secretval1"}
#define PAIR(k, v) {k, v}
static const char *const CAT(pass, word) = "Zx9-secretval0";
// CHECK-DAG: odd-locations-all-checks.c:[[@LINE-1]]:{{[0-9]+}}: warning: hard-coded secret in 'password';{{.*}}[exitbar-hardcoded-secret]
static const struct kv table[] = {
    KEY(password),
    PAIR(CMD_KEY, CMD_VALUE),
    // CHECK-DAG: odd-locations-all-checks.c:[[@LINE-1]]:{{[0-9]+}}: warning: hard-coded secret stored under key 'password'{{.*}}[exitbar-hardcoded-secret]
    {__FILE__, "Zx9-secretval2"},
    {.extra = "api_key", .n = 3},
    [5] = {"token", "Hx9-tr0ub4dor"},
    // CHECK-DAG: odd-locations-all-checks.c:[[@LINE-1]]:21: warning: hard-coded secret stored under key 'token'{{.*}}[exitbar-hardcoded-secret]
};
static const char *ranges[8] = {[0 ... 3] = "password", [4] = "Zx9-secretval3"};
#line 100 "renamed.c"
static const struct kv after_line[] = {{"secret", "Zx9-secretval4"}, {0}};
// CHECK-DAG: odd-locations-all-checks.c:[[@LINE-1]]:51: warning: hard-coded secret stored under key 'secret'{{.*}}[exitbar-hardcoded-secret]
# 1 "<built-in>" 1
static const struct kv in_builtin[] = {{"passwd", "Zx9-secretval5"}, {0}};
# 50 "odd-locations-all-checks.c" 2
_Pragma("GCC diagnostic push")
int f(const char *password, ...) {
  char buf[8];
  strcpy(buf, password);
  // CHECK-DAG: odd-locations-all-checks.c:[[@LINE-1]]:3: warning: 'strcpy' {{.*}}[exitbar-unsafe-function]
  printf("%s", (char[]){"a"});
  system(getenv("X"));
  // CHECK-DAG: odd-locations-all-checks.c:[[@LINE-1]]:3: warning: 'system' runs a shell command built from untrusted input{{.*}}[exitbar-command-injection]
  return ({ int x = rand(); x; });
  // CHECK-DAG: odd-locations-all-checks.c:[[@LINE-1]]:21: warning: 'rand' {{.*}}[exitbar-insecure-random]
}
_Pragma("GCC diagnostic pop")

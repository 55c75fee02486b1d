// RUN: %check_exitbar_tidy %s exitbar-hardcoded-secret %t

// Items the compiler makes up have no source location: the members after the
// last initialiser and the elements around a designator are value-initialised
// implicitly. They are neither keys nor values. Asking the SourceManager
// where they are written (isWrittenInScratchSpace) aborted clang-tidy in a
// plugin built without NDEBUG, losing every finding of the file.

struct option {
  const char *name;
  const char *value;
  const char *help;
  int flags;
};

// --- Flagged ----------------------------------------------------------------

// Short initialisers: `help` and `flags` are implicit.
static const struct option options[] = {
    {"password", "Tr0ub4dor-3xq"},
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: hard-coded secret stored under key 'password'
    {"log_file"},
};

// A designator: `help` and `flags` are implicit again.
static const struct option designated = {.name = "api_key",
                                         .value = "k3y-f00-b4r-1234"};
// CHECK-MESSAGES: :[[@LINE-1]]:51: warning: hard-coded secret stored under key 'api_key'

// Array designators: elements 0 and 1 are implicit.
static const char *const flat[5] = {[2] = "password", [3] = "Hx9-tr0ub4dor"};
// CHECK-MESSAGES: :[[@LINE-1]]:61: warning: hard-coded secret stored under key 'password'

// --- Accepted ---------------------------------------------------------------

// A key whose value is implicit, and a value whose key is implicit.
static const struct option key_only = {"password"};
static const char *const value_only[4] = {[3] = "Hx9-tr0ub4dor"};
static const struct option empty_middle[] = {{0}, {"secret"}, {0}};

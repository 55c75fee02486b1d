// RUN: %check_exitbar_tidy %s exitbar-secret-in-log %t -- -- -isystem %S/Inputs/exitbar-secret-in-log

// The project's own printf-like functions print: they log unless a buffer,
// stream, descriptor or connection comes before the format. Wide strings
// are text in C too, where wchar_t is a typedef of an integer type.

#include <stdio.h>
#include <wchar.h>

struct user_pass {
  char username[64];
  char password[64];
};
struct buffer {
  char data[256];
};

void x_msg(const unsigned int flags, const char *format, ...)
    __attribute__((format(gnu_printf, 2, 3)));
void die(const char *format, ...) __attribute__((format(printf, 1, 2)));
void buf_printf(struct buffer *buf, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
int reply(int fd, const char *format, ...) __attribute__((format(printf, 2, 3)));

#define msg(flags, ...) x_msg((flags), __VA_ARGS__)

// --- Flagged ----------------------------------------------------------------

void show(const struct user_pass *up) {
  msg(1, "GET_USER_PASS u='%s' p='%s'", up->username, up->password);
  // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: secret 'password' reaches logging call 'x_msg'; leave it out or log a masked value instead [exitbar-secret-in-log]
  die("bad password %s", up->password);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: secret 'password' reaches logging call 'die'
}

void wide(void) {
  wchar_t password[100] = L"";
  fgetws(password, 100, stdin);
  fwprintf(stderr, L"User attempted access with password: %ls\n", password);
  // CHECK-MESSAGES: :[[@LINE-1]]:67: warning: secret 'password' reaches logging call 'fwprintf'
  wprintf(L"%ls\n", password);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: secret 'password' reaches logging call 'wprintf'
}

// bcopy copies its first argument into its second.
void bcopy(const void *src, void *dest, unsigned long n);
void copiedBackwards(const struct user_pass *up) {
  char buf[64];
  bcopy(up->password, buf, sizeof buf);
  printf("%s\n", buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: secret 'password' reaches logging call 'printf' through 'buf'
}

// --- Accepted ---------------------------------------------------------------

void send(const struct user_pass *up, struct buffer *out, int fd) {
  buf_printf(out, "%s:%s", up->username, up->password);
  reply(fd, "PASS %s\r\n", up->password);
  msg(1, "user %s", up->username);
}

void wideCount(void) {
  wchar_t password[100] = L"";
  int password_length = 0;
  wprintf(L"%d\n", password_length);
}

// A script, command or program run to verify a password is not one.
struct options {
  const char *auth_user_pass_verify_script;
  const char *password_command;
};
void showOptions(const struct options *o) {
  msg(1, "auth_user_pass_verify_script = '%s'", o->auth_user_pass_verify_script);
  msg(1, "password_command = '%s'", o->password_command);
}

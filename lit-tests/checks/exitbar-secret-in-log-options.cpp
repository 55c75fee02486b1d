// RUN: %check_exitbar_tidy %s exitbar-secret-in-log %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar-secret-in-log.LogFunctions, value: 'audit_write'}, {key: exitbar-secret-in-log.LogWords, value: 'emit'}, {key: exitbar-secret-in-log.SecretWords, value: 'pin'}, {key: exitbar-secret-in-log.IgnoredWords, value: 'backup'}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-secret-in-log

#include <stdio.h>

void audit_write(const char *text);
void emit_event(const char *text);
void log_message(const char *text);

void options(const char *pin, const char *pin_backup, const char *password) {
  audit_write(pin);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: secret 'pin' reaches logging call 'audit_write'; leave it out or log a masked value instead [exitbar-secret-in-log]
  emit_event(pin);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: secret 'pin' reaches logging call 'emit_event'
  // No longer logging functions, an ignored word, no longer a secret word:
  printf("%s", pin);
  log_message(pin);
  audit_write(pin_backup);
  audit_write(password);
}

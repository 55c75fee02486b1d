/* Mock <string.h> for lit tests. */
#ifndef MOCK_STRING_H
#define MOCK_STRING_H
typedef __SIZE_TYPE__ size_t;
#ifdef __cplusplus
extern "C" {
#endif
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
int strcasecmp(const char *a, const char *b);
#ifdef __cplusplus
}
#endif
/* A system header may compare with defaults; user code must not. */
static inline int mock_system_is_admin(const char *password) {
  return strcmp(password, "admin") == 0;
}
#endif

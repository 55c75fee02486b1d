/* Mock <stdlib.h> for lit tests. */
#ifndef MOCK_STDLIB_H
#define MOCK_STDLIB_H
#ifdef __cplusplus
extern "C" {
#endif
char *getenv(const char *name);
int setenv(const char *name, const char *value, int overwrite);
int putenv(char *string);
#ifdef __cplusplus
}
#endif
/* A system header may carry what user code must not. */
static const char *mock_system_password = "sysPass123";
#endif

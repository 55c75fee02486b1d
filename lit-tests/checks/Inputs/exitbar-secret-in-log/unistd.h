/* Mock <unistd.h> for lit tests. */
#ifndef MOCK_UNISTD_H
#define MOCK_UNISTD_H
#define STDERR_FILENO 2
#ifdef __cplusplus
extern "C" {
#endif
char *getpass(const char *prompt);
char *getcwd(char *buf, unsigned long size);
#ifdef __cplusplus
}
#endif
#endif

/* Mock <unistd.h> for lit tests. */
#ifndef MOCK_UNISTD_H
#define MOCK_UNISTD_H
#ifdef __cplusplus
extern "C" {
#endif
int getpid(void);
#ifdef __cplusplus
}
#endif
#endif

/* Mock <sys/random.h> for lit tests. */
#ifndef MOCK_SYS_RANDOM_H
#define MOCK_SYS_RANDOM_H
#ifdef __cplusplus
extern "C" {
#endif
long getrandom(void *buf, unsigned long n, unsigned flags);
#ifdef __cplusplus
}
#endif
#endif

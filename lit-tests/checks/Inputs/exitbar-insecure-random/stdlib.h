/* Mock <stdlib.h> for lit tests. */
#ifndef MOCK_STDLIB_H
#define MOCK_STDLIB_H
#ifdef __cplusplus
extern "C" {
#endif
#define NULL 0
int rand(void);
void srand(unsigned seed);
long random(void);
void srandom(unsigned seed);
int rand_r(unsigned *seed);
double drand48(void);
long lrand48(void);
long mrand48(void);
void srand48(long seed);
unsigned arc4random(void);
void arc4random_buf(void *buf, unsigned long n);
/* A system header's own use of rand() is not the project's business. */
static inline int mock_system_rand(void) { return rand(); }
#ifdef __cplusplus
}
#endif
#endif

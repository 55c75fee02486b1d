/* Mock <time.h> for lit tests. */
#ifndef MOCK_TIME_H
#define MOCK_TIME_H
#ifdef __cplusplus
extern "C" {
#endif
typedef long time_t;
typedef long clock_t;
time_t time(time_t *t);
clock_t clock(void);
#ifdef __cplusplus
}
#endif
#endif

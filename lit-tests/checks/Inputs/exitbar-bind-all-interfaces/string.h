/* Mock <string.h> for lit tests. */
#ifndef MOCK_STRING_H
#define MOCK_STRING_H
typedef __SIZE_TYPE__ size_t;
#ifdef __cplusplus
extern "C" {
#endif
void *memset(void *s, int c, size_t n);
void bzero(void *s, size_t n);
void *memcpy(void *d, const void *s, size_t n);
#ifdef __cplusplus
}
#endif
#endif

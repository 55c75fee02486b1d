/* Mock <string.h> for lit tests. */
#ifndef MOCK_STRING_H
#define MOCK_STRING_H
#ifdef __cplusplus
extern "C" {
#endif
void *memcpy(void *dst, const void *src, unsigned long n);
#ifdef __cplusplus
}
#endif
#endif

// Mock of OpenSSL's constant-time comparison for lit tests.
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
int CRYPTO_memcmp(const void *a, const void *b, __SIZE_TYPE__ len);
#ifdef __cplusplus
}
#endif

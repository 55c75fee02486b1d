// Mock of OpenSSL's HMAC API shapes for lit tests.
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
typedef struct evp_md_st EVP_MD;
typedef struct hmac_ctx_st HMAC_CTX;
const EVP_MD *EVP_sha256(void);
unsigned char *HMAC(const EVP_MD *evp_md, const void *key, int key_len,
                    const unsigned char *data, __SIZE_TYPE__ data_len,
                    unsigned char *md, unsigned int *md_len);
HMAC_CTX *HMAC_CTX_new(void);
int HMAC_Init_ex(HMAC_CTX *ctx, const void *key, int len, const EVP_MD *md,
                 void *impl);
int HMAC_Update(HMAC_CTX *ctx, const unsigned char *data, __SIZE_TYPE__ len);
int HMAC_Final(HMAC_CTX *ctx, unsigned char *md, unsigned int *len);
#ifdef __cplusplus
}
#endif

/* Mock mbedTLS for lit tests. */
#ifndef MOCK_MBEDTLS_MD_H
#define MOCK_MBEDTLS_MD_H
typedef __SIZE_TYPE__ size_t;
typedef enum {
  MBEDTLS_MD_NONE = 0,
  MBEDTLS_MD_MD5,
  MBEDTLS_MD_SHA1,
  MBEDTLS_MD_SHA256
} mbedtls_md_type_t;
typedef enum {
  MBEDTLS_MODE_NONE = 0,
  MBEDTLS_MODE_ECB,
  MBEDTLS_MODE_CBC,
  MBEDTLS_MODE_GCM
} mbedtls_cipher_mode_t;
typedef enum {
  MBEDTLS_CIPHER_NONE = 0,
  MBEDTLS_CIPHER_AES_128_ECB,
  MBEDTLS_CIPHER_AES_128_GCM,
  MBEDTLS_CIPHER_DES_CBC,
  MBEDTLS_CIPHER_DES_EDE3_CBC,
  MBEDTLS_CIPHER_ARC4_128
} mbedtls_cipher_type_t;
typedef struct mbedtls_md_info_t mbedtls_md_info_t;
typedef struct mbedtls_md_context_t mbedtls_md_context_t;
typedef struct mbedtls_cipher_info_t mbedtls_cipher_info_t;
typedef struct mbedtls_md5_context { unsigned int s[4]; } mbedtls_md5_context;
typedef struct mbedtls_des_context { unsigned int sk[32]; } mbedtls_des_context;
typedef struct mbedtls_aes_context { unsigned int rk[68]; } mbedtls_aes_context;
#ifdef __cplusplus
extern "C" {
#endif
const mbedtls_md_info_t *mbedtls_md_info_from_type(mbedtls_md_type_t t);
int mbedtls_md_setup(mbedtls_md_context_t *ctx, const mbedtls_md_info_t *info,
                     int hmac);
int mbedtls_md_hmac(const mbedtls_md_info_t *info, const unsigned char *key,
                    size_t keylen, const unsigned char *in, size_t ilen,
                    unsigned char *out);
const mbedtls_cipher_info_t *
mbedtls_cipher_info_from_type(mbedtls_cipher_type_t t);
void mbedtls_md5_init(mbedtls_md5_context *ctx);
int mbedtls_md5_starts_ret(mbedtls_md5_context *ctx);
int mbedtls_md5_update_ret(mbedtls_md5_context *ctx, const unsigned char *in,
                           size_t ilen);
int mbedtls_md5_ret(const unsigned char *in, size_t ilen, unsigned char *out);
int mbedtls_sha1_ret(const unsigned char *in, size_t ilen, unsigned char *out);
int mbedtls_des_setkey_enc(mbedtls_des_context *ctx, const unsigned char *key);
int mbedtls_aes_crypt_ecb(mbedtls_aes_context *ctx, int mode,
                          const unsigned char in[16], unsigned char out[16]);
#ifdef __cplusplus
}
#endif
#endif

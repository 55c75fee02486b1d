/* Mock libgcrypt for lit tests. */
#ifndef MOCK_GCRYPT_H
#define MOCK_GCRYPT_H
typedef struct gcry_md_handle *gcry_md_hd_t;
typedef struct gcry_cipher_handle *gcry_cipher_hd_t;
typedef unsigned int gcry_error_t;
enum gcry_md_algos { GCRY_MD_NONE = 0, GCRY_MD_MD5 = 1, GCRY_MD_SHA1 = 2, GCRY_MD_SHA256 = 8 };
enum gcry_md_flags { GCRY_MD_FLAG_SECURE = 1, GCRY_MD_FLAG_HMAC = 2 };
enum gcry_cipher_algos { GCRY_CIPHER_3DES = 2, GCRY_CIPHER_AES256 = 9 };
enum gcry_cipher_modes { GCRY_CIPHER_MODE_ECB = 1, GCRY_CIPHER_MODE_GCM = 9 };
#ifdef __cplusplus
extern "C" {
#endif
gcry_error_t gcry_md_open(gcry_md_hd_t *h, int algo, unsigned int flags);
gcry_error_t gcry_cipher_open(gcry_cipher_hd_t *h, int algo, int mode,
                              unsigned int flags);
#ifdef __cplusplus
}
#endif
#endif

/* Mock OpenSSL for lit tests: <openssl/evp.h> and the legacy digest/cipher
 * headers include this one. */
#ifndef MOCK_OPENSSL_EVP_H
#define MOCK_OPENSSL_EVP_H
typedef __SIZE_TYPE__ size_t;
typedef struct evp_md_st EVP_MD;
typedef struct evp_cipher_st EVP_CIPHER;
typedef struct evp_md_ctx_st EVP_MD_CTX;
typedef struct evp_cipher_ctx_st EVP_CIPHER_CTX;
typedef struct ossl_lib_ctx_st OSSL_LIB_CTX;
typedef struct engine_st ENGINE;
typedef struct hmac_ctx_st HMAC_CTX;
typedef struct rsa_st RSA;
typedef struct evp_pkey_ctx_st EVP_PKEY_CTX;
typedef struct MD5state_st { unsigned int A, B, C, D; } MD5_CTX;
typedef struct SHAstate_st { unsigned int h0, h1, h2, h3, h4; } SHA_CTX;
typedef unsigned char DES_cblock[8];
typedef struct DES_ks { DES_cblock ks[16]; } DES_key_schedule;
typedef struct rc4_key_st { unsigned int x, y, data[256]; } RC4_KEY;
typedef struct aes_key_st { unsigned int rd_key[60]; int rounds; } AES_KEY;
#define NID_md5 4
#define NID_sha1 64
#define NID_sha256 672
#define DES_ENCRYPT 1
#define AES_ENCRYPT 1
#ifdef __cplusplus
extern "C" {
#endif
const EVP_MD *EVP_md5(void);
const EVP_MD *EVP_md4(void);
const EVP_MD *EVP_sha1(void);
const EVP_MD *EVP_sha256(void);
const EVP_CIPHER *EVP_des_cbc(void);
const EVP_CIPHER *EVP_des_ede3_cbc(void);
const EVP_CIPHER *EVP_rc4(void);
const EVP_CIPHER *EVP_bf_cbc(void);
const EVP_CIPHER *EVP_rc2_cbc(void);
const EVP_CIPHER *EVP_aes_128_ecb(void);
const EVP_CIPHER *EVP_aes_256_gcm(void);
const EVP_CIPHER *EVP_aes_256_cbc(void);
const EVP_MD *EVP_get_digestbyname(const char *name);
const EVP_CIPHER *EVP_get_cipherbyname(const char *name);
const EVP_MD *EVP_get_digestbynid(int nid);
EVP_MD *EVP_MD_fetch(OSSL_LIB_CTX *ctx, const char *algorithm,
                     const char *properties);
EVP_CIPHER *EVP_CIPHER_fetch(OSSL_LIB_CTX *ctx, const char *algorithm,
                             const char *properties);
int EVP_DigestInit_ex(EVP_MD_CTX *ctx, const EVP_MD *type, ENGINE *impl);
int EVP_EncryptInit_ex(EVP_CIPHER_CTX *ctx, const EVP_CIPHER *type,
                       ENGINE *impl, const unsigned char *key,
                       const unsigned char *iv);
int EVP_Digest(const void *data, size_t count, unsigned char *md,
               unsigned int *size, const EVP_MD *type, ENGINE *impl);
unsigned char *MD5(const unsigned char *d, size_t n, unsigned char *md);
int MD5_Init(MD5_CTX *c);
int MD5_Update(MD5_CTX *c, const void *data, size_t len);
int MD5_Final(unsigned char *md, MD5_CTX *c);
unsigned char *SHA1(const unsigned char *d, size_t n, unsigned char *md);
int SHA1_Init(SHA_CTX *c);
int SHA1_Update(SHA_CTX *c, const void *data, size_t len);
int SHA1_Final(unsigned char *md, SHA_CTX *c);
unsigned char *SHA256(const unsigned char *d, size_t n, unsigned char *md);
int DES_set_key_checked(DES_cblock *key, DES_key_schedule *schedule);
void DES_ecb_encrypt(DES_cblock *input, DES_cblock *output,
                     DES_key_schedule *ks, int enc);
void RC4_set_key(RC4_KEY *key, int len, const unsigned char *data);
void RC4(RC4_KEY *key, size_t len, const unsigned char *indata,
         unsigned char *outdata);
void AES_ecb_encrypt(const unsigned char *in, unsigned char *out,
                     const AES_KEY *key, const int enc);
unsigned char *HMAC(const EVP_MD *evp_md, const void *key, int key_len,
                    const unsigned char *d, size_t n, unsigned char *md,
                    unsigned int *md_len);
int HMAC_Init_ex(HMAC_CTX *ctx, const void *key, int len, const EVP_MD *md,
                 ENGINE *impl);
int PKCS5_PBKDF2_HMAC(const char *pass, int passlen, const unsigned char *salt,
                      int saltlen, int iter, const EVP_MD *digest, int keylen,
                      unsigned char *out);
int EVP_PKEY_CTX_set_rsa_oaep_md(EVP_PKEY_CTX *ctx, const EVP_MD *md);
int RSA_sign(int type, const unsigned char *m, unsigned int m_length,
             unsigned char *sigret, unsigned int *siglen, RSA *rsa);
/* A system header may use what user code must not. */
static inline const EVP_MD *mock_legacy_default(void) { return EVP_md5(); }
#ifdef __cplusplus
}
#endif
#endif

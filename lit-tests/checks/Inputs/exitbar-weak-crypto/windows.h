/* Mock <windows.h> with the CryptoAPI and CNG declarations for lit tests. */
#ifndef MOCK_WINDOWS_H
#define MOCK_WINDOWS_H
typedef unsigned long ULONG;
typedef unsigned long DWORD;
typedef int BOOL;
typedef long NTSTATUS;
typedef unsigned int ALG_ID;
typedef unsigned long long HCRYPTPROV;
typedef unsigned long long HCRYPTKEY;
typedef unsigned long long HCRYPTHASH;
typedef void *BCRYPT_ALG_HANDLE;
typedef void *BCRYPT_HANDLE;
typedef const wchar_t *LPCWSTR;
typedef unsigned char *PUCHAR;
#define ALG_CLASS_HASH (4 << 13)
#define ALG_CLASS_DATA_ENCRYPT (3 << 13)
#define ALG_TYPE_ANY 0
#define ALG_TYPE_BLOCK (3 << 9)
#define ALG_TYPE_STREAM (4 << 9)
#define ALG_SID_MD5 3
#define ALG_SID_SHA1 4
#define ALG_SID_SHA_256 12
#define ALG_SID_DES 1
#define ALG_SID_3DES 3
#define ALG_SID_RC4 1
#define ALG_SID_RC5 13
#define ALG_SID_AES_256 16
#define CALG_MD5 (ALG_CLASS_HASH | ALG_TYPE_ANY | ALG_SID_MD5)
#define CALG_SHA1 (ALG_CLASS_HASH | ALG_TYPE_ANY | ALG_SID_SHA1)
#define CALG_SHA_256 (ALG_CLASS_HASH | ALG_TYPE_ANY | ALG_SID_SHA_256)
#define CALG_DES (ALG_CLASS_DATA_ENCRYPT | ALG_TYPE_BLOCK | ALG_SID_DES)
#define CALG_3DES (ALG_CLASS_DATA_ENCRYPT | ALG_TYPE_BLOCK | ALG_SID_3DES)
#define CALG_RC4 (ALG_CLASS_DATA_ENCRYPT | ALG_TYPE_STREAM | ALG_SID_RC4)
#define CALG_RC5 (ALG_CLASS_DATA_ENCRYPT | ALG_TYPE_BLOCK | ALG_SID_RC5)
#define CALG_AES_256 (ALG_CLASS_DATA_ENCRYPT | ALG_TYPE_BLOCK | ALG_SID_AES_256)
#define BCRYPT_MD5_ALGORITHM L"MD5"
#define BCRYPT_SHA1_ALGORITHM L"SHA1"
#define BCRYPT_SHA256_ALGORITHM L"SHA256"
#define BCRYPT_RC4_ALGORITHM L"RC4"
#define BCRYPT_DES_ALGORITHM L"DES"
#define BCRYPT_3DES_ALGORITHM L"3DES"
#define BCRYPT_AES_ALGORITHM L"AES"
#define BCRYPT_CHAINING_MODE L"ChainingMode"
#define BCRYPT_CHAIN_MODE_ECB L"ChainingModeECB"
#define BCRYPT_CHAIN_MODE_GCM L"ChainingModeGCM"
#ifdef __cplusplus
extern "C" {
#endif
BOOL CryptCreateHash(HCRYPTPROV prov, ALG_ID algid, HCRYPTKEY key,
                     DWORD flags, HCRYPTHASH *hash);
BOOL CryptDeriveKey(HCRYPTPROV prov, ALG_ID algid, HCRYPTHASH base,
                    DWORD flags, HCRYPTKEY *key);
NTSTATUS BCryptOpenAlgorithmProvider(BCRYPT_ALG_HANDLE *alg, LPCWSTR algid,
                                     LPCWSTR impl, ULONG flags);
NTSTATUS BCryptSetProperty(BCRYPT_HANDLE object, LPCWSTR property,
                           PUCHAR input, ULONG size, ULONG flags);
#ifdef __cplusplus
}
#endif
#endif

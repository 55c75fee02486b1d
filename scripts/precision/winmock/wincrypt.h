/* wincrypt.h - declarations-only stand-in (see windows.h here).
 * SPDX-License-Identifier: Apache-2.0 */
#ifndef EXITBAR_WINMOCK_WINCRYPT_H
#define EXITBAR_WINMOCK_WINCRYPT_H
#include "windows.h"
typedef unsigned long HCRYPTPROV, HCRYPTKEY, HCRYPTHASH;
#define PROV_RSA_AES 24
#define MS_ENHANCED_PROV "Microsoft Enhanced Cryptographic Provider v1.0"
#define CRYPT_NEWKEYSET 8
#define CALG_SHA_256 0x800c
#define CALG_AES_256 0x6610
BOOL CryptAcquireContext(HCRYPTPROV *, const void *, const void *, DWORD, DWORD);
BOOL CryptCreateHash(HCRYPTPROV, unsigned, HCRYPTKEY, DWORD, HCRYPTHASH *);
BOOL CryptHashData(HCRYPTHASH, const BYTE *, DWORD, DWORD);
BOOL CryptDeriveKey(HCRYPTPROV, unsigned, HCRYPTHASH, DWORD, HCRYPTKEY *);
BOOL CryptEncrypt(HCRYPTKEY, HCRYPTHASH, BOOL, DWORD, BYTE *, DWORD *, DWORD);
BOOL CryptDecrypt(HCRYPTKEY, HCRYPTHASH, BOOL, DWORD, BYTE *, DWORD *);
BOOL CryptDestroyHash(HCRYPTHASH);
BOOL CryptDestroyKey(HCRYPTKEY);
BOOL CryptReleaseContext(HCRYPTPROV, DWORD);
#endif

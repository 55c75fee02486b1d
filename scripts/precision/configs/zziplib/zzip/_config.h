/* _config.h - stand-in for the header zziplib's build generates (Linux).
 * SPDX-License-Identifier: Apache-2.0 */
#define ZZIP_HAVE_STDINT_H 1
#define ZZIP_HAVE_UNISTD_H 1
#define ZZIP_HAVE_SYS_STAT_H 1
#define ZZIP_HAVE_DIRENT_H 1
#define ZZIP_HAVE_STRING_H 1
#define ZZIP_HAVE_ZLIB_H 1
#define ZZIP_PACKAGE "zziplib"
#define ZZIP_VERSION "0.13"

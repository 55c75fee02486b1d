/* ngx_auto_headers.h - hand-written stand-in for what nginx's configure
 * writes on Linux, enough to parse src/ for docs/checks/precision/.
 * SPDX-License-Identifier: Apache-2.0 */
#ifndef NGX_LINUX
#define NGX_LINUX 1
#endif
#define NGX_HAVE_UNISTD_H 1
#define NGX_HAVE_INTTYPES_H 1
#define NGX_HAVE_LIMITS_H 1
#define NGX_HAVE_SYS_PARAM_H 1
#define NGX_HAVE_SYS_MOUNT_H 1
#define NGX_HAVE_SYS_STATVFS_H 1
#define NGX_HAVE_CRYPT_H 1
#define NGX_HAVE_MALLOC_H 1

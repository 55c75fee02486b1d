/* config.h - stand-in for OpenSSH's configure output (Linux), enough to
 * parse scp.c (docs/checks/precision/cves.md).
 * SPDX-License-Identifier: Apache-2.0 */
#define HAVE_U_INT 1
#define HAVE_INTXX_T 1
#define HAVE_U_INTXX_T 1
#define HAVE_UINTXX_T 1
#define HAVE_INT64_T 1
#define HAVE_U_INT64_T 1
#define HAVE_U_CHAR 1
#define HAVE_SIZE_T 1
#define HAVE_SSIZE_T 1
#define HAVE_SOCKLEN_T 1
#define HAVE_CLOCK_T 1
#define HAVE_SA_FAMILY_T 1
#define HAVE_IN_ADDR_T 1
#define HAVE_IN_PORT_T 1
#define HAVE_MODE_T 1
#define HAVE_PID_T 1
#define HAVE_STRUCT_TIMESPEC 1
#define HAVE_STRUCT_ADDRINFO 1
#define HAVE_STRUCT_SOCKADDR_STORAGE 1
#define HAVE_STRUCT_SOCKADDR_IN6 1
#define HAVE_STRUCT_IN6_ADDR 1
#define HAVE_STDINT_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_SYS_TIME_H 1
#define HAVE_UNISTD_H 1
#define HAVE_PATHS_H 1
#define HAVE_DIRENT_H 1
#define HAVE_FCNTL_H 1
#define HAVE_LIMITS_H 1
#define HAVE_POLL_H 1
#define HAVE_SYS_POLL_H 1
#define HAVE_STRING_H 1
#define HAVE_STRINGS_H 1
#define HAVE_UTIME_H 1
#define HAVE_UTIMES 1
#define HAVE_FNMATCH_H 1
#define HAVE_FNMATCH 1
#define HAVE_STRLCPY 0
#define HAVE_ENDIAN_H 1
#define HAVE_SYS_CDEFS_H 1
#define HAVE_STDARG_H 1
#define HAVE_VA_COPY 1
#define HAVE_ATTRIBUTE__NONNULL__ 1
#define HAVE_ATTRIBUTE__SENTINEL__ 1
#define SSH_RAND_HELPER ""
#define _PATH_SSH_PROGRAM "/usr/bin/ssh"
#define __USE_GNU 1
/* Added in session 9: the system has these, and without them scp.c's sink()
   parsed with errors (S_ISDIR from defines.h's fallback, intmax_t twice). */
#define HAVE_SYS_STAT_H 1
#define HAVE_INTMAX_T 1
#define HAVE_UINTMAX_T 1
#define HAVE_FD_MASK 1
#define SNPRINTF_CONST const
#define HAVE_POLL_H 1

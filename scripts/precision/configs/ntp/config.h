/* config.h - stand-in for ntp's configure output (Linux), enough to parse
 * util/ntp-keygen.c (docs/checks/precision/cves.md).
 * SPDX-License-Identifier: Apache-2.0 */
#define HAVE_NO_NICE 1
#define HAVE_STDLIB_H 1
#define HAVE_STRING_H 1
#define HAVE_UNISTD_H 1
#define HAVE_SYS_TIME_H 1
#define HAVE_FCNTL_H 1
#define HAVE_ERRNO_H 1
#define HAVE_STDINT_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_LIMITS_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_SYS_SOCKET_H 1
#define HAVE_NETINET_IN_H 1
#define HAVE_ARPA_INET_H 1
#define HAVE_NETDB_H 1
#define HAVE_SIGNAL_H 1
#define HAVE_TIME_H 1
#define HAVE_STDARG_H 1
#define TIME_WITH_SYS_TIME 1
#define STDC_HEADERS 1
#define SIZEOF_INT 4
#define SIZEOF_LONG 8
#define SIZEOF_SIGNED_CHAR 1
#define SIZEOF_SHORT 2
#define SIZEOF_TIME_T 8
#define HAVE_INT32 0
#define HAVE_U_INT32 0
#define ISC_PLATFORM_HAVEIPV6 1
#define OPENSSL 1
#define AUTOKEY 1
#define NTP_KEYSDIR "/etc/ntp"
#define VERSION "4.2.8"
#define PACKAGE "ntp"
/* ntp_machine.h refuses to compile without a tty interface (ntpd/ntp_config.c).
 */
#define HAVE_TERMIOS 1
/* ntp_intres.h turns the resolver (and CVE-2014-9293's code) off without
 * fork(). */
#define HAVE_WORKING_FORK 1

/* config.h - a stand-in for the configure-generated CUPS config.h (CVE replay,
 * cves.tsv) */
/* SPDX-License-Identifier: Apache-2.0 */
/* The random-number macros as config.h.in defines them where random() exists.
 */
#define CUPS_RAND() random()
#define CUPS_SRAND(v) srandom(v)
#define CUPS_DATADIR "/usr/share/cups"
#define CUPS_SERVERROOT "/etc/cups"

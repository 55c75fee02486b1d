/* config.h - empty stand-in for a configure-generated header, so that files
 * including it parse (docs/checks/precision/cves.md).
 * SPDX-License-Identifier: Apache-2.0 */

/* endianness.h - stand-in for the header leptonica's build generates (little
 * endian).
 * SPDX-License-Identifier: Apache-2.0 */
#define L_LITTLE_ENDIAN

/* direct.h - empty stand-in (see windows.h here).
 * SPDX-License-Identifier: Apache-2.0 */

/* Mock <mbedtls/cipher.h>. */
#include <mbedtls/md.h>

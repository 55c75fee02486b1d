/* Mock <mbedtls/sha1.h>. */
#include <mbedtls/md.h>

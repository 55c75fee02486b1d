/* Mock <mbedtls/md5.h>. */
#include <mbedtls/md.h>

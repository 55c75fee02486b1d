/* Mock <mbedtls/des.h>. */
#include <mbedtls/md.h>

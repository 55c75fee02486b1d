/* Mock <openssl/des.h>. */
#include <openssl/evp.h>

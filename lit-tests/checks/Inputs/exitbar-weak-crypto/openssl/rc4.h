/* Mock <openssl/rc4.h>. */
#include <openssl/evp.h>

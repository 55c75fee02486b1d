/* Mock <openssl/rsa.h>. */
#include <openssl/evp.h>

/* Mock <openssl/aes.h>. */
#include <openssl/evp.h>

/* Mock <openssl/sha.h>. */
#include <openssl/evp.h>

/* Mock <openssl/md5.h>. */
#include <openssl/evp.h>

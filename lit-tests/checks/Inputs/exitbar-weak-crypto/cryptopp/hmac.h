// Mock <cryptopp/hmac.h>.
#include <cryptopp/cryptlib.h>

// Mock <cryptopp/aes.h>.
#include <cryptopp/cryptlib.h>

// Mock <cryptopp/sha.h>.
#include <cryptopp/cryptlib.h>

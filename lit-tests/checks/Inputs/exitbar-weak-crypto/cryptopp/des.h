// Mock <cryptopp/des.h>.
#include <cryptopp/cryptlib.h>

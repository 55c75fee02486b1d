// Mock <cryptopp/arc4.h>.
#include <cryptopp/cryptlib.h>

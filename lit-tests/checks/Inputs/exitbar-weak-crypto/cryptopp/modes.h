// Mock <cryptopp/modes.h>.
#include <cryptopp/cryptlib.h>

// Mock <cryptopp/md5.h>.
#include <cryptopp/cryptlib.h>

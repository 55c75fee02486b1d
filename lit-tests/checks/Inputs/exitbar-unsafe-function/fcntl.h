/* Mock <fcntl.h> for lit tests. */
#ifndef MOCK_FCNTL_H
#define MOCK_FCNTL_H
#define O_RDONLY 0
#define O_RDWR 02
#define O_CREAT 0100
#define O_EXCL 0200
#ifdef __cplusplus
extern "C" {
#endif
int open(const char *path, int flags, ...);
#ifdef __cplusplus
}
#endif
#endif

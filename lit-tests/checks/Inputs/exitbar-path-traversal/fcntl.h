/* Mock <fcntl.h> and <sys/stat.h> for lit tests. */
#ifndef MOCK_FCNTL_H
#define MOCK_FCNTL_H
#ifdef __cplusplus
extern "C" {
#endif
#define O_RDONLY 0
#define AT_FDCWD -100
int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int creat(const char *path, unsigned mode);
int mkdir(const char *path, unsigned mode);
#ifdef __cplusplus
}
#endif
#endif

/* Mock <unistd.h> for lit tests. */
#ifndef MOCK_UNISTD_H
#define MOCK_UNISTD_H
#ifdef __cplusplus
extern "C" {
#endif
typedef long ssize_t;
typedef __SIZE_TYPE__ size_t;
int execl(const char *path, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
int execle(const char *path, const char *arg, ...);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execvpe(const char *file, char *const argv[], char *const envp[]);
int execve(const char *path, char *const argv[], char *const envp[]);
ssize_t read(int fd, void *buf, size_t n);
int unlink(const char *path);
int rmdir(const char *path);
#ifdef __cplusplus
}
#endif
#endif

/* Mock <spawn.h> for lit tests. */
#ifndef MOCK_SPAWN_H
#define MOCK_SPAWN_H
#ifdef __cplusplus
extern "C" {
#endif
typedef int pid_t;
typedef struct posix_spawn_file_actions_t posix_spawn_file_actions_t;
typedef struct posix_spawnattr_t posix_spawnattr_t;
int posix_spawn(pid_t *pid, const char *path,
                const posix_spawn_file_actions_t *actions,
                const posix_spawnattr_t *attr, char *const argv[],
                char *const envp[]);
int posix_spawnp(pid_t *pid, const char *file,
                 const posix_spawn_file_actions_t *actions,
                 const posix_spawnattr_t *attr, char *const argv[],
                 char *const envp[]);
#ifdef __cplusplus
}
#endif
#endif

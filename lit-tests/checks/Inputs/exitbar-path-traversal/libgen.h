/* Mock <libgen.h> for lit tests. */
#ifndef MOCK_LIBGEN_H
#define MOCK_LIBGEN_H
#ifdef __cplusplus
extern "C" {
#endif
char *basename(char *path);
#ifdef __cplusplus
}
#endif
#endif

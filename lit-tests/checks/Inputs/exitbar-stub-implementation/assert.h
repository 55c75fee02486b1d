/* Mock <assert.h> for lit tests, shaped like glibc's. */
#ifdef __cplusplus
extern "C" {
#endif
void __assert_fail(const char *assertion, const char *file, unsigned line,
                   const char *function) __attribute__((__noreturn__));
#ifdef __cplusplus
}
#endif
#undef assert
#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
#define assert(expr)                                                           \
  ((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

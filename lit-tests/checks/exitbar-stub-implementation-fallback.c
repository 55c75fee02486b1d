// RUN: %check_exitbar_tidy %s exitbar-stub-implementation %t -- -- -isystem %S/Inputs/exitbar-stub-implementation

// Versions that conditional compilation chose where a platform or a
// configuration lacks a feature are fallbacks, not unfinished code.

typedef struct FILE FILE;
extern FILE *stderr;
int fprintf(FILE *stream, const char *format, ...);
void perror(const char *s);
int mlockall(int flags);
void abort(void) __attribute__((noreturn));

// --- Accepted ---------------------------------------------------------------

/* Disable paging */
void lock_memory(int print_msg) {
#ifdef HAVE_MLOCKALL
  if (mlockall(3) < 0)
    perror("mlockall");
#else
  fprintf(stderr, "WARNING: mlockall call failed (function not implemented)\n");
#endif
}

#if defined(__APPLE__) && defined(HAVE_COPYFILE)
static int setup_mac_metadata(void *a, void *entry, int *fd) {
  return copy_metadata(a, entry, fd);
}
#else
/*
 * Stub implementation for non-Mac systems.
 */
static int setup_mac_metadata(void *a, void *entry, int *fd) {
  (void)a;
  (void)entry;
  (void)fd;
  return 0;
}
#endif

// --- Flagged ----------------------------------------------------------------

// The skipped branch only calls it, or declares it: no other definition.
#ifdef HAVE_XATTR
int unused = setup_xattrs(0);
int setup_xattrs(void *a);
#endif
/* Stub */
int setup_xattrs(void *a) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'setup_xattrs' is a stub that only returns a default value and is marked 'Stub'; implement it or remove it before release [exitbar-stub-implementation]
  (void)a;
  return 0;
}

// A stub that throws or aborts fails where it runs, fallback or not.
#ifdef HAVE_SPARSE
int setup_sparse(int fd) { return sparse(fd); }
#else
int setup_sparse(int fd) {
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'setup_sparse' is a stub that only aborts with "not implemented"; implement it or remove it before release [exitbar-stub-implementation]
  (void)fd;
  fprintf(stderr, "not implemented\n");
  abort();
}
#endif

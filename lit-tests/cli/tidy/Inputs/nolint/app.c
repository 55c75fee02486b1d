#include <string.h>
void a(char *d, const char *s) { strcpy(d, s); } // NOLINT
void b(char *d, const char *s) { strcpy(d, s); } // NOLINT(*)
void c(char *d, const char *s) { strcpy(d, s); } // NOLINT(exitbar-*)
// NOLINTNEXTLINE(exitbar-unsafe-function): d is sized by the caller to hold s
void d(char *d, const char *s) { strcpy(d, s); }
/* NOLINTBEGIN(bugprone-*, exit*) */
void e(char *d, const char *s) { strcpy(d, s); }
/* NOLINTEND(bugprone-*, exit*) */
void f(char *d, const char *s) { strcpy(d, s); } // NOLINT(exitbar-unsafe-function)
void g(char *d, const char *s) { strcpy(d, s); } // NOLINT(bugprone-not-ours)
const char *h = "// NOLINTx is no suppression";

// A system header: its compiler-specific branches are not the project's.
#ifndef __clang__
int system_gcc_only(void);
int system_gcc_only_too(void);
#endif
#include "project.h"

char *strcpy(char *dest, const char *src);

void copy(char *dest, const char *src) { strcpy(dest, src); }

#ifndef __clang__
void copy_fast(char *dest, const char *src) {
  __builtin_strcpy(dest, src);
}
#endif

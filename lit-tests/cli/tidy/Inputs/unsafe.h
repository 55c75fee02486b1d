char *strcpy(char *d, const char *s);
char *gets(char *s);

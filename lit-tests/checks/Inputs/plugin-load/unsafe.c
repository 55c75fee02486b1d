char *gets(char *s);
void read_line(char *buffer) { gets(buffer); }

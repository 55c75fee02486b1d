int core(void);
int main(void) { return core() - 1; }

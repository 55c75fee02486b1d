int price(int count);
int main(void) { return price(3) == 30 ? 0 : 1; }

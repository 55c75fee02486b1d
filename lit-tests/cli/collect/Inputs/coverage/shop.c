/* shop.c - a function with a branch the test takes only one way */
int price(int count) {
  if (count > 10)
    return count * 9;
  return count * 10;
}

int unused(void) { return 42; }

int main(void) { return price(3) == 30 ? 0 : 1; }

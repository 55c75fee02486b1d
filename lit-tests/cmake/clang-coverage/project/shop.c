/* shop.c - prices; the test covers one branch of price() and never unused() */
int price(int count) {
  if (count > 10)
    return count * 9;
  return count * 10;
}

int unused(void) { return 42; }

#include <stdio.h>
int main(void) {
  char name[16];
  scanf("%s", name);
  return name[0];
}

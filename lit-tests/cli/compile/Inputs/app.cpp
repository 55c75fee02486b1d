#include <cstdlib>

static const char *const api_key = "sk_live_4f9a2c7e1b8d6035";
static const char *const api_secret = "sk_live_9b1e77a0c3d24f18"; // NOLINT(exitbar-hardcoded-secret): test fixture

int compare(int x) { int a = x, b = 1; return a + b; }

int main(int argc, char **argv) {
  (void)api_key;
  (void)api_secret;
  if (argc > 1)
    return std::system(argv[1]);
  return compare(argc);
}

// A project's own generator, declared in its models' weak_generators, is
// checked as the C library's are (ntp's ntp_random, CVE-2014-9293/9294).
// RUN: %check_exitbar_tidy %s exitbar-insecure-random %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar.TaintModels, value: '%S/Inputs/taint-models/weak-generators.json'}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-insecure-random
// Without the model the same code has nothing the check knows.
// RUN: %clang_tidy %s --checks='-*,exitbar-insecure-random' --load=%exitbar_plugin -- -isystem %S/Inputs/exitbar-insecure-random 2>&1 | FileCheck --allow-empty --check-prefix=UNMODELLED %s
// UNMODELLED-NOT: warning:

long ntp_random(void);
long ntp_rand_ok(void);

void make_keys(unsigned char *md5key, int n) {
  for (int j = 0; j < n; j++) {
    int temp = ntp_random() & 0xff;
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: {{.*}}'ntp_random'
    md5key[j] = (unsigned char)temp;
  }
}

unsigned int request_keyid(void) {
  unsigned int req_keyid = (unsigned int)ntp_random();
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: {{.*}}
  return req_keyid;
}

long jitter(void) { return ntp_rand_ok() % 10; }

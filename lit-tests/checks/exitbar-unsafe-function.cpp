// RUN: %check_exitbar_tidy %s exitbar-unsafe-function %t -- -- -isystem %S/Inputs/exitbar-unsafe-function
// RUN: %check_exitbar_tidy -check-suffix=CXX20 -std=c++20 %s exitbar-unsafe-function %t -- -- -isystem %S/Inputs/exitbar-unsafe-function -DCXX20_ONLY

#include <cstring>
#include <istream>
#include <stdio.h>
#include <stdlib.h>

#ifndef CXX20_ONLY
void flagged(char *dst, const char *src, va_list ap) {
  char buf[32];
  gets(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'gets' cannot limit its input to the size of the buffer; use 'fgets' instead [exitbar-unsafe-function]
  strcpy(dst, src);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'strcpy' does not check the size of the destination buffer and the copy cannot be shown to fit (unknown source length and destination size); use 'snprintf' instead
  std::strcpy(dst, src);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'strcpy' does not check
  strcat(dst, src);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'strcat' does not check the size of the destination buffer and the copy cannot be shown to fit (unknown source length, length of the destination's current string and destination size); use 'snprintf' instead
  sprintf(buf, "%s", src);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sprintf' does not check the size of the destination buffer and the copy cannot be shown to fit (unknown length of the string for '%s'); use 'snprintf' instead
  vsprintf(buf, "%s", ap);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'vsprintf' does not check the size of the destination buffer and the copy cannot be shown to fit (arguments in a va_list); use 'vsnprintf' instead
  tmpnam(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tmpnam' returns a file name another process can create first; use 'mkstemp' instead
  tempnam("/tmp", "x");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'tempnam' returns a file name
  mktemp(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mktemp' returns a file name another process can create first; use 'mkstemp' instead
}

void flaggedScanf(FILE *f, const char *line) {
  char name[16];
  char word[8];
  int n;
  scanf("%s", name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'scanf' reads '%s' without a field width and can overflow the buffer; give it a width such as '%15s' [exitbar-unsafe-function]
  sscanf(line, "%d %[a-z]", &n, word);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sscanf' reads '%[a-z]' without a field width and can overflow the buffer; give it a width such as '%7[a-z]'
  fscanf(f, "%*s %ls", name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fscanf' reads '%ls' without a field width
}

struct Record {
  char sku[12];
};

void flaggedStream(std::istream &in, Record &r) {
  char line[64];
  in >> line;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'operator>>' into a char array of 64 bytes has no width set and can overflow it; use 'std::setw(64)' or read into a std::string [exitbar-unsafe-function]
  std::cin >> r.sku;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'operator>>' into a char array of 12 bytes
}

#define COPY(d, s) strcpy(d, s)
void flaggedThroughMacro(char *d, const char *s) {
  COPY(d, s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'strcpy' does not check
}

// Look-alikes that must stay silent.
namespace mylib {
char *strcpy(char *d, const char *s);
}
struct Reader {
  char *gets(char *s);
};

void accepted(char *dst, const char *src, FILE *f, Reader &r) {
  char buf[32];
  fgets(buf, sizeof buf, f);
  snprintf(buf, sizeof buf, "%s", src);
  strncpy(dst, src, 8);
  mylib::strcpy(dst, src);
  r.gets(buf);
  mkstemp(buf);
  strcpy(dst, src); // NOLINT(exitbar-unsafe-function)
  mock_system_copy(buf);
}

void acceptedScanf(const char *line, const char *fmt) {
  char name[16];
  char *owned;
  int n;
  scanf("%15s", name);
  scanf("%ms", &owned);
  scanf("%*s %d", &n);
  scanf("100%% %d", &n);
  sscanf(line, "%3[^]x]", name);
  sscanf(line, fmt, name);
}

void acceptedStream(std::istream &in, std::string &s) {
  char word[16];
  in >> std::setw(16) >> word;
  in >> s;
  int n;
  in >> n;
  char other[16];
  in.width(16);
  in >> other;
}
#endif

// C++20 replaced `>> CharT*` with `>> CharT (&)[N]`, which cannot overflow.
void cxx20(std::istream &in) {
  char word[16];
  in >> word;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'operator>>' into a char array of 16 bytes
}

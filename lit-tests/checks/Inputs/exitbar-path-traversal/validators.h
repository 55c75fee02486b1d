/* Mock third-party validation library for lit tests. */
#ifndef MOCK_VALIDATORS_H
#define MOCK_VALIDATORS_H
bool is_safe_path(const char *p);
bool checked_path(const char *p);
#endif

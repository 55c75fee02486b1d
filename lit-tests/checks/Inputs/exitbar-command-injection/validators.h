/* Mock third-party validation library for lit tests. */
#ifndef MOCK_VALIDATORS_H
#define MOCK_VALIDATORS_H
bool is_safe(const char *s);
bool my_check_name(const char *s);
#endif

/* Mock <ctype.h> for lit tests. */
#ifndef MOCK_CTYPE_H
#define MOCK_CTYPE_H
#ifdef __cplusplus
extern "C" {
#endif
int isalnum(int c);
int isdigit(int c);
#ifdef __cplusplus
}
#endif
#endif

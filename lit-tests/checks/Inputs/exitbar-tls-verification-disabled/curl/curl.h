/* Mock <curl/curl.h> for lit tests. */
#ifndef MOCK_CURL_H
#define MOCK_CURL_H
typedef void CURL;
typedef enum { CURLE_OK = 0 } CURLcode;
#define CURLOPTTYPE_LONG 0
#define CURLOPTTYPE_OBJECTPOINT 10000
typedef enum {
  CURLOPT_URL = CURLOPTTYPE_OBJECTPOINT + 2,
  CURLOPT_SSL_VERIFYPEER = CURLOPTTYPE_LONG + 64,
  CURLOPT_SSL_VERIFYHOST = CURLOPTTYPE_LONG + 81,
  CURLOPT_PROXY_SSL_VERIFYPEER = CURLOPTTYPE_LONG + 248,
  CURLOPT_PROXY_SSL_VERIFYHOST = CURLOPTTYPE_LONG + 249,
  CURLOPT_TIMEOUT = CURLOPTTYPE_LONG + 13,
  CURLOPT_CAINFO = CURLOPTTYPE_OBJECTPOINT + 65
} CURLoption;
#ifdef __cplusplus
extern "C" {
#endif
CURL *curl_easy_init(void);
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...);
CURLcode curl_easy_perform(CURL *curl);
/* A system header may do what user code must not. */
static inline void mock_insecure_default(CURL *c) {
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
}
#ifdef __cplusplus
}
#endif
#endif

/* Mock <curl/curl.h> for lit tests. */
#ifndef MOCK_CURL_H
#define MOCK_CURL_H
typedef void CURL;
typedef enum { CURLE_OK = 0 } CURLcode;
typedef enum {
  CURLOPT_URL = 10002,
  CURLOPT_PROXY = 10004,
  CURLOPT_REFERER = 10016,
  CURLOPT_USE_SSL = 119,
  CURLOPT_UNIX_SOCKET_PATH = 10231
} CURLoption;
typedef enum {
  CURLUSESSL_NONE,
  CURLUSESSL_TRY,
  CURLUSESSL_CONTROL,
  CURLUSESSL_ALL
} curl_usessl;
#define MOCK_LIBRARY_URL "http://curl.se/libcurl/"
#ifdef __cplusplus
extern "C" {
#endif
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...);
static inline void mock_library_default(CURL *c) {
  curl_easy_setopt(c, CURLOPT_URL, "http://example.com/from-a-system-header");
}
#ifdef __cplusplus
}
#endif
#endif

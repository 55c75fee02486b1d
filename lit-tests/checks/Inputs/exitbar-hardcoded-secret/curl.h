/* Mock <curl/curl.h> for lit tests. */
#ifndef MOCK_CURL_H
#define MOCK_CURL_H
typedef void CURL;
typedef enum {
  CURLOPT_URL = 10002,
  CURLOPT_USERNAME = 10173,
  CURLOPT_PASSWORD = 10174
} CURLoption;
#ifdef __cplusplus
extern "C" {
#endif
int curl_easy_setopt(CURL *curl, CURLoption option, ...);
#ifdef __cplusplus
}
#endif
#endif

/* Mock <mbedtls/ssl.h> for lit tests. */
#ifndef MOCK_MBEDTLS_SSL_H
#define MOCK_MBEDTLS_SSL_H
typedef struct mbedtls_ssl_config mbedtls_ssl_config;
#define MBEDTLS_SSL_IS_CLIENT 0
#define MBEDTLS_SSL_IS_SERVER 1
#define MBEDTLS_SSL_TRANSPORT_STREAM 0
#define MBEDTLS_SSL_PRESET_DEFAULT 0
#define MBEDTLS_SSL_VERIFY_NONE 0
#define MBEDTLS_SSL_VERIFY_OPTIONAL 1
#define MBEDTLS_SSL_VERIFY_REQUIRED 2
#ifdef __cplusplus
extern "C" {
#endif
int mbedtls_ssl_config_defaults(mbedtls_ssl_config *conf, int endpoint,
                                int transport, int preset);
void mbedtls_ssl_conf_authmode(mbedtls_ssl_config *conf, int authmode);
#ifdef __cplusplus
}
#endif
#endif

/* Mock <mysql.h> for lit tests: the real prototype names its parameters. */
#ifndef MOCK_MYSQL_H
#define MOCK_MYSQL_H
typedef struct MYSQL MYSQL;
#ifdef __cplusplus
extern "C" {
#endif
MYSQL *mysql_real_connect(MYSQL *mysql, const char *host, const char *user,
                          const char *passwd, const char *db,
                          unsigned int port, const char *unix_socket,
                          unsigned long clientflag);
#ifdef __cplusplus
}
#endif
#endif

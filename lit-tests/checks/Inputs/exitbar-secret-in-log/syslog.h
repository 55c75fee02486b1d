/* Mock <syslog.h> for lit tests. */
#ifndef MOCK_SYSLOG_H
#define MOCK_SYSLOG_H
#define LOG_INFO 6
#ifdef __cplusplus
extern "C" {
#endif
void syslog(int priority, const char *format, ...);
#ifdef __cplusplus
}
#endif
#endif

// Look-alikes that are not monitoring: a path that only starts like one,
// and a comment naming prometheus (no include, no build dependency).
// We might add prometheus later.
inline const char *DocsPath = "/healthcheck-docs/index.html";
inline const char *Report = "/reports/metrics.csv";

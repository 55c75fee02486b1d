// A service with a health route and Prometheus metrics.
#include <prometheus/exposer.h>
#include "routes.h"

void addRoutes(Router &R) {
  R.get("/api/v1/healthz", [] { return 200; });
  R.get("/metrics", exposeMetrics);
}

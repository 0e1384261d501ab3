package dev.taxiscale.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's meters: per query and status, the time from accepting a request to answering it
 * (its count is the throughput, its 4xx/5xx counts the errors), and the requests in flight.
 */
final class GatewayMetrics {
  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  GatewayMetrics(MeterRegistry registry, Admission admission) {
    this.registry = registry;
    Gauge.builder("taxiscale.gateway.in.flight", admission, Admission::inFlight)
        .description("HTTP requests accepted and not yet answered")
        .register(registry);
    Gauge.builder("taxiscale.gateway.admission.limit", admission, Admission::limit)
        .description("HTTP requests that may be in flight now; more get a 503")
        .register(registry);
  }

  /** Records one answered request. */
  void answered(String query, int status, long nanos) {
    timers
        .computeIfAbsent(query + " " + status, key -> waitTimer(query, status))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer waitTimer(String query, int status) {
    return Timer.builder("taxiscale.gateway.wait")
        .description("Time from accepting a query to answering it")
        .tag("query", query)
        .tag("status", String.valueOf(status))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(100_000))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry);
  }
}

package dev.taxiscale.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The worker's meters: per-stage latency, answers by status, dead letters and skipped requests. */
final class WorkerMetrics {
  private final MeterRegistry registry;
  private final Timer transit;
  private final Timer queue;
  private final ConcurrentMap<Integer, Timer> handled = new ConcurrentHashMap<>();
  private final Counter deadLetters;
  private final Counter expired;
  private final Counter replyFailures;
  private final Counter withheld;

  WorkerMetrics(MeterRegistry registry, String workerId, Supplier<Number> inFlight) {
    this.registry = registry;
    this.transit =
        latency("taxiscale.kafka.transit", "Time from send to receipt of a record")
            .tag("leg", "request")
            .register(registry);
    this.queue =
        latency("taxiscale.worker.queue", "Time a request waits for a worker thread")
            .register(registry);
    this.deadLetters =
        Counter.builder("taxiscale.worker.dead.letters")
            .description("Request records sent to the dead-letter topic")
            .register(registry);
    this.expired =
        Counter.builder("taxiscale.worker.expired")
            .description("Requests skipped because their deadline had passed")
            .register(registry);
    this.replyFailures =
        Counter.builder("taxiscale.worker.reply.failures")
            .description("Replies the broker did not accept in time")
            .register(registry);
    this.withheld =
        Counter.builder("taxiscale.worker.replies.withheld")
            .description("Replies not sent because the request's partition had moved away")
            .register(registry);
    Gauge.builder("taxiscale.worker.in.flight", inFlight, s -> s.get().doubleValue())
        .description("Requests taken from Kafka and not yet answered")
        .tag("worker", workerId)
        .strongReference(true)
        .register(registry);
  }

  /** A timer with a histogram wide enough for sub-millisecond Kafka hops and slow queries. */
  static Timer.Builder latency(String name, String description) {
    return Timer.builder(name)
        .description(description)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(100_000))
        .maximumExpectedValue(Duration.ofSeconds(30));
  }

  void transit(long micros) {
    if (micros >= 0) {
      transit.record(micros, TimeUnit.MICROSECONDS);
    }
  }

  void queued(long nanos) {
    queue.record(nanos, TimeUnit.NANOSECONDS);
  }

  void handled(int status, long nanos) {
    handled
        .computeIfAbsent(
            status,
            s ->
                latency("taxiscale.worker.requests", "Requests answered by this worker")
                    .tag("status", String.valueOf(s))
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  void deadLetter() {
    deadLetters.increment();
  }

  void expired() {
    expired.increment();
  }

  void withheld() {
    withheld.increment();
  }

  void replyFailed() {
    replyFailures.increment();
  }
}

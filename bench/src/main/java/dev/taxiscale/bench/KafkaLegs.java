package dev.taxiscale.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where a request's time goes on the Kafka path, from the meters the gateway and the workers keep
 * anyway (docs/runbook.md). Read before and after a measured mode, each stage's sums and counts
 * give its mean over exactly the measured requests; what no meter covers (the client, HTTP, the
 * gateway's own work) is the path's mean less theirs. A leg's send is stamped with the sending
 * process's wall clock and its receipt with the receiving one's: two processes of one machine.
 */
final class KafkaLegs {
  /** The gateway's timer from accepting a query to answering it. */
  static final String GATEWAY_WAIT = "taxiscale.gateway.wait";

  /** Send to receipt of a record, tagged by leg. */
  static final String TRANSIT = "taxiscale.kafka.transit";

  static final String WORKER_TRANSIT = "taxiscale_kafka_transit_seconds";
  static final String WORKER_QUEUE = "taxiscale_worker_queue_seconds";
  static final String WORKER_QUERY = "taxiscale_database_seconds";

  /** How the report names the paths through Kafka: {@code kafka-N} for N workers. */
  static final String KAFKA_PATH = "kafka-";

  private final MeterRegistry gateway;
  private final WorkerCounters scraper;
  private final Supplier<List<Integer>> workerPorts;

  KafkaLegs(MeterRegistry gateway, WorkerCounters scraper, Supplier<List<Integer>> workerPorts) {
    this.gateway = gateway;
    this.scraper = scraper;
    this.workerPorts = workerPorts;
  }

  /** A timer's total over some requests. */
  record Sum(long count, double seconds) {
    static final Sum ZERO = new Sum(0, 0);

    Sum plus(Sum other) {
      return new Sum(count + other.count, seconds + other.seconds);
    }

    Sum minus(Sum other) {
      return new Sum(count - other.count, seconds - other.seconds);
    }

    double meanMillis() {
      return count == 0 ? 0 : seconds * 1000 / count;
    }
  }

  /**
   * The stages' totals at one moment, in the order a request meets them.
   *
   * @param gatewayWait the gateway's accepting to answering
   * @param requestLeg the gateway's send to the worker's receipt
   * @param queue the worker's receipt to a thread taking it
   * @param handler the worker's answer: reading the request, the query, writing the answer
   * @param query of the handler's time, the query and writing its result
   * @param replyLeg the worker's send to the gateway's receipt
   */
  record Reading(Sum gatewayWait, Sum requestLeg, Sum queue, Sum handler, Sum query, Sum replyLeg) {
    Reading minus(Reading before) {
      return new Reading(
          gatewayWait.minus(before.gatewayWait),
          requestLeg.minus(before.requestLeg),
          queue.minus(before.queue),
          handler.minus(before.handler),
          query.minus(before.query),
          replyLeg.minus(before.replyLeg));
    }

    private List<Sum> all() {
      return List.of(gatewayWait, requestLeg, queue, handler, query, replyLeg);
    }
  }

  /** Every stage's totals now; a worker that does not answer its endpoint adds nothing. */
  Reading read() {
    Sum request = Sum.ZERO;
    Sum queue = Sum.ZERO;
    Sum handler = Sum.ZERO;
    Sum query = Sum.ZERO;
    for (int port : workerPorts.get()) {
      String page = scraper.scrape(port);
      if (page != null) {
        request = request.plus(WorkerCounters.timer(page, WORKER_TRANSIT, "leg=\"request\""));
        queue = queue.plus(WorkerCounters.timer(page, WORKER_QUEUE, null));
        handler = handler.plus(WorkerCounters.timer(page, WorkerCounters.ANSWERED, null));
        query = query.plus(WorkerCounters.timer(page, WORKER_QUERY, null));
      }
    }
    return new Reading(
        sum(gateway.find(GATEWAY_WAIT).timers()),
        request,
        queue,
        handler,
        query,
        sum(gateway.find(TRANSIT).tag("leg", "reply").timers()));
  }

  private static Sum sum(Collection<Timer> timers) {
    Sum total = Sum.ZERO;
    for (Timer t : timers) {
      total = total.plus(new Sum(t.count(), t.totalTime(TimeUnit.SECONDS)));
    }
    return total;
  }

  /**
   * For each Kafka path and mode, how far its p50 lies above the JDBC floor's p50 in the same mode,
   * both from the same turns (docs/scale.md sets a goal on the sequential one).
   */
  static List<String> overTheFloor(List<PathSummary> summaries) {
    List<String> lines = new ArrayList<>();
    for (PathSummary kafka : summaries) {
      if (!kafka.path().startsWith(KAFKA_PATH)) {
        continue;
      }
      summaries.stream()
          .filter(s -> s.path().equals(JdbcPath.NAME) && s.mode().equals(kafka.mode()))
          .findFirst()
          .ifPresent(
              floor ->
                  lines.add(
                      String.format(
                          Locale.ROOT,
                          "%s %s p50 over the JDBC floor's, taking turns with it: %+.2f ms"
                              + " (%.2f against %.2f)",
                          kafka.path(),
                          kafka.mode(),
                          (kafka.p50Micros() - floor.p50Micros()) / 1000.0,
                          kafka.p50Micros() / 1000.0,
                          floor.p50Micros() / 1000.0)));
    }
    return lines;
  }

  /**
   * One line for the report: the path's mean split by stage. Said not measured when a stage counted
   * other requests than the path answered, as when a worker stopped answering its endpoint.
   */
  static String describe(PathSummary path, Reading window) {
    String head = path.path() + " " + path.mode() + ", where the time goes";
    for (Sum stage : window.all()) {
      if (stage.count() != path.count()) {
        return head
            + ": not measured (a stage counted "
            + stage.count()
            + " requests, the path answered "
            + path.count()
            + ")";
      }
    }
    double mean = path.meanMicros() / 1000;
    double wait = window.gatewayWait().meanMillis();
    double metered =
        window.requestLeg().meanMillis()
            + window.queue().meanMillis()
            + window.handler().meanMillis()
            + window.replyLeg().meanMillis();
    return String.format(
        Locale.ROOT,
        "%s (means, ms): client and HTTP %.2f, gateway %.2f, request leg %.2f (the gateway's send"
            + " to the worker's receipt), worker queue %.2f, handler %.2f (the query and writing"
            + " its result %.2f), reply leg %.2f (the worker's send to the gateway's receipt);"
            + " %.2f in all",
        head,
        mean - wait,
        wait - metered,
        window.requestLeg().meanMillis(),
        window.queue().meanMillis(),
        window.handler().meanMillis(),
        window.query().meanMillis(),
        window.replyLeg().meanMillis(),
        mean);
  }
}

package dev.taxiscale.bench;

import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.gateway.DirectBackend;
import dev.taxiscale.gateway.Gateway;
import dev.taxiscale.gateway.GatewayConfig;
import dev.taxiscale.worker.QueryHandler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks each query type's requests one at a time through every path, type by type, so that each type
 * has latencies of its own: the paths take turns in every round after a warm-up, as in {@link
 * BenchCommand}. A summary's path reads e.g. {@code engine zone-fare}.
 */
final class ZoneMeasurement {
  private static final Logger log = LoggerFactory.getLogger(ZoneMeasurement.class);

  private final int rounds;
  private final int warmUpSeconds;
  private final LoadRunner runner = new LoadRunner();
  private final LoadRunner warmUps = new LoadRunner();
  private final List<PathSummary> summaries = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  ZoneMeasurement(int rounds, int warmUpSeconds) {
    this.rounds = rounds;
    this.warmUpSeconds = warmUpSeconds;
  }

  /** A path whose summaries name the query type it answered. */
  private record Typed(QueryPath path, String type) implements QueryPath {
    @Override
    public String name() {
      return path.name() + " " + type;
    }

    @Override
    public int workers() {
      return path.workers();
    }

    @Override
    public void answer(QueryRequest request) throws Exception {
      path.answer(request);
    }
  }

  /** Measures the in-process paths, then the Kafka path with {@code workers} workers (0 skips). */
  ZoneMeasurement run(
      DataSource pool, String jdbcUrl, Map<String, List<QueryRequest>> byType, int workers)
      throws Exception {
    List<QueryRequest> all = byType.values().stream().flatMap(List::stream).toList();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    DirectBackend backend = new DirectBackend(QueryHandler.overDatabase(pool, registry), 1);
    GatewayConfig config = GatewayConfig.defaults().withMode(GatewayConfig.Mode.DIRECT).withPort(0);
    try (Gateway gateway = new Gateway(config, backend, registry).start();
        QueryPath jdbc = JdbcPath.recording(pool, all);
        QueryPath http = new HttpPath("gateway-direct", 0, "http://127.0.0.1:" + gateway.port())) {
      measure(List.of(jdbc, new EnginePath(pool), http), byType);
    }
    if (workers > 0) {
      Path dir = Path.of("bench", "target", "zones-kafka").toAbsolutePath();
      try (KafkaStack kafka = KafkaStack.start(null, jdbcUrl, 4, dir);
          QueryPath overKafka = kafka.withWorkers(workers)) {
        measure(List.of(overKafka), byType);
      }
    }
    notes.add(
        "each path answered each type's requests "
            + (warmUpSeconds == 0 ? "once" : "for " + warmUpSeconds + " s")
            + " unmeasured, then "
            + rounds
            + " times one at a time, taking turns with the paths measured beside it");
    if (runner.firstError() != null) {
      notes.add("first measured error: " + runner.firstError());
    }
    if (warmUps.firstError() != null) {
      notes.add("first error while warming up (not counted): " + warmUps.firstError());
    }
    return this;
  }

  List<PathSummary> summaries() {
    return List.copyOf(summaries);
  }

  List<String> notes() {
    return List.copyOf(notes);
  }

  private void measure(List<QueryPath> paths, Map<String, List<QueryRequest>> byType)
      throws InterruptedException {
    for (Map.Entry<String, List<QueryRequest>> type : byType.entrySet()) {
      List<QueryPath> typed =
          paths.stream().map(p -> (QueryPath) new Typed(p, type.getKey())).toList();
      for (QueryPath path : typed) {
        warmUps.warmUp(path, type.getValue(), 1, Duration.ofSeconds(warmUpSeconds));
      }
      Map<QueryPath, PathSummary> merged = new LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        for (QueryPath path : typed) {
          merged.merge(
              path, runner.run(path, type.getValue(), LoadMode.sequential()), PathSummary::plus);
        }
      }
      for (PathSummary s : merged.values()) {
        log.info(
            "{}: p50 {} us, p99 {} us, {} errors",
            s.path(),
            s.p50Micros(),
            s.p99Micros(),
            s.errors());
        summaries.add(s);
      }
    }
  }
}

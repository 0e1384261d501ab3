package dev.taxiscale.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.gateway.DirectBackend;
import dev.taxiscale.gateway.Gateway;
import dev.taxiscale.gateway.GatewayConfig;
import dev.taxiscale.store.Database;
import dev.taxiscale.worker.QueryHandler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end-to-end benchmark: loads (or reuses) the trips, draws one request set, and sends it
 * through every path in every mode, so the figures compare side by side on the same machine load.
 * Writes {@code report.md} and {@code report.html} to the report directory.
 */
public final class BenchCommand {
  private static final Logger log = LoggerFactory.getLogger(BenchCommand.class);

  /** Summaries by path, in the order the paths were first measured. */
  private final Map<String, List<PathSummary>> summaries = new LinkedHashMap<>();

  private final List<String> notes = new ArrayList<>();
  private final LoadRunner runner = new LoadRunner();
  private final LoadRunner warmUps = new LoadRunner();

  /** Runs the whole suite; every process and server it started is stopped when it returns. */
  public BenchReport run(BenchOptions options) throws Exception {
    long start = System.nanoTime();
    Files.createDirectories(options.reportDir());
    Machine machine = Machine.current();
    if (options.jdbcUrl() != null) {
      return measure(options, options.jdbcUrl(), machine, start);
    }
    try (BenchServer server = BenchServer.start(options.dataDir(), "1GB")) {
      return measure(options, server.jdbcUrl(), machine, start);
    }
  }

  private BenchReport measure(BenchOptions options, String jdbcUrl, Machine machine, long start)
      throws Exception {
    try (HikariDataSource pool = pool(jdbcUrl, options.clients() + 1)) {
      Database.migrate(pool);
      BenchData data = new BenchData(pool);
      data.ensure(options.rows(), options.seed());
      data.prewarm();
      DataBounds bounds = DataBounds.of(pool);
      RequestSet set = RequestSet.draw(bounds, options.seed(), options.requests(), options.types());
      log.info("measuring {} requests on {} trips", set.size(), bounds.trips());
      notes.add(
          options.warmUpSeconds() == 0
              ? "each path answered the set once unmeasured before its measured runs"
              : "each path answered the set unmeasured for "
                  + options.warmUpSeconds()
                  + " s before its measured runs");
      notes.add(
          "each path answered the set "
              + options.rounds()
              + " times per mode, taking turns with the paths measured beside it");
      // one recording of the floor's statements serves the in-process turns and the Kafka ones;
      // it borrows connections from the pool and holds nothing, so closing it after the first
      // turns (QueryPath's default) leaves it usable
      QueryPath floor = JdbcPath.recording(pool, set.requests());
      measureInProcess(pool, floor, set, options);
      measureKafka(floor, jdbcUrl, set, options);
      measureSpark(jdbcUrl, set, options);
      if (runner.firstError() != null) {
        notes.add("first measured error: " + runner.firstError());
      }
      if (warmUps.firstError() != null) {
        notes.add("first error while warming up (not counted): " + warmUps.firstError());
      }
      BenchReport report =
          new BenchReport(
              machine,
              bounds,
              set.size(),
              options.seed(),
              summaries.values().stream().flatMap(List::stream).toList(),
              notes,
              (System.nanoTime() - start) / 1e9);
      ReportFiles.write(report, options.reportDir());
      return report;
    }
  }

  /** The JDBC floor, the engine and the direct gateway, taking turns in every round. */
  private void measureInProcess(
      HikariDataSource pool, QueryPath floor, RequestSet set, BenchOptions options)
      throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    DirectBackend backend =
        new DirectBackend(QueryHandler.overDatabase(pool, registry), options.clients());
    GatewayConfig config = GatewayConfig.defaults().withMode(GatewayConfig.Mode.DIRECT).withPort(0);
    try (Gateway gateway = new Gateway(config, backend, registry).start()) {
      measure(
          List.of(
              floor,
              new EnginePath(pool),
              new HttpPath("gateway-direct", 0, "http://127.0.0.1:" + gateway.port())),
          set,
          options);
    }
  }

  /**
   * Each Kafka path takes turns with the JDBC floor, so that the gap between them comes from the
   * same minutes of a host whose speed moves from one minute to the next; the floor's turns here
   * only serve that comparison, its rows in the report come from the in-process paths' turns.
   */
  private void measureKafka(QueryPath floor, String jdbcUrl, RequestSet set, BenchOptions options)
      throws Exception {
    if (options.workers().isEmpty()) {
      return;
    }
    try (KafkaStack kafka =
        KafkaStack.start(
            options.bootstrapServers(),
            jdbcUrl,
            options.workerThreads(),
            options.reportDir().toAbsolutePath())) {
      for (int count : options.workers()) {
        QueryPath path = kafka.withWorkers(count);
        try {
          warmUp(List.of(path), set, options);
          List<PathSummary> both = measureInTurns(List.of(floor, path), set, options, kafka.legs());
          both.stream().filter(s -> s.path().equals(path.name())).forEach(this::record);
          notes.addAll(KafkaLegs.overTheFloor(both));
        } finally {
          path.close();
        }
      }
    }
  }

  /**
   * The Spark baseline answers only the first requests of the set, one after another: a Spark job
   * per request takes long enough that the whole set in every mode would dominate the run.
   */
  private void measureSpark(String jdbcUrl, RequestSet set, BenchOptions options) throws Exception {
    int count = options.sparkCount(set.size());
    if (count == 0) {
      notes.add("Spark baseline: not measured (--no-spark or --spark-requests 0).");
      return;
    }
    List<QueryRequest> requests = set.requests().subList(0, count);
    try (SparkBaseline spark = SparkBaseline.start(jdbcUrl)) {
      warmUps.warmUp(spark, requests, 1, Duration.ZERO);
      PathSummary merged = null;
      for (int round = 0; round < options.rounds(); round++) {
        PathSummary one = runner.run(spark, requests, LoadMode.sequential());
        merged = merged == null ? one : merged.plus(one);
      }
      record(merged);
    }
    notes.add(
        "Spark baseline: the first "
            + count
            + " of the "
            + set.size()
            + " requests, sequential only, one Spark SQL job each in a local[*] session over a"
            + " Parquet copy of the trips exported from PostgreSQL once before timing.");
  }

  /** Warms every path up, then per mode lets them take turns for the configured rounds. */
  private void measure(List<QueryPath> paths, RequestSet set, BenchOptions options)
      throws Exception {
    try {
      warmUp(paths, set, options);
      measureInTurns(paths, set, options, null).forEach(this::record);
    } finally {
      for (QueryPath path : paths) {
        path.close();
      }
    }
  }

  private void warmUp(List<QueryPath> paths, RequestSet set, BenchOptions options)
      throws InterruptedException {
    for (QueryPath path : paths) {
      warmUps.warmUp(
          path, set.requests(), options.clients(), Duration.ofSeconds(options.warmUpSeconds()));
    }
  }

  /**
   * Per mode, the paths take turns for the configured rounds; returns each path's summary per mode.
   * Where {@code legs} is given, notes where each mode's time went on the Kafka paths among them.
   */
  private List<PathSummary> measureInTurns(
      List<QueryPath> paths, RequestSet set, BenchOptions options, KafkaLegs legs)
      throws InterruptedException {
    List<PathSummary> results = new ArrayList<>();
    for (LoadMode mode : options.modes()) {
      Map<QueryPath, PathSummary> merged = new LinkedHashMap<>();
      KafkaLegs.Reading before = legs == null ? null : legs.read();
      for (int round = 0; round < options.rounds(); round++) {
        for (QueryPath path : paths) {
          merged.merge(path, runner.run(path, set.requests(), mode), PathSummary::plus);
        }
      }
      results.addAll(merged.values());
      if (legs != null) {
        KafkaLegs.Reading window = legs.read().minus(before);
        merged.values().stream()
            .filter(s -> s.path().startsWith(KafkaLegs.KAFKA_PATH))
            .forEach(s -> notes.add(KafkaLegs.describe(s, window)));
      }
    }
    return results;
  }

  private void record(PathSummary s) {
    log.info(
        "{} {}: p50 {} us, p99 {} us, {} errors",
        s.path(),
        s.mode(),
        s.p50Micros(),
        s.p99Micros(),
        s.errors());
    summaries.computeIfAbsent(s.path(), path -> new ArrayList<>()).add(s);
  }

  static HikariDataSource pool(String url, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("postgres");
    config.setMaximumPoolSize(size);
    config.setPoolName("bench");
    config.setInitializationFailTimeout(1);
    config.setConnectionTimeout(5_000);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("database unreachable at " + url, e);
    }
  }
}

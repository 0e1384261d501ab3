package dev.taxiscale.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.taxiscale.gateway.DirectBackend;
import dev.taxiscale.gateway.Gateway;
import dev.taxiscale.gateway.GatewayConfig;
import dev.taxiscale.pipeline.QueryHandler;
import dev.taxiscale.store.Database;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end-to-end benchmark: loads (or reuses) the trips, draws one request set, and sends it
 * through every path in every mode, so the figures compare side by side on the same machine load.
 * Writes {@code report.md} and {@code report.html} to the report directory.
 */
public final class BenchCommand {
  private static final Logger log = LoggerFactory.getLogger(BenchCommand.class);

  private final List<PathSummary> summaries = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final LoadRunner runner = new LoadRunner();

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
      RequestSet set =
          RequestSet.draw(bounds, options.seed(), options.requests(), options.types());
      log.info("measuring {} requests on {} trips", set.size(), bounds.trips());
      measure(JdbcPath.recording(pool, set.requests()), set, options);
      measure(new EnginePath(pool), set, options);
      measureGatewayDirect(pool, set, options);
      measureKafka(jdbcUrl, set, options);
      notes.add(
          "Spark baseline: not measured in this version (one Spark job per request is not wired"
              + " into the suite yet).");
      if (runner.firstError() != null) {
        notes.add("first error: " + runner.firstError());
      }
      BenchReport report =
          new BenchReport(
              machine,
              bounds,
              set.size(),
              options.seed(),
              summaries,
              notes,
              (System.nanoTime() - start) / 1e9);
      ReportFiles.write(report, options.reportDir());
      return report;
    }
  }

  private void measureGatewayDirect(HikariDataSource pool, RequestSet set, BenchOptions options)
      throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    DirectBackend backend =
        new DirectBackend(QueryHandler.overDatabase(pool, registry), options.clients());
    GatewayConfig config = GatewayConfig.defaults().withMode(GatewayConfig.Mode.DIRECT).withPort(0);
    try (Gateway gateway = new Gateway(config, backend, registry).start()) {
      measure(
          new HttpPath("gateway-direct", 0, "http://127.0.0.1:" + gateway.port()), set, options);
    }
  }

  private void measureKafka(String jdbcUrl, RequestSet set, BenchOptions options)
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
        measure(kafka.withWorkers(count), set, options);
      }
    }
  }

  private void measure(QueryPath path, RequestSet set, BenchOptions options) throws Exception {
    try (path) {
      runner.warmUp(path, set.requests(), options.clients());
      for (LoadMode mode : options.modes()) {
        PathSummary summary = runner.run(path, set.requests(), mode);
        log.info(
            "{} {}: p50 {} us, p99 {} us, {} errors",
            summary.path(),
            summary.mode(),
            summary.p50Micros(),
            summary.p99Micros(),
            summary.errors());
        summaries.add(summary);
      }
    }
  }

  private static HikariDataSource pool(String url, int size) {
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

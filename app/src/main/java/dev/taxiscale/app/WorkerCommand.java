package dev.taxiscale.app;

import dev.taxiscale.pipeline.warmup.WarmUp;
import dev.taxiscale.store.DbConfig;
import dev.taxiscale.worker.MetricsServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code taxiscale worker}: one query worker process in the consumer group; start more to scale
 * out. Needs an external database and Kafka (for example the ones {@code up} prints).
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = "Run query workers that answer requests from Kafka (scale out by starting more).")
final class WorkerCommand implements Callable<Integer> {
  @Option(
      names = "--jdbc-url",
      required = true,
      defaultValue = "${env:TAXISCALE_JDBC_URL}",
      description = "PostgreSQL JDBC URL (env TAXISCALE_JDBC_URL)")
  String jdbcUrl;

  @Option(
      names = "--db-user",
      defaultValue = "${env:TAXISCALE_DB_USER:-postgres}",
      description = "Database user (default ${DEFAULT-VALUE})")
  String user;

  @Option(
      names = "--db-password",
      defaultValue = "${env:TAXISCALE_DB_PASSWORD}",
      description = "Database password (env TAXISCALE_DB_PASSWORD)")
  String password;

  @Mixin ExternalKafka kafka;

  @Option(
      names = "--workers",
      defaultValue = "1",
      description = "Worker instances in this process (default ${DEFAULT-VALUE})")
  int workers;

  @Option(
      names = "--metrics-port",
      defaultValue = "${env:TAXISCALE_WORKER_METRICS_PORT:--1}",
      description =
          "Serve Prometheus /metrics on this port, -1 for none (default ${DEFAULT-VALUE})")
  int metricsPort;

  @Option(
      names = "--metrics-host",
      defaultValue = "${env:TAXISCALE_WORKER_METRICS_HOST:-127.0.0.1}",
      description =
          "Address /metrics listens on; 0.0.0.0 where a scraper or probe calls from outside, as"
              + " in a pod (env TAXISCALE_WORKER_METRICS_HOST, default ${DEFAULT-VALUE})")
  String metricsHost;

  @Override
  public Integer call() throws Exception {
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be >= 1, got " + workers);
    }
    DbConfig db = new DbConfig(jdbcUrl, user, password, DbConfig.DEFAULT_POOL_SIZE);
    Services services = new Services();
    try {
      if (metricsPort >= 0) {
        services.add(MetricsServer.start(metricsHost, metricsPort, services.registry()));
      }
      for (int i = 1; i <= workers; i++) {
        services.worker(kafka.bootstrap, db, i, WarmUp.Plan.fromEnvironment(System.getenv()));
      }
    } catch (RuntimeException e) {
      services.close();
      throw e;
    }
    System.out.printf("%d worker(s) consuming from %s%n", workers, kafka.bootstrap);
    Shutdown.awaitThenClose(services);
    return 0;
  }
}

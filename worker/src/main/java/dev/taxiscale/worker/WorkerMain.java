package dev.taxiscale.worker;

import dev.taxiscale.pipeline.Env;
import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.warmup.WarmUp;
import dev.taxiscale.store.DbConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one query worker from environment variables until the process is stopped; SIGTERM stops it
 * gracefully. It warms up through its handler only when {@value WarmUp#ENV_WARM_UP} asks for
 * requests of each type, as the image does: the local cluster, the benchmarks and the tests start
 * it cold. The CLI's {@code taxiscale worker} does the same with flags. Needs a database with the
 * schema ({@code TAXISCALE_JDBC_URL}) and a running Kafka; creates missing topics.
 *
 * <p>{@value #ENV_METRICS_PORT} set to a port serves Prometheus metrics there, on the address
 * {@value #ENV_METRICS_HOST} names (loopback unless set).
 */
public final class WorkerMain {
  public static final String ENV_METRICS_PORT = "TAXISCALE_WORKER_METRICS_PORT";
  public static final String ENV_METRICS_HOST = "TAXISCALE_WORKER_METRICS_HOST";

  private WorkerMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = System.getenv();
    WorkerConfig config = WorkerConfig.fromEnvironment(env);
    DbConfig db = DbConfig.fromEnvironment(env);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    int metricsPort = Env.intOf(env, ENV_METRICS_PORT, -1);
    MetricsServer metrics =
        metricsPort >= 0
            ? MetricsServer.start(
                env.getOrDefault(ENV_METRICS_HOST, "127.0.0.1"), metricsPort, registry)
            : null;
    TopicSetup.ensure(config.bootstrapServers(), TopicConfig.fromEnvironment(env));
    DatabaseWorker worker =
        DatabaseWorker.open(config, db, registry)
            .warmUp(WarmUp.Plan.fromEnvironment(env, 0), "worker", System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  worker.close();
                  if (metrics != null) {
                    metrics.close();
                  }
                  stopped.countDown();
                }));
    worker.start();
    stopped.await();
  }
}

package dev.taxiscale.bench;

import dev.taxiscale.core.process.FreePorts;
import dev.taxiscale.core.process.OrphanGuard;
import dev.taxiscale.pipeline.Topics;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import dev.taxiscale.store.DbConfig;
import dev.taxiscale.worker.WorkerConfig;
import dev.taxiscale.worker.WorkerMain;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

/**
 * Query workers as separate JVMs ({@link WorkerMain} on this JVM's classpath), configured by the
 * same environment variables as in production; closing stops every one it started.
 */
final class WorkerProcesses implements AutoCloseable {
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(90);

  private final String bootstrapServers;
  private final String jdbcUrl;
  private final int threads;
  private final Path logDir;
  private final List<Process> processes = new ArrayList<>();
  private final List<Integer> metricsPorts = new ArrayList<>();

  WorkerProcesses(String bootstrapServers, String jdbcUrl, int threads, Path logDir) {
    this.bootstrapServers = bootstrapServers;
    this.jdbcUrl = jdbcUrl;
    this.threads = threads;
    this.logDir = logDir;
  }

  int count() {
    return processes.size();
  }

  /** Where each running worker serves its Prometheus metrics. */
  List<Integer> metricsPorts() {
    return List.copyOf(metricsPorts);
  }

  /** Starts workers until {@code total} run, then waits until the group has them all. */
  void scaleTo(int total) throws IOException, InterruptedException {
    while (processes.size() < total) {
      processes.add(startOne(processes.size() + 1));
    }
    awaitGroupOf(total);
  }

  private Process startOne(int number) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-Xmx384m",
            // as ./taxiscale starts its JVMs: the optimizing compiler's queue sets the warm-up
            "-XX:CICompilerCount=6",
            "-cp",
            System.getProperty("java.class.path"),
            WorkerMain.class.getName());
    Map<String, String> env = builder.environment();
    env.put(BrokerConfig.ENV_BOOTSTRAP, bootstrapServers);
    env.put(DbConfig.ENV_JDBC_URL, jdbcUrl);
    env.put(WorkerConfig.ENV_CONCURRENCY, String.valueOf(threads));
    env.put(WorkerConfig.ENV_CLIENT_ID, "bench-worker-" + number);
    int metricsPort = FreePorts.pick();
    env.put(WorkerMain.ENV_METRICS_PORT, String.valueOf(metricsPort));
    Path log = logDir.resolve("worker-" + number + ".log");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Process worker = builder.start();
    OrphanGuard.stopWithThisJvm(worker, null);
    metricsPorts.add(metricsPort);
    return worker;
  }

  private void awaitGroupOf(int members) throws InterruptedException {
    long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
    try (Admin admin = Admin.create(adminProperties())) {
      while (System.nanoTime() < deadline) {
        checkAlive();
        if (stableWith(admin, members)) {
          return;
        }
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException(
        "workers did not join the group within " + JOIN_TIMEOUT.toSeconds() + " s; see " + logDir);
  }

  private boolean stableWith(Admin admin, int members) throws InterruptedException {
    try {
      ConsumerGroupDescription group =
          admin
              .describeConsumerGroups(List.of(Topics.WORKER_GROUP))
              .all()
              .get(5, TimeUnit.SECONDS)
              .get(Topics.WORKER_GROUP);
      return group.groupState() == GroupState.STABLE && group.members().size() == members;
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      return false;
    }
  }

  private void checkAlive() {
    for (int i = 0; i < processes.size(); i++) {
      if (!processes.get(i).isAlive()) {
        throw new IllegalStateException(
            "worker "
                + (i + 1)
                + " exited with "
                + processes.get(i).exitValue()
                + "; see "
                + logDir.resolve("worker-" + (i + 1) + ".log"));
      }
    }
  }

  private Properties adminProperties() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "taxiscale-bench-admin");
    return p;
  }

  /** Asks each worker to stop (SIGTERM, a graceful stop), then kills those still running. */
  @Override
  public void close() throws InterruptedException {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      if (!p.waitFor(15, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
    processes.clear();
    metricsPorts.clear();
  }
}

package dev.taxiscale.worker;

import dev.taxiscale.pipeline.Env;
import dev.taxiscale.pipeline.Topics;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import java.time.Duration;
import java.util.Map;

/**
 * How one worker process consumes requests.
 *
 * @param bootstrapServers the Kafka cluster
 * @param groupId the consumer group all workers share
 * @param clientId names this worker's clients in broker logs and metrics
 * @param concurrency requests run at once, and the database connections the worker needs
 * @param maxInFlight requests taken from Kafka but not yet answered; beyond it the worker pauses
 *     fetching so that another worker can take over its partitions after a rebalance
 * @param sessionTimeout how soon the group notices a worker that died without leaving
 * @param shutdownTimeout how long a graceful stop waits for requests in flight
 */
public record WorkerConfig(
    String bootstrapServers,
    String groupId,
    String clientId,
    int concurrency,
    int maxInFlight,
    Duration sessionTimeout,
    Duration shutdownTimeout) {
  public static final String ENV_CONCURRENCY = "TAXISCALE_WORKER_THREADS";
  public static final String ENV_MAX_IN_FLIGHT = "TAXISCALE_WORKER_MAX_IN_FLIGHT";
  public static final String ENV_SESSION_TIMEOUT = "TAXISCALE_WORKER_SESSION_TIMEOUT_MS";
  public static final String ENV_CLIENT_ID = "TAXISCALE_WORKER_ID";

  public static final int DEFAULT_CONCURRENCY = 8;
  public static final int DEFAULT_MAX_IN_FLIGHT = 256;
  public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

  public WorkerConfig {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrapServers is required, e.g. 127.0.0.1:9092");
    }
    if (groupId == null || groupId.isBlank() || clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("groupId and clientId must not be blank");
    }
    if (concurrency < 1 || concurrency > 256) {
      throw new IllegalArgumentException("concurrency must be in [1, 256], got " + concurrency);
    }
    if (maxInFlight < concurrency) {
      throw new IllegalArgumentException(
          "maxInFlight must be at least concurrency (" + concurrency + "), got " + maxInFlight);
    }
    if (sessionTimeout.toMillis() < 1_000) {
      throw new IllegalArgumentException(
          "sessionTimeout must be at least 1 s, got " + sessionTimeout);
    }
    if (shutdownTimeout.isNegative()) {
      throw new IllegalArgumentException("shutdownTimeout must not be negative");
    }
  }

  /** The defaults for a worker of the shared group on the given cluster. */
  public static WorkerConfig defaults(String bootstrapServers) {
    return new WorkerConfig(
        bootstrapServers,
        Topics.WORKER_GROUP,
        "taxiscale-worker-" + ProcessHandle.current().pid(),
        DEFAULT_CONCURRENCY,
        DEFAULT_MAX_IN_FLIGHT,
        DEFAULT_SESSION_TIMEOUT,
        DEFAULT_SHUTDOWN_TIMEOUT);
  }

  /**
   * The defaults overridden by {@code TAXISCALE_WORKER_*}; the cluster comes from {@code
   * TAXISCALE_KAFKA_BOOTSTRAP}, else the embedded broker's default port.
   */
  public static WorkerConfig fromEnvironment(Map<String, String> env) {
    String bootstrap = BrokerConfig.fromEnvironment(env).clientBootstrap();
    WorkerConfig d = defaults(bootstrap);
    return new WorkerConfig(
        bootstrap,
        d.groupId(),
        Env.stringOf(env, ENV_CLIENT_ID, d.clientId()),
        Env.intOf(env, ENV_CONCURRENCY, d.concurrency()),
        Env.intOf(env, ENV_MAX_IN_FLIGHT, d.maxInFlight()),
        Env.millisOf(env, ENV_SESSION_TIMEOUT, d.sessionTimeout()),
        d.shutdownTimeout());
  }

  public WorkerConfig withClientId(String id) {
    return new WorkerConfig(
        bootstrapServers, groupId, id, concurrency, maxInFlight, sessionTimeout, shutdownTimeout);
  }

  public WorkerConfig withConcurrency(int threads) {
    return new WorkerConfig(
        bootstrapServers,
        groupId,
        clientId,
        threads,
        Math.max(maxInFlight, threads),
        sessionTimeout,
        shutdownTimeout);
  }

  public WorkerConfig withSessionTimeout(Duration timeout) {
    return new WorkerConfig(
        bootstrapServers, groupId, clientId, concurrency, maxInFlight, timeout, shutdownTimeout);
  }
}

package dev.taxiscale.pipeline.client;

import dev.taxiscale.pipeline.ClientSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows whether the broker answers, so that requests are refused at once while it does not instead
 * of each one waiting for its timeout. A probe asks the cluster for its nodes every interval; a
 * failed send marks the broker down until the next successful probe.
 */
final class BrokerWatch implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BrokerWatch.class);
  private static final Duration INTERVAL = Duration.ofMillis(500);
  private static final Duration PROBE_TIMEOUT = Duration.ofMillis(1_000);

  private final Admin admin;
  private final EveryInterval loop;
  private volatile boolean available = true;

  BrokerWatch(String bootstrapServers, String clientId) {
    this.admin = Admin.create(ClientSettings.admin(bootstrapServers, clientId));
    this.loop = new EveryInterval(clientId, INTERVAL, this::check);
  }

  void start() {
    loop.start();
  }

  boolean available() {
    return available;
  }

  /** A send failed for a reason that means the broker is unreachable. */
  void sendFailed(Throwable e) {
    if (e instanceof RetriableException && available) {
      available = false;
      log.warn("Kafka unreachable: {}", e.toString());
    }
  }

  private void check() {
    boolean up = probe();
    if (up != available) {
      log.warn("Kafka is {}", up ? "reachable again" : "unreachable");
    }
    available = up;
  }

  private boolean probe() {
    try {
      DescribeClusterOptions options =
          new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis());
      return !admin
          .describeCluster(options)
          .nodes()
          .get(PROBE_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS)
          .isEmpty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return available;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    loop.close();
    admin.close(Duration.ofSeconds(2));
  }
}

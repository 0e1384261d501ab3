package dev.taxiscale.worker;

import dev.taxiscale.pipeline.ClientSettings;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;

/** The consumer settings and the query pool of a worker. */
final class WorkerSettings {
  private WorkerSettings() {}

  static Properties consumer(WorkerConfig config) {
    Properties p =
        ClientSettings.consumer(config.bootstrapServers(), config.clientId(), config.groupId());
    p.put(
        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
        String.valueOf(config.sessionTimeout().toMillis()));
    p.put(
        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
        String.valueOf(heartbeatInterval(config).toMillis()));
    // cooperative rebalancing keeps the partitions that do not move flowing during a rebalance
    p.put(
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        CooperativeStickyAssignor.class.getName());
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(config.maxInFlight()));
    return p;
  }

  /**
   * A quarter of the session timeout: the group drops a worker only after several missed beats.
   * Also the longest silence of the poll thread after which the worker still trusts it owns its
   * partitions ({@link Ownership}): a last beat one interval before such a silence leaves half a
   * session to spare.
   */
  static Duration heartbeatInterval(WorkerConfig config) {
    return Duration.ofMillis(Math.max(300, config.sessionTimeout().toMillis() / 4));
  }

  /** Fixed threads; the queue is unbounded on its own and bounded by pausing at maxInFlight. */
  static ExecutorService pool(WorkerConfig config) {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(
        config.concurrency(),
        config.concurrency(),
        0,
        TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(),
        r -> new Thread(r, config.clientId() + "-query-" + n.incrementAndGet()));
  }
}

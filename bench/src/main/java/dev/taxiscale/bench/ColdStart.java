package dev.taxiscale.bench;

import dev.taxiscale.cluster.ClusterProcess;
import java.util.List;
import java.util.Locale;

/**
 * How long a node added under load takes to pull its weight: from its start until it joined the
 * worker group, and until it answered at 90% of the rate one node sustained before.
 *
 * @param joinedSeconds start to partitions assigned (replica seeded, JVM started, group joined)
 * @param ninetyPercentSeconds start to 90% of the steady rate, or the limit when never reached
 * @param reached whether it got there within {@link #LIMIT_SECONDS}
 */
public record ColdStart(
    int nodes, double joinedSeconds, double ninetyPercentSeconds, boolean reached) {
  static final int LIMIT_SECONDS = 180;

  /** Polls the new worker's answers each second until its rate reaches 90% of {@code perNode}. */
  static ColdStart await(
      ClusterProcess worker,
      WorkerCounters counters,
      double perNode,
      long startedNanos,
      double joinedSeconds)
      throws InterruptedException {
    long last = counters.read(List.of(worker)).getOrDefault(worker.name(), 0L);
    long lastAt = System.nanoTime();
    while ((System.nanoTime() - startedNanos) / 1e9 < LIMIT_SECONDS) {
      Thread.sleep(1_000);
      long now = counters.read(List.of(worker)).getOrDefault(worker.name(), 0L);
      long at = System.nanoTime();
      double rate = (now - last) * 1e9 / (at - lastAt);
      if (rate >= 0.9 * perNode) {
        return new ColdStart(number(worker), joinedSeconds, (at - startedNanos) / 1e9, true);
      }
      last = now;
      lastAt = at;
    }
    return new ColdStart(number(worker), joinedSeconds, LIMIT_SECONDS, false);
  }

  private static int number(ClusterProcess worker) {
    return Integer.parseInt(worker.name().substring(worker.name().lastIndexOf('-') + 1));
  }

  String describe() {
    return String.format(
        Locale.ROOT,
        "node %d joined after %.1f s, %s 90%% of one node's rate %s %.1f s",
        nodes,
        joinedSeconds,
        reached ? "reached" : "did not reach",
        reached ? "after" : "within",
        ninetyPercentSeconds);
  }
}

package dev.taxiscale.worker;

import java.time.Duration;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands partitions over cleanly: before a partition moves to another worker, the requests taken
 * from it are answered (for a while) and their offsets committed, so the new owner repeats as few
 * as possible.
 */
final class Rebalance implements ConsumerRebalanceListener {
  private static final Logger log = LoggerFactory.getLogger(Rebalance.class);
  private static final Duration FINISH_WAIT = Duration.ofSeconds(5);

  private final Consumer<String, byte[]> consumer;
  private final OffsetTracker offsets;

  Rebalance(Consumer<String, byte[]> consumer, OffsetTracker offsets) {
    this.consumer = consumer;
    this.offsets = offsets;
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    if (!partitions.isEmpty()) {
      log.info("assigned {}", partitions);
    }
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + FINISH_WAIT.toNanos();
    while (offsets.hasPending(partitions) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    try {
      consumer.commitSync(offsets.positions(partitions));
    } catch (RuntimeException e) {
      log.warn("commit on revoke failed, the new owner repeats some requests: {}", e.toString());
    }
    offsets.forget(partitions);
    log.info("revoked {}", partitions);
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    // someone else owns them already: committing would fail, and the new owner replays them
    offsets.forget(partitions);
    log.info("lost {}", partitions);
  }
}

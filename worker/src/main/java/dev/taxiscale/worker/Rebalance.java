package dev.taxiscale.worker;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands partitions over cleanly: before a partition moves to another worker, the requests taken
 * from it are answered (for a while) and their offsets committed, so the new owner repeats as few
 * as possible. After the worker was stopped for a while, it holds back what it fetched until the
 * group confirms it still owns those partitions. Runs on the poll thread only.
 */
final class Rebalance implements ConsumerRebalanceListener {
  private static final Logger log = LoggerFactory.getLogger(Rebalance.class);
  private static final Duration FINISH_WAIT = Duration.ofSeconds(5);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final Consumer<String, byte[]> consumer;
  private final OffsetTracker offsets;
  private final Ownership ownership;

  Rebalance(Consumer<String, byte[]> consumer, OffsetTracker offsets, Ownership ownership) {
    this.consumer = consumer;
    this.offsets = offsets;
    this.ownership = ownership;
  }

  /**
   * Whether the records of this poll may be answered. When the worker is not trusted, they are put
   * back (the consumer seeks to them, and pauses) and the group is asked whether the worker is
   * still a member; if so, the records come again from the next polls, and if not, the next poll
   * reports the partitions lost and the new owner answers them.
   */
  boolean admit(ConsumerRecords<String, byte[]> records) {
    if (ownership.turn()) {
      return true;
    }
    for (TopicPartition tp : records.partitions()) {
      consumer.seek(tp, records.records(tp).get(0).offset());
    }
    consumer.pause(consumer.assignment());
    Set<TopicPartition> assignment = consumer.assignment();
    if (assignment.isEmpty() || stillMember(assignment)) {
      ownership.confirmed();
      consumer.resume(consumer.paused());
      log.info("still a member of the group after a pause, answering for {} again", assignment);
    }
    return false;
  }

  /**
   * Commits the current positions: a member the group dropped gets its commit refused (and learns
   * so at once, so that the next poll reports its partitions lost).
   */
  private boolean stillMember(Set<TopicPartition> assignment) {
    try {
      Map<TopicPartition, OffsetAndMetadata> positions = offsets.positions(assignment);
      for (TopicPartition tp : assignment) {
        if (!positions.containsKey(tp)) {
          positions.put(tp, new OffsetAndMetadata(consumer.position(tp, PROBE_TIMEOUT)));
        }
      }
      consumer.commitSync(positions, PROBE_TIMEOUT);
      return true;
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      log.info("after a pause, not confirmed a member of the group: {}", e.toString());
      return false;
    }
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    // the cooperative protocol calls this after every completed rebalance: the worker is a member
    ownership.assigned(partitions);
    ownership.confirmed();
    if (!partitions.isEmpty()) {
      log.info("assigned {}", partitions);
    }
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    // cooperatively revoked partitions are still this worker's until this method returns
    ownership.confirmed();
    long deadline = System.nanoTime() + FINISH_WAIT.toNanos();
    while (offsets.hasPending(partitions) && System.nanoTime() < deadline) {
      ownership.turn();
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    ownership.released(partitions);
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
    // someone else owns them already: replying would answer twice, committing would fail, and the
    // new owner replays them
    ownership.released(partitions);
    offsets.forget(partitions);
    log.info("lost {}", partitions);
  }
}

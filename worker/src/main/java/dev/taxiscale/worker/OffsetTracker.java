package dev.taxiscale.worker;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets of each partition are safe to commit while requests finish out of order: the
 * position commits only up to the oldest request still unanswered, so a crash replays it (and
 * perhaps some answered ones after it) rather than losing it. Thread-safe.
 */
final class OffsetTracker {
  private final Map<TopicPartition, Partition> partitions = new ConcurrentHashMap<>();

  /** Records that a request was taken; returns the handle its completion must be reported to. */
  Partition dispatched(TopicPartition tp, long offset) {
    Partition partition = partitions.computeIfAbsent(tp, k -> new Partition());
    partition.dispatched(offset);
    return partition;
  }

  /** Offsets that moved since they were last returned, to commit. */
  Map<TopicPartition, OffsetAndMetadata> advanced() {
    Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
    partitions.forEach(
        (tp, partition) -> {
          long position = partition.takeAdvance();
          if (position >= 0) {
            commits.put(tp, new OffsetAndMetadata(position));
          }
        });
    return commits;
  }

  /** The commit positions of these partitions, whether or not they moved. */
  Map<TopicPartition, OffsetAndMetadata> positions(Collection<TopicPartition> tps) {
    Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
    for (TopicPartition tp : tps) {
      Partition partition = partitions.get(tp);
      long position = partition == null ? -1 : partition.position();
      if (position >= 0) {
        commits.put(tp, new OffsetAndMetadata(position));
      }
    }
    return commits;
  }

  /** Whether any of these partitions still has an unanswered request. */
  boolean hasPending(Collection<TopicPartition> tps) {
    return tps.stream().map(partitions::get).anyMatch(p -> p != null && p.hasPending());
  }

  /** Unanswered requests across all partitions. */
  int pending() {
    return partitions.values().stream().mapToInt(Partition::pendingCount).sum();
  }

  /** Stops tracking partitions this worker no longer owns; late completions are ignored. */
  void forget(Collection<TopicPartition> tps) {
    tps.forEach(partitions::remove);
  }

  /** One partition's unanswered offsets and the next offset to read. */
  static final class Partition {
    private final TreeSet<Long> pending = new TreeSet<>();
    private long next = -1;
    private long committed = -1;

    synchronized void dispatched(long offset) {
      pending.add(offset);
      next = Math.max(next, offset + 1);
    }

    synchronized void completed(long offset) {
      pending.remove(offset);
    }

    synchronized boolean hasPending() {
      return !pending.isEmpty();
    }

    synchronized int pendingCount() {
      return pending.size();
    }

    /** The offset a restart would read first: the oldest unanswered, or the next unread. */
    synchronized long position() {
      return pending.isEmpty() ? next : pending.first();
    }

    /** The commit position if it moved since the last call, else -1. */
    synchronized long takeAdvance() {
      long position = position();
      if (position <= committed) {
        return -1;
      }
      committed = position;
      return position;
    }
  }
}
